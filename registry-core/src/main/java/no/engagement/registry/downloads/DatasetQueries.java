package no.engagement.registry.downloads;

import static no.engagement.registry.export.CopyCsvTranscoder.Kind.NUMBER;
import static no.engagement.registry.export.CopyCsvTranscoder.Kind.PLAIN;
import static no.engagement.registry.export.CopyCsvTranscoder.Kind.TEXT;
import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.COUNTRY_ALIAS;
import static no.engagement.registry.jooq.Tables.FACILITATOR_ROLE;
import static no.engagement.registry.jooq.Tables.FIGURE_FLAG;
import static no.engagement.registry.jooq.Tables.FUNDING_ALLOCATION;
import static no.engagement.registry.jooq.Tables.FUNDING_PARTNER;
import static no.engagement.registry.jooq.Tables.FUNDING_PLACE;
import static no.engagement.registry.jooq.Tables.FUNDING_PROGRAMME;
import static no.engagement.registry.jooq.Tables.IMPORT_BATCH;
import static no.engagement.registry.jooq.Tables.INITIATIVE;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.MISSION_ALIAS;
import static no.engagement.registry.jooq.Tables.MISSION_HOST;
import static no.engagement.registry.jooq.Tables.MISSION_REGION;
import static no.engagement.registry.jooq.Tables.MISSION_SUCCESSION;
import static no.engagement.registry.jooq.Tables.ORGANISATION;
import static no.engagement.registry.jooq.Tables.PEACE_PROCESS;
import static no.engagement.registry.jooq.Tables.PEACE_PROCESS_MILESTONE;
import static no.engagement.registry.jooq.Tables.PEACE_PROCESS_PARTY;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE_MISSION;
import static no.engagement.registry.jooq.Tables.REGION;
import static no.engagement.registry.jooq.Tables.REGION_COUNTRY;
import static no.engagement.registry.jooq.Tables.SOURCE_DOCUMENT;
import static no.engagement.registry.jooq.Tables.SOURCE_TRANSLATION;
import static no.engagement.registry.jooq.Tables.STATEMENT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import no.engagement.registry.export.CopyCsvTranscoder.Kind;
import no.engagement.registry.imports.ImportTemplate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.SQLDialect;
import org.jooq.TableLike;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The datasets' SQL, written against the generated tables: each column once, with its header name
 * and what it holds, so a renamed column fails to compile. Rendered without schema names: a
 * release's files are read from the release's own schema.
 */
final class DatasetQueries {

  private DatasetQueries() {}

  private static final DSLContext SQL =
      DSL.using(SQLDialect.POSTGRES, new Settings().withRenderSchema(false));

  /** A column of a dataset: its header name, its value and what it holds. */
  private record Column(String name, Field<?> value, Kind kind) {}

  private static Column col(Field<?> value, Kind kind) {
    return new Column(value.getName(), value, kind);
  }

  private static Column col(String name, Field<?> value, Kind kind) {
    return new Column(name, value, kind);
  }

  /** The code of the source a row cites. */
  private static Column source(Field<Long> sourceId) {
    var s = SOURCE_DOCUMENT.as("cited");
    return col("source", field(select(s.CODE).from(s).where(s.ID.eq(sourceId))), PLAIN);
  }

  private static Field<BigDecimal> trimScale(Field<BigDecimal> number) {
    return DSL.function("trim_scale", BigDecimal.class, number);
  }

  /** An ISO 8601 UTC timestamp to the second, as Frictionless reads a datetime. */
  private static Field<String> utc(Field<OffsetDateTime> at) {
    return field(
        "to_char({0} at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')", String.class, at);
  }

