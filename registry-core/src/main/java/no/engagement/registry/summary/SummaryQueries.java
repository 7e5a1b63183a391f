package no.engagement.registry.summary;

import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_ROLLUP;
import static no.engagement.registry.jooq.Tables.FACILITATOR_ROLE;
import static no.engagement.registry.jooq.Tables.FUNDING_PROGRAMME;
import static no.engagement.registry.jooq.Tables.IMPORT_BATCH;
import static no.engagement.registry.jooq.Tables.INITIATIVE;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.ORGANISATION;
import static no.engagement.registry.jooq.Tables.PEACE_PROCESS;
import static no.engagement.registry.jooq.Tables.REGION;
import static no.engagement.registry.jooq.Tables.STATEMENT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The summary feature's only door to the database. */
@Repository
class SummaryQueries {

  private final DSLContext dsl;

  SummaryQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  RegistrySummary summary() {
    // from the roll-up of the series (ADR 0007): every figure is in exactly one series, and level
    // 3 keeps the contributor; counting the figures themselves took seconds on a million
    var R = DEPLOYMENT_ROLLUP;
    var figureCount =
        DSL.coalesce(sum(R.FIGURES).filterWhere(R.LEVEL.eq((short) 7)), inline(0))
            .cast(Integer.class)
            .as("figures");
    var contributors =
        countDistinct(R.CONTRIBUTOR_ISO3).filterWhere(R.LEVEL.eq((short) 3)).as("contributors");
    var firstYear = min(R.YEAR).as("first_year");
    var lastYear = max(R.YEAR).as("last_year");
    var figures =
        dsl.select(figureCount, contributors, firstYear, lastYear)
            .from(R)
            .where(R.LEVEL.in((short) 3, (short) 7))
            .fetchOne();
    var allMissions = count().as("missions");
    var peacekeeping = count().filterWhere(MISSION.KIND.eq("peacekeeping")).as("peacekeeping");
    var political = count().filterWhere(MISSION.KIND.ne("peacekeeping")).as("political");
    var missions = dsl.select(allMissions, peacekeeping, political).from(MISSION).fetchOne();
    return new RegistrySummary(
        dsl.fetchCount(COUNTRY),
        dsl.fetchCount(REGION),
        dsl.fetchCount(ORGANISATION),
        missions.get(allMissions),
        missions.get(peacekeeping),
        missions.get(political),
        figures.get(figureCount),
        figures.get(contributors),
        figures.get(firstYear) == null ? null : figures.get(firstYear).intValue(),
        figures.get(lastYear) == null ? null : figures.get(lastYear).intValue(),
        dsl.fetchCount(PEACE_PROCESS),
        dsl.fetchCount(FACILITATOR_ROLE),
        dsl.fetchCount(FUNDING_PROGRAMME),
        dsl.fetchCount(INITIATIVE),
        dsl.fetchCount(STATEMENT),
        dsl.fetchCount(IMPORT_BATCH));
  }
}
