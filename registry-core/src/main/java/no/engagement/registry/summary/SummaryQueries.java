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
import static no.engagement.registry.jooq.Tables.SOURCE_DOCUMENT;
import static no.engagement.registry.jooq.Tables.STATEMENT;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
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
        dsl.fetchCount(IMPORT_BATCH),
        sources());
  }

  private List<RegistrySummary.SourceRow> sources() {
    return dsl.select(
            SOURCE_DOCUMENT.ID,
            SOURCE_DOCUMENT.CODE,
            SOURCE_DOCUMENT.KIND,
            SOURCE_DOCUMENT.TITLE,
            SOURCE_DOCUMENT.PUBLISHER,
            SOURCE_DOCUMENT.LANGUAGE,
            SOURCE_DOCUMENT.FILE_NAME,
            SOURCE_DOCUMENT.DOC_DATE,
            SOURCE_DOCUMENT.DATE_PRECISION,
            factsCiting())
        .from(SOURCE_DOCUMENT)
        .orderBy(SOURCE_DOCUMENT.KIND.desc(), SOURCE_DOCUMENT.DOC_DATE.desc(), SOURCE_DOCUMENT.ID)
        .fetch(mapping(RegistrySummary.SourceRow::new));
  }

  /** How many rows of every fact table cite the source document. */
  private static Field<Integer> factsCiting() {
    List<TableField<?, Long>> citing =
        List.of(
            PERSONNEL_FIGURE.SOURCE_ID,
            MISSION.SOURCE_ID,
            ORGANISATION.SOURCE_ID,
            REGION.SOURCE_ID,
            PEACE_PROCESS.SOURCE_ID,
            FACILITATOR_ROLE.SOURCE_ID,
            FUNDING_PROGRAMME.SOURCE_ID,
            INITIATIVE.SOURCE_ID,
            STATEMENT.SOURCE_ID,
            no.engagement.registry.jooq.Tables.PEACE_PROCESS_MILESTONE.SOURCE_ID,
            no.engagement.registry.jooq.Tables.PEACE_PROCESS_PARTY.SOURCE_ID,
            no.engagement.registry.jooq.Tables.MISSION_HOST.SOURCE_ID,
            no.engagement.registry.jooq.Tables.FUNDING_PARTNER.SOURCE_ID,
            no.engagement.registry.jooq.Tables.FUNDING_PLACE.SOURCE_ID);
    Field<Integer> sum = inline(0);
    for (var f : citing) {
      @SuppressWarnings("unchecked")
      Table<?> t = f.getTable();
      sum = sum.plus(select(count()).from(t).where(f.eq(SOURCE_DOCUMENT.ID)).asField());
    }
    return sum.as("facts");
  }
}