  private static Dataset of(
      String name,
      TableLike<?> from,
      Condition where,
      List<OrderField<?>> order,
      Column... columns) {
    List<String> key =
        name.equals("provenance") ? List.of("batch") : ImportTemplate.naturalKey(name);
    var fields = Arrays.stream(columns).map(c -> c.value().as(c.name())).toList();
    return new Dataset(
        name,
        key,
        SQL.renderInlined(select(fields).from(from).where(where).orderBy(order)),
        SQL.renderInlined(selectCount().from(from).where(where)),
        Arrays.stream(columns).map(Column::kind).toList());
  }

  private static Dataset of(
      String name, TableLike<?> from, List<OrderField<?>> order, Column... columns) {
    return of(name, from, noCondition(), order, columns);
  }

  static List<Dataset> all() {
    var M = MISSION;
    var F = PERSONNEL_FIGURE;
    var PM = PERSONNEL_FIGURE_MISSION;
    var P = PEACE_PROCESS;
    var O = ORGANISATION;
    var G = FUNDING_PROGRAMME;
    var setMission = MISSION.as("set_mission");
    var translation = SOURCE_DOCUMENT.as("translation");
    var original = SOURCE_DOCUMENT.as("original");
    var predecessor = MISSION.as("predecessor");
    var successor = MISSION.as("successor");
    var B = IMPORT_BATCH;
    return List.of(
        of(
            "countries",
            COUNTRY,
            List.of(COUNTRY.ISO3),
            col("alpha2", COUNTRY.ISO2, PLAIN),
            col("alpha3", COUNTRY.ISO3, PLAIN),
            col("numeric", COUNTRY.NUMERIC_CODE, PLAIN),
            col(COUNTRY.NAME_EN, TEXT),
            col(COUNTRY.NAME_NB, TEXT)),
        of(
            "missions",
            M,
            List.of(M.ACRONYM),
            col(M.ACRONYM, PLAIN),
            col(M.NAME_EN, TEXT),
            col(M.NAME_NB, TEXT),
            col(M.KIND, PLAIN),
            col(M.LEAD_DEPARTMENT, TEXT),
            col(M.START_DATE, PLAIN),
            col(M.END_DATE, PLAIN),
            col(M.STATUS, PLAIN),
            col(M.HQ_LOCATION, TEXT),
            col("hq_longitude", trimScale(M.HQ_LONGITUDE), NUMBER),
            col("hq_latitude", trimScale(M.HQ_LATITUDE), NUMBER),
            source(M.SOURCE_ID)),
        of(
            "personnel",
            F.leftJoin(M).on(M.ID.eq(F.MISSION_ID)),
            // a figure of one mission, or of all (no mission): not a statement's set
            F.MISSION_ID
                .isNotNull()
                .or(DSL.notExists(selectOne().from(PM).where(PM.FIGURE_ID.eq(F.ID)))),
            List.of(F.ID),
            col("contributor", F.CONTRIBUTOR_ISO3, PLAIN),
            col("mission", M.ACRONYM, PLAIN),
            col(F.YEAR, PLAIN),
            col(F.PERIOD_START, PLAIN),
            col(F.PERIOD_END, PLAIN),
            col(F.PERSONNEL_TYPE, PLAIN),
            col(F.GENDER, PLAIN),
            col("count", trimScale(F.COUNT), NUMBER),
            col(F.BASIS, PLAIN),
            col("approximate", F.APPROXIMATE.cast(String.class), PLAIN),
            col(F.STATED_TEXT, TEXT),
            source(F.SOURCE_ID)),
        of(
            "personnel-statements",
            F,
            F.MISSION_ID.isNull().and(exists(selectOne().from(PM).where(PM.FIGURE_ID.eq(F.ID)))),
            List.of(F.ID),
            col("contributor", F.CONTRIBUTOR_ISO3, PLAIN),
            col(
                "missions",
                field(
                    select(DSL.stringAgg(setMission.ACRONYM, " | ").orderBy(setMission.ACRONYM))
                        .from(PM)
                        .join(setMission)
                        .on(setMission.ID.eq(PM.MISSION_ID))
                        .where(PM.FIGURE_ID.eq(F.ID))),
                PLAIN),
            col(
                "stated_places",
                field(
                    select(
                            DSL.stringAgg(coalesce(PM.STATED_PLACE, inline("")), " | ")
                                .orderBy(setMission.ACRONYM))
                        .from(PM)
                        .join(setMission)
                        .on(setMission.ID.eq(PM.MISSION_ID))
                        .where(PM.FIGURE_ID.eq(F.ID))),
                TEXT),
            col(F.YEAR, PLAIN),
            col(F.PERSONNEL_TYPE, PLAIN),
            col(F.GENDER, PLAIN),
            col("count", trimScale(F.COUNT), NUMBER),
            col(F.BASIS, PLAIN),
            col("approximate", F.APPROXIMATE.cast(String.class), PLAIN),
            col(F.STATED_TEXT, TEXT),
            source(F.SOURCE_ID)),
        of(
            "peace-processes",
            P,
            List.of(P.CODE),
            col(P.CODE, PLAIN),
            col(P.NAME_EN, TEXT),
            col(P.NAME_NB, TEXT),
            col(P.CONFLICT_EN, TEXT),
            col(P.CONFLICT_NB, TEXT),
            col("country", P.COUNTRY_ISO3, PLAIN),
            col("region", P.REGION_CODE, PLAIN),
            col(P.STATUS, PLAIN),
            col(P.START_YEAR, PLAIN),
            col(P.END_YEAR, PLAIN),
            source(P.SOURCE_ID)),
        of(
            "facilitator-roles",
            FACILITATOR_ROLE
                .join(P)
                .on(P.ID.eq(FACILITATOR_ROLE.PROCESS_ID))
                .leftJoin(O)
                .on(O.ID.eq(FACILITATOR_ROLE.ACTOR_ORG_ID)),
            List.of(
                P.CODE,
                FACILITATOR_ROLE.ACTOR_ISO3,
                O.CODE,
                FACILITATOR_ROLE.ROLE,
                FACILITATOR_ROLE.START_YEAR,
                FACILITATOR_ROLE.ID),
            col("process", P.CODE, PLAIN),
            col("country", FACILITATOR_ROLE.ACTOR_ISO3, PLAIN),
            col("organisation", O.CODE, PLAIN),
            col(FACILITATOR_ROLE.ROLE, PLAIN),
            col(FACILITATOR_ROLE.START_YEAR, PLAIN),
            col(FACILITATOR_ROLE.END_YEAR, PLAIN),
            source(FACILITATOR_ROLE.SOURCE_ID)),
        of(
            "funding-programmes",
            G.leftJoin(O).on(O.ID.eq(G.OWNER_ORG_ID)),
            List.of(G.CODE),
            col(G.CODE, PLAIN),
            col(G.NAME_EN, TEXT),
            col(G.NAME_NB, TEXT),
            col(G.THEME, PLAIN),
            col("owner_country", G.OWNER_ISO3, PLAIN),
            col("owner_organisation", O.CODE, PLAIN),
            col(G.START_YEAR, PLAIN),
            col(G.END_YEAR, PLAIN),
            col(G.DESCRIPTION_EN, TEXT),
            col(G.DESCRIPTION_NB, TEXT),
            source(G.SOURCE_ID)),
        of(
            "funding-allocations",
            FUNDING_ALLOCATION.join(G).on(G.ID.eq(FUNDING_ALLOCATION.PROGRAMME_ID)),
            List.of(
                G.CODE,
                FUNDING_ALLOCATION.YEAR,
                FUNDING_ALLOCATION.KIND,
                FUNDING_ALLOCATION.CURRENCY,
                FUNDING_ALLOCATION.ID),
            col("programme", G.CODE, PLAIN),
            col(FUNDING_ALLOCATION.YEAR, PLAIN),
            col("amount", trimScale(FUNDING_ALLOCATION.AMOUNT), NUMBER),
            col(FUNDING_ALLOCATION.CURRENCY, PLAIN),
            col(FUNDING_ALLOCATION.KIND, PLAIN),
            source(FUNDING_ALLOCATION.SOURCE_ID)),
        of(
            "sources",
            SOURCE_DOCUMENT,
            List.of(SOURCE_DOCUMENT.CODE),
            col(SOURCE_DOCUMENT.CODE, PLAIN),
            col(SOURCE_DOCUMENT.KIND, PLAIN),
            col(SOURCE_DOCUMENT.TITLE, TEXT),
            col(SOURCE_DOCUMENT.PUBLISHER, TEXT),
            col(SOURCE_DOCUMENT.LANGUAGE, PLAIN),
            col(SOURCE_DOCUMENT.FILE_NAME, TEXT),
            col(SOURCE_DOCUMENT.URL, TEXT),
            col(SOURCE_DOCUMENT.DOC_DATE, PLAIN),
            col(SOURCE_DOCUMENT.DATE_PRECISION, PLAIN),
            col(SOURCE_DOCUMENT.DATE_NOTE, TEXT),
            col(SOURCE_DOCUMENT.LICENCE, TEXT),
            col(SOURCE_DOCUMENT.ATTRIBUTION, TEXT)),
        of(
            "source-translations",
            SOURCE_TRANSLATION
                .join(translation)
                .on(translation.ID.eq(SOURCE_TRANSLATION.TRANSLATION_ID))
                .join(original)
                .on(original.ID.eq(SOURCE_TRANSLATION.ORIGINAL_ID)),
            List.of(translation.CODE),
            col("translation", translation.CODE, PLAIN),
            col("original", original.CODE, PLAIN)),
        of(
            "figure-flags",
            FIGURE_FLAG
                .join(SOURCE_DOCUMENT)
                .on(SOURCE_DOCUMENT.ID.eq(FIGURE_FLAG.SOURCE_ID))
                .leftJoin(M)
                .on(M.ID.eq(FIGURE_FLAG.MISSION_ID)),
            List.of(
                SOURCE_DOCUMENT.CODE,
                FIGURE_FLAG.YEAR,
                FIGURE_FLAG.CONTRIBUTOR_ISO3,
                M.ACRONYM,
                FIGURE_FLAG.FLAG),
            col("source", SOURCE_DOCUMENT.CODE, PLAIN),
            col(FIGURE_FLAG.YEAR, PLAIN),
            col("contributor", FIGURE_FLAG.CONTRIBUTOR_ISO3, PLAIN),
            col("mission", M.ACRONYM, PLAIN),
            col(FIGURE_FLAG.FLAG, PLAIN),
            col(FIGURE_FLAG.MONTHS_COVERED, PLAIN),
            col(FIGURE_FLAG.REASON, TEXT)),
        of(
            "country-aliases",
            COUNTRY_ALIAS,
            List.of(COUNTRY_ALIAS.ALIAS),
            col(COUNTRY_ALIAS.ALIAS, TEXT),
            col("country", COUNTRY_ALIAS.ISO3, PLAIN)),
        of(
            "regions",
            REGION,
            List.of(REGION.CODE),
            col(REGION.CODE, PLAIN),
            col(REGION.NAME_EN, TEXT),
            col(REGION.NAME_NB, TEXT),
            col(REGION.DESCRIPTION_EN, TEXT),
            col(REGION.DESCRIPTION_NB, TEXT),
            source(REGION.SOURCE_ID)),
        of(
            "region-countries",
            REGION_COUNTRY,
            List.of(REGION_COUNTRY.REGION_CODE, REGION_COUNTRY.ISO3),
            col("region", REGION_COUNTRY.REGION_CODE, PLAIN),
            col("country", REGION_COUNTRY.ISO3, PLAIN),
            source(REGION_COUNTRY.SOURCE_ID)),
        of(
            "organisations",
            O,
            List.of(O.CODE),
            col(O.CODE, PLAIN),
            col(O.NAME_EN, TEXT),
            col(O.NAME_NB, TEXT),
            col(O.KIND, PLAIN),
            col(O.FOUNDED_YEAR, PLAIN),
            col(O.MEMBER_COUNT, PLAIN),
            col("member_count_approximate", O.MEMBER_COUNT_APPROXIMATE.cast(String.class), PLAIN),
            col("seat_country", O.SEAT_ISO3, PLAIN),
            source(O.SOURCE_ID)),
        of(
            "mission-aliases",
            MISSION_ALIAS.join(M).on(M.ID.eq(MISSION_ALIAS.MISSION_ID)),
            List.of(MISSION_ALIAS.ALIAS),
            col(MISSION_ALIAS.ALIAS, PLAIN),
            col("mission", M.ACRONYM, PLAIN),
            source(MISSION_ALIAS.SOURCE_ID)),
        of(
            "mission-hosts",
            MISSION_HOST.join(M).on(M.ID.eq(MISSION_HOST.MISSION_ID)),
            List.of(M.ACRONYM, MISSION_HOST.ISO3),
            col("mission", M.ACRONYM, PLAIN),
            col("country", MISSION_HOST.ISO3, PLAIN),
            source(MISSION_HOST.SOURCE_ID)),
        of(
            "mission-regions",
            MISSION_REGION.join(M).on(M.ID.eq(MISSION_REGION.MISSION_ID)),
            List.of(M.ACRONYM, MISSION_REGION.REGION_CODE),
            col("mission", M.ACRONYM, PLAIN),
            col("region", MISSION_REGION.REGION_CODE, PLAIN),
            source(MISSION_REGION.SOURCE_ID)),
        of(
            "mission-successions",
            MISSION_SUCCESSION
                .join(predecessor)
                .on(predecessor.ID.eq(MISSION_SUCCESSION.PREDECESSOR_ID))
                .join(successor)
                .on(successor.ID.eq(MISSION_SUCCESSION.SUCCESSOR_ID)),
            List.of(predecessor.ACRONYM, successor.ACRONYM),
            col("predecessor", predecessor.ACRONYM, PLAIN),
            col("successor", successor.ACRONYM, PLAIN),
            source(MISSION_SUCCESSION.SOURCE_ID)),
        of(
            "peace-process-parties",
            PEACE_PROCESS_PARTY
                .join(P)
                .on(P.ID.eq(PEACE_PROCESS_PARTY.PROCESS_ID))
                .leftJoin(O)
                .on(O.ID.eq(PEACE_PROCESS_PARTY.PARTY_ORG_ID)),
            List.of(P.CODE, PEACE_PROCESS_PARTY.PARTY_ISO3, O.CODE),
            col("process", P.CODE, PLAIN),
            col("country", PEACE_PROCESS_PARTY.PARTY_ISO3, PLAIN),
            col("organisation", O.CODE, PLAIN),
            source(PEACE_PROCESS_PARTY.SOURCE_ID)),
        of(
            "peace-process-milestones",
            PEACE_PROCESS_MILESTONE.join(P).on(P.ID.eq(PEACE_PROCESS_MILESTONE.PROCESS_ID)),
            List.of(P.CODE, PEACE_PROCESS_MILESTONE.OCCURRED_ON, PEACE_PROCESS_MILESTONE.KIND),
            col("process", P.CODE, PLAIN),
            col("date", PEACE_PROCESS_MILESTONE.OCCURRED_ON, PLAIN),
            col(PEACE_PROCESS_MILESTONE.DATE_PRECISION, PLAIN),
            col(PEACE_PROCESS_MILESTONE.KIND, PLAIN),
            col(PEACE_PROCESS_MILESTONE.DESCRIPTION_EN, TEXT),
            col(PEACE_PROCESS_MILESTONE.DESCRIPTION_NB, TEXT),
            source(PEACE_PROCESS_MILESTONE.SOURCE_ID)),
        of(
            "funding-partners",
            FUNDING_PARTNER
                .join(G)
                .on(G.ID.eq(FUNDING_PARTNER.PROGRAMME_ID))
                .leftJoin(O)
                .on(O.ID.eq(FUNDING_PARTNER.PARTNER_ORG_ID)),
            List.of(G.CODE, FUNDING_PARTNER.PARTNER_ISO3, O.CODE),
            col("programme", G.CODE, PLAIN),
            col("country", FUNDING_PARTNER.PARTNER_ISO3, PLAIN),
            col("organisation", O.CODE, PLAIN),
            source(FUNDING_PARTNER.SOURCE_ID)),
        of(
            "funding-places",
            FUNDING_PLACE.join(G).on(G.ID.eq(FUNDING_PLACE.PROGRAMME_ID)),
            List.of(G.CODE, FUNDING_PLACE.ISO3, FUNDING_PLACE.REGION_CODE),
            col("programme", G.CODE, PLAIN),
            col("country", FUNDING_PLACE.ISO3, PLAIN),
            col("region", FUNDING_PLACE.REGION_CODE, PLAIN),
            source(FUNDING_PLACE.SOURCE_ID)),
        of(
            "initiatives",
            INITIATIVE,
            List.of(INITIATIVE.CODE),
            col(INITIATIVE.CODE, PLAIN),
            col(INITIATIVE.KIND, PLAIN),
            col(INITIATIVE.NAME_EN, TEXT),
            col(INITIATIVE.NAME_NB, TEXT),
            col(INITIATIVE.ADOPTED_ON, PLAIN),
            col(INITIATIVE.DATE_PRECISION, PLAIN),
            col(INITIATIVE.PLACE, TEXT),
            col(INITIATIVE.STATE_COUNT, PLAIN),
            col(INITIATIVE.START_YEAR, PLAIN),
            col(INITIATIVE.END_YEAR, PLAIN),
            col("lead_country", INITIATIVE.LEAD_ISO3, PLAIN),
            col(INITIATIVE.DESCRIPTION_EN, TEXT),
            col(INITIATIVE.DESCRIPTION_NB, TEXT),
            source(INITIATIVE.SOURCE_ID)),
        of(
            "statements",
            STATEMENT,
            List.of(STATEMENT.CODE),
            col(STATEMENT.CODE, PLAIN),
            col("subject_country", STATEMENT.SUBJECT_ISO3, PLAIN),
            col(STATEMENT.TEXT_EN, TEXT),
            col(STATEMENT.TEXT_NB, TEXT),
            col("value", trimScale(STATEMENT.VALUE), NUMBER),
            col(STATEMENT.UNIT, TEXT),
            col("approximate", STATEMENT.APPROXIMATE.cast(String.class), PLAIN),
            source(STATEMENT.SOURCE_ID)),
        of(
            "provenance",
            B,
            List.of(B.ID),
            col("batch", B.ID, PLAIN),
            col(B.KIND, PLAIN),
            col(B.FILE_NAME, TEXT),
            col(B.SHA256, PLAIN),
            col(B.ENCODING, PLAIN),
            col(B.DELIMITER, PLAIN),
            col(B.DECIMAL_MARK, PLAIN),
            col(B.IMPORTED_BY, TEXT),
            col("started_at", utc(B.STARTED_AT), PLAIN),
            col("finished_at", utc(B.FINISHED_AT), PLAIN),
            col(B.STATUS, PLAIN),
            col(B.ROWS_READ, PLAIN),
            col(B.ROWS_INSERTED, PLAIN),
            col(B.ROWS_UPDATED, PLAIN),
            col(B.ROWS_UNCHANGED, PLAIN),
            col(B.ROWS_DELETED, PLAIN),
            col(B.REVERTS_BATCH_ID, PLAIN)));
  }
}
