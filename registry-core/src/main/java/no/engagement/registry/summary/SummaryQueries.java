package no.engagement.registry.summary;

import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.FACILITATOR_ROLE;
import static no.engagement.registry.jooq.Tables.FUNDING_PROGRAMME;
import static no.engagement.registry.jooq.Tables.IMPORT_BATCH;
import static no.engagement.registry.jooq.Tables.INITIATIVE;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.ORGANISATION;
import static no.engagement.registry.jooq.Tables.PEACE_PROCESS;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE;
import static no.engagement.registry.jooq.Tables.REGION;
import static no.engagement.registry.jooq.Tables.STATEMENT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The summary feature's only door to the database. */
@Repository
class SummaryQueries {

  private final DSLContext dsl;

  SummaryQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  RegistrySummary summary() {
    var figures =
        dsl.select(
                count(),
                countDistinct(PERSONNEL_FIGURE.CONTRIBUTOR_ISO3),
                min(PERSONNEL_FIGURE.YEAR),
                max(PERSONNEL_FIGURE.YEAR))
            .from(PERSONNEL_FIGURE)
            .fetchOne();
    var missions =
        dsl.select(
                count(),
                count().filterWhere(MISSION.KIND.eq("peacekeeping")),
                count().filterWhere(MISSION.KIND.ne("peacekeeping")))
            .from(MISSION)
            .fetchOne();
    return new RegistrySummary(
        dsl.fetchCount(COUNTRY),
        dsl.fetchCount(REGION),
        dsl.fetchCount(ORGANISATION),
        missions.value1(),
        missions.value2(),
        missions.value3(),
        figures.value1(),
        figures.value2(),
        figures.value3() == null ? null : figures.value3().intValue(),
        figures.value4() == null ? null : figures.value4().intValue(),
        dsl.fetchCount(PEACE_PROCESS),
        dsl.fetchCount(FACILITATOR_ROLE),
        dsl.fetchCount(FUNDING_PROGRAMME),
        dsl.fetchCount(INITIATIVE),
        dsl.fetchCount(STATEMENT),
        dsl.fetchCount(IMPORT_BATCH));
  }
}
