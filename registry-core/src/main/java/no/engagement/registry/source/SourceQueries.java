package no.engagement.registry.source;

import static no.engagement.registry.jooq.Tables.FACILITATOR_ROLE;
import static no.engagement.registry.jooq.Tables.FIGURE_FLAG;
import static no.engagement.registry.jooq.Tables.FUNDING_ALLOCATION;
import static no.engagement.registry.jooq.Tables.FUNDING_PARTNER;
import static no.engagement.registry.jooq.Tables.FUNDING_PLACE;
import static no.engagement.registry.jooq.Tables.FUNDING_PROGRAMME;
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
import static no.engagement.registry.jooq.Tables.REGION;
import static no.engagement.registry.jooq.Tables.REGION_COUNTRY;
import static no.engagement.registry.jooq.Tables.SOURCE_DOCUMENT;
import static no.engagement.registry.jooq.Tables.SOURCE_FACT_COUNT;
import static no.engagement.registry.jooq.Tables.STATEMENT;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.engagement.registry.figure.FigureQueries;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.SelectConditionStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The source feature's only door to the database. */
@Repository
class SourceQueries {

  private final DSLContext dsl;

  SourceQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  private static final List<TableField<?, Long>> CITING =
      List.of(
          PERSONNEL_FIGURE.SOURCE_ID,
          MISSION.SOURCE_ID,
          MISSION_HOST.SOURCE_ID,
          MISSION_REGION.SOURCE_ID,
          MISSION_SUCCESSION.SOURCE_ID,
          MISSION_ALIAS.SOURCE_ID,
          ORGANISATION.SOURCE_ID,
          REGION.SOURCE_ID,
          REGION_COUNTRY.SOURCE_ID,
          PEACE_PROCESS.SOURCE_ID,
          PEACE_PROCESS_PARTY.SOURCE_ID,
          PEACE_PROCESS_MILESTONE.SOURCE_ID,
          FACILITATOR_ROLE.SOURCE_ID,
          FUNDING_PROGRAMME.SOURCE_ID,
          FUNDING_PARTNER.SOURCE_ID,
          FUNDING_PLACE.SOURCE_ID,
          FUNDING_ALLOCATION.SOURCE_ID,
          FIGURE_FLAG.SOURCE_ID,
          INITIATIVE.SOURCE_ID,
          STATEMENT.SOURCE_ID);

  /** The source's facts in all: from the counts every import keeps (V13__screens_at_scale.sql). */
  private static Field<Long> factCount() {
    return coalesce(
        field(
            select(DSL.sum(SOURCE_FACT_COUNT.FACTS).cast(Long.class))
                .from(SOURCE_FACT_COUNT)
                .where(SOURCE_FACT_COUNT.SOURCE_ID.eq(SOURCE_DOCUMENT.ID))),
        inline(0L));
  }

  /** How many facts of each kind cite the source, kinds with none left out, by kind. */
  List<SourceDocument.KindCount> counts(long id) {
    return dsl.select(SOURCE_FACT_COUNT.KIND, SOURCE_FACT_COUNT.FACTS)
        .from(SOURCE_FACT_COUNT)
        .where(SOURCE_FACT_COUNT.SOURCE_ID.eq(id))
        .orderBy(SOURCE_FACT_COUNT.KIND)
        .fetch(mapping(SourceDocument.KindCount::new));
  }

  private org.jooq.SelectJoinStep<
          org.jooq.Record13<
              Long,
              String,
              String,
              String,
              String,
              String,
              String,
              java.time.LocalDate,
              String,
              String,
              String,
              String,
              Long>>
      selectSources() {
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
            SOURCE_DOCUMENT.DATE_NOTE,
            SOURCE_DOCUMENT.LICENCE,
            SOURCE_DOCUMENT.ATTRIBUTION,
            factCount())
        .from(SOURCE_DOCUMENT);
  }

  List<SourceDocument> sources() {
    return selectSources()
        .orderBy(SOURCE_DOCUMENT.KIND.desc(), SOURCE_DOCUMENT.DOC_DATE.desc(), SOURCE_DOCUMENT.ID)
        .fetch(mapping(SourceDocument::new));
  }

  Optional<SourceDocument> source(long id) {
    return selectSources()
        .where(SOURCE_DOCUMENT.ID.eq(id))
        .fetchOptional(mapping(SourceDocument::new));
  }

  /**
   * The values of a fact, each named by its column in the downloads and the codebook ("founded_year
   * 1948 · member_count 193"), empty ones left out: what to check against the document.
   */
  private static Field<String> values(Field<?>... named) {
    List<org.jooq.QueryPart> parts = new ArrayList<>();
    for (var f : named) {
      String name = DOWNLOAD_NAMES.getOrDefault(f.getName(), f.getName());
      parts.add(DSL.when(f.isNotNull(), inline(name + " ").concat(f.cast(String.class))));
    }
    StringBuilder sql = new StringBuilder("concat_ws(' \u00b7 '");
    for (int i = 0; i < parts.size(); i++) {
      sql.append(", {").append(i).append('}');
    }
    return DSL.field(
        sql.append(')').toString(), String.class, parts.toArray(org.jooq.QueryPart[]::new));
  }

  /** Table columns that the downloads name otherwise. */
  private static final java.util.Map<String, String> DOWNLOAD_NAMES =
      java.util.Map.of(
          "lead_iso3", "lead_country",
          "seat_iso3", "seat_country",
          "owner_iso3", "owner_country",
          "country_iso3", "country",
          "region_code", "region",
          "occurred_on", "date");

  private static Field<String> none() {
    return DSL.inline("", String.class);
  }

  /**
   * Every fact citing the source in pages: by kind, then by key (the row's primary key), at most
   * {@code limit} after the fact {@code afterKind}/{@code afterKey} (both null: from the first).
   */
  List<SourceFact> facts(long id, boolean nb, String afterKind, String afterKey, int limit) {
    var F = PERSONNEL_FIGURE;
    Field<String> missions = FigureQueries.missions(F);
    List<Part> parts = new ArrayList<>();
    parts.add(
        part(
            "personnel_figure",
            F,
            select(
                    key(F),
                    inline("personnel_figure"),
                    F.CONTRIBUTOR_ISO3
                        .cast(String.class)
                        .concat(
                            inline(" \u2013 "),
                            missions,
                            inline(" \u2013 "),
                            F.YEAR.cast(String.class)),
                    DSL.coalesce(
                        F.STATED_TEXT,
                        F.COUNT
                            .cast(String.class)
                            .concat(
                                inline(" "),
                                F.PERSONNEL_TYPE.cast(String.class),
                                inline(" ("),
                                F.GENDER.cast(String.class),
                                inline(")"))),
                    values(
                        F.COUNT,
                        F.PERSONNEL_TYPE,
                        F.GENDER,
                        F.BASIS,
                        F.APPROXIMATE,
                        F.PERIOD_START,
                        F.PERIOD_END))
                .from(F)
                .where(F.SOURCE_ID.eq(id))));
    parts.add(
        part(
            "mission",
            MISSION,
            select(
                    key(MISSION),
                    inline("mission"),
                    MISSION.ACRONYM,
                    MISSION.NAME_EN,
                    values(
                        MISSION.KIND,
                        MISSION.STATUS,
                        MISSION.START_DATE,
                        MISSION.END_DATE,
                        MISSION.HQ_LOCATION,
                        MISSION.HQ_LONGITUDE,
                        MISSION.HQ_LATITUDE))
                .from(MISSION)
                .where(MISSION.SOURCE_ID.eq(id))));
    parts.add(
        part(
            "organisation",
            ORGANISATION,
            select(
                    key(ORGANISATION),
                    inline("organisation"),
                    ORGANISATION.CODE,
                    nb ? ORGANISATION.NAME_NB : ORGANISATION.NAME_EN,
                    values(
                        ORGANISATION.KIND,
                        ORGANISATION.FOUNDED_YEAR,
                        ORGANISATION.MEMBER_COUNT,
                        ORGANISATION.MEMBER_COUNT_APPROXIMATE,
                        ORGANISATION.SEAT_ISO3))
                .from(ORGANISATION)
                .where(ORGANISATION.SOURCE_ID.eq(id))));
    parts.add(
        part(
            "region",
            REGION,
            select(
                    key(REGION),
                    inline("region"),
                    REGION.CODE,
                    nb ? REGION.NAME_NB : REGION.NAME_EN,
                    nb ? REGION.DESCRIPTION_NB : REGION.DESCRIPTION_EN)
                .from(REGION)
                .where(REGION.SOURCE_ID.eq(id))));
    parts.add(
        part(
            "peace_process",
            PEACE_PROCESS,
            select(
                    key(PEACE_PROCESS),
                    inline("peace_process"),
                    PEACE_PROCESS.CODE,
                    nb ? PEACE_PROCESS.NAME_NB : PEACE_PROCESS.NAME_EN,
                    values(
                        PEACE_PROCESS.STATUS,
                        PEACE_PROCESS.START_YEAR,
                        PEACE_PROCESS.END_YEAR,
                        PEACE_PROCESS.COUNTRY_ISO3,
                        PEACE_PROCESS.REGION_CODE))
                .from(PEACE_PROCESS)
                .where(PEACE_PROCESS.SOURCE_ID.eq(id))));
    var org = ORGANISATION.as("party_org");
    parts.add(
        part(
            "peace_process_party",
            PEACE_PROCESS_PARTY,
            select(
                    key(PEACE_PROCESS_PARTY),
                    inline("peace_process_party"),
                    PEACE_PROCESS.CODE,
                    coalesce(PEACE_PROCESS_PARTY.PARTY_ISO3.cast(String.class), org.CODE),
                    none())
                .from(PEACE_PROCESS_PARTY)
                .join(PEACE_PROCESS)
                .on(PEACE_PROCESS.ID.eq(PEACE_PROCESS_PARTY.PROCESS_ID))
                .leftJoin(org)
                .on(org.ID.eq(PEACE_PROCESS_PARTY.PARTY_ORG_ID))
                .where(PEACE_PROCESS_PARTY.SOURCE_ID.eq(id))));
    parts.add(
        part(
            "milestone",
            PEACE_PROCESS_MILESTONE,
            select(
                    key(PEACE_PROCESS_MILESTONE),
                    inline("milestone"),
                    PEACE_PROCESS.CODE.concat(
                        inline(" "), PEACE_PROCESS_MILESTONE.OCCURRED_ON.cast(String.class)),
                    nb
                        ? PEACE_PROCESS_MILESTONE.DESCRIPTION_NB
                        : PEACE_PROCESS_MILESTONE.DESCRIPTION_EN,
                    values(
                        PEACE_PROCESS_MILESTONE.KIND,
                        PEACE_PROCESS_MILESTONE.OCCURRED_ON,
                        PEACE_PROCESS_MILESTONE.DATE_PRECISION))
                .from(PEACE_PROCESS_MILESTONE)
                .join(PEACE_PROCESS)
                .on(PEACE_PROCESS.ID.eq(PEACE_PROCESS_MILESTONE.PROCESS_ID))
                .where(PEACE_PROCESS_MILESTONE.SOURCE_ID.eq(id))));
    var actor = ORGANISATION.as("actor_org");
    parts.add(
        part(
            "facilitator_role",
            FACILITATOR_ROLE,
            select(
                    key(FACILITATOR_ROLE),
                    inline("facilitator_role"),
                    PEACE_PROCESS.CODE,
                    coalesce(FACILITATOR_ROLE.ACTOR_ISO3.cast(String.class), actor.CODE)
                        .concat(
                            inline(" "),
                            FACILITATOR_ROLE.ROLE,
                            inline(" "),
                            coalesce(FACILITATOR_ROLE.START_YEAR.cast(String.class), inline("")),
                            inline("\u2013"),
                            coalesce(FACILITATOR_ROLE.END_YEAR.cast(String.class), inline(""))),
                    values(
                        FACILITATOR_ROLE.ROLE,
                        FACILITATOR_ROLE.START_YEAR,
                        FACILITATOR_ROLE.END_YEAR))
                .from(FACILITATOR_ROLE)
                .join(PEACE_PROCESS)
                .on(PEACE_PROCESS.ID.eq(FACILITATOR_ROLE.PROCESS_ID))
                .leftJoin(actor)
                .on(actor.ID.eq(FACILITATOR_ROLE.ACTOR_ORG_ID))
                .where(FACILITATOR_ROLE.SOURCE_ID.eq(id))));
    parts.add(
        part(
            "funding_programme",
            FUNDING_PROGRAMME,
            select(
                    key(FUNDING_PROGRAMME),
                    inline("funding_programme"),
                    FUNDING_PROGRAMME.CODE,
                    nb ? FUNDING_PROGRAMME.NAME_NB : FUNDING_PROGRAMME.NAME_EN,
                    values(
                        FUNDING_PROGRAMME.THEME,
                        FUNDING_PROGRAMME.OWNER_ISO3,
                        FUNDING_PROGRAMME.START_YEAR,
                        FUNDING_PROGRAMME.END_YEAR))
                .from(FUNDING_PROGRAMME)
                .where(FUNDING_PROGRAMME.SOURCE_ID.eq(id))));
    parts.add(
        part(
            "initiative",
            INITIATIVE,
            select(
                    key(INITIATIVE),
                    inline("initiative"),
                    INITIATIVE.CODE,
                    nb ? INITIATIVE.NAME_NB : INITIATIVE.NAME_EN,
                    values(
                        INITIATIVE.KIND,
                        INITIATIVE.ADOPTED_ON,
                        INITIATIVE.DATE_PRECISION,
                        INITIATIVE.PLACE,
                        INITIATIVE.STATE_COUNT,
                        INITIATIVE.START_YEAR,
                        INITIATIVE.END_YEAR,
                        INITIATIVE.LEAD_ISO3))
                .from(INITIATIVE)
                .where(INITIATIVE.SOURCE_ID.eq(id))));
    parts.add(
        part(
            "region_country",
            REGION_COUNTRY,
            select(
                    key(REGION_COUNTRY),
                    inline("region_country"),
                    REGION_COUNTRY.REGION_CODE,
                    REGION_COUNTRY.ISO3.cast(String.class),
                    none())
                .from(REGION_COUNTRY)
                .where(REGION_COUNTRY.SOURCE_ID.eq(id))));
    var hosted = MISSION.as("hosted");
    parts.add(
        part(
            "mission_host",
            MISSION_HOST,
            select(
                    key(MISSION_HOST),
                    inline("mission_host"),
                    hosted.ACRONYM,
                    MISSION_HOST.ISO3.cast(String.class),
                    none())
                .from(MISSION_HOST)
                .join(hosted)
                .on(hosted.ID.eq(MISSION_HOST.MISSION_ID))
                .where(MISSION_HOST.SOURCE_ID.eq(id))));
    var partnerOrg = ORGANISATION.as("partner_org");
    parts.add(
        part(
            "funding_partner",
            FUNDING_PARTNER,
            select(
                    key(FUNDING_PARTNER),
                    inline("funding_partner"),
                    FUNDING_PROGRAMME.CODE,
                    coalesce(FUNDING_PARTNER.PARTNER_ISO3.cast(String.class), partnerOrg.CODE),
                    none())
                .from(FUNDING_PARTNER)
                .join(FUNDING_PROGRAMME)
                .on(FUNDING_PROGRAMME.ID.eq(FUNDING_PARTNER.PROGRAMME_ID))
                .leftJoin(partnerOrg)
                .on(partnerOrg.ID.eq(FUNDING_PARTNER.PARTNER_ORG_ID))
                .where(FUNDING_PARTNER.SOURCE_ID.eq(id))));
    parts.add(
        part(
            "funding_place",
            FUNDING_PLACE,
            select(
                    key(FUNDING_PLACE),
                    inline("funding_place"),
                    FUNDING_PROGRAMME.CODE,
                    coalesce(FUNDING_PLACE.ISO3.cast(String.class), FUNDING_PLACE.REGION_CODE),
                    none())
                .from(FUNDING_PLACE)
                .join(FUNDING_PROGRAMME)
                .on(FUNDING_PROGRAMME.ID.eq(FUNDING_PLACE.PROGRAMME_ID))
                .where(FUNDING_PLACE.SOURCE_ID.eq(id))));
    parts.add(
        part(
            "statement",
            STATEMENT,
            select(
                    key(STATEMENT),
                    inline("statement"),
                    STATEMENT.CODE,
                    nb ? STATEMENT.TEXT_NB : STATEMENT.TEXT_EN,
                    values(STATEMENT.VALUE, STATEMENT.UNIT, STATEMENT.APPROXIMATE))
                .from(STATEMENT)
                .where(STATEMENT.SOURCE_ID.eq(id))));
    var allocated = FUNDING_PROGRAMME.as("allocated");
    parts.add(
        part(
            "funding_allocation",
            FUNDING_ALLOCATION,
            select(
                    key(FUNDING_ALLOCATION),
                    inline("funding_allocation"),
                    allocated.CODE.concat(inline(" "), FUNDING_ALLOCATION.YEAR.cast(String.class)),
                    FUNDING_ALLOCATION.KIND,
                    values(FUNDING_ALLOCATION.AMOUNT, FUNDING_ALLOCATION.CURRENCY))
                .from(FUNDING_ALLOCATION)
                .join(allocated)
                .on(allocated.ID.eq(FUNDING_ALLOCATION.PROGRAMME_ID))
                .where(FUNDING_ALLOCATION.SOURCE_ID.eq(id))));
    var regionOf = MISSION.as("region_of");
    parts.add(
        part(
            "mission_region",
            MISSION_REGION,
            select(
                    key(MISSION_REGION),
                    inline("mission_region"),
                    regionOf.ACRONYM,
                    MISSION_REGION.REGION_CODE,
                    none())
                .from(MISSION_REGION)
                .join(regionOf)
                .on(regionOf.ID.eq(MISSION_REGION.MISSION_ID))
                .where(MISSION_REGION.SOURCE_ID.eq(id))));
    var before = MISSION.as("before");
    var after = MISSION.as("after");
    parts.add(
        part(
            "mission_succession",
            MISSION_SUCCESSION,
            select(
                    key(MISSION_SUCCESSION),
                    inline("mission_succession"),
                    before.ACRONYM,
                    after.ACRONYM,
                    none())
                .from(MISSION_SUCCESSION)
                .join(before)
                .on(before.ID.eq(MISSION_SUCCESSION.PREDECESSOR_ID))
                .join(after)
                .on(after.ID.eq(MISSION_SUCCESSION.SUCCESSOR_ID))
                .where(MISSION_SUCCESSION.SOURCE_ID.eq(id))));
    var aliased = MISSION.as("aliased");
    parts.add(
        part(
            "mission_alias",
            MISSION_ALIAS,
            select(
                    key(MISSION_ALIAS),
                    inline("mission_alias"),
                    aliased.ACRONYM,
                    MISSION_ALIAS.ALIAS,
                    none())
                .from(MISSION_ALIAS)
                .join(aliased)
                .on(aliased.ID.eq(MISSION_ALIAS.MISSION_ID))
                .where(MISSION_ALIAS.SOURCE_ID.eq(id))));
    var flagged = MISSION.as("flagged");
    parts.add(
        part(
            "figure_flag",
            FIGURE_FLAG,
            select(
                    key(FIGURE_FLAG),
                    inline("figure_flag"),
                    FIGURE_FLAG
                        .YEAR
                        .cast(String.class)
                        .concat(
                            inline(" "),
                            coalesce(FIGURE_FLAG.CONTRIBUTOR_ISO3.cast(String.class), inline("")),
                            inline(" "),
                            coalesce(flagged.ACRONYM, inline(""))),
                    FIGURE_FLAG.REASON,
                    values(FIGURE_FLAG.FLAG, FIGURE_FLAG.MONTHS_COVERED))
                .from(FIGURE_FLAG)
                .leftJoin(flagged)
                .on(flagged.ID.eq(FIGURE_FLAG.MISSION_ID))
                .where(FIGURE_FLAG.SOURCE_ID.eq(id))));
    parts.sort(java.util.Comparator.comparing(Part::kind));
    List<SourceFact> out = new ArrayList<>();
    boolean started = afterKind == null;
    for (var p : parts) {
      if (!started && !p.kind().equals(afterKind)) {
        continue;
      }
      var select = p.select();
      if (!started) {
        started = true;
        select = select.and(p.after(afterKey));
      }
      out.addAll(
          dsl.fetch(select.orderBy(p.order()).limit(limit - out.size()))
              .map(mapping(SourceFact::new)));
      if (out.size() >= limit) {
        break;
      }
    }
    return out;
  }

  /** The kinds of fact, in the order the source screen lists them. */
  static final List<String> KINDS = kinds();

  private static List<String> kinds() {
    List<String> kinds = new ArrayList<>();
    for (var f : CITING) {
      kinds.add(kind(f.getTable()));
    }
    kinds.sort(null);
    return List.copyOf(kinds);
  }

  /** The name of a kind of fact: its table's, but for milestones. */
  private static String kind(Table<?> table) {
    return table.equals(PEACE_PROCESS_MILESTONE) ? "milestone" : table.getName();
  }

  /** The facts of one source in one table: its rows from a key on, in the order of their key. */
  private record Part(
      String kind,
      Table<?> table,
      SelectConditionStep<Record5<String, String, String, String, String>> select) {

    private Part {
      if (!kind.equals(SourceQueries.kind(table))) {
        throw new IllegalArgumentException(kind + " is not the kind of " + table.getName());
      }
    }

    /** The table's one numeric key, or null when its key has several columns or text. */
    @SuppressWarnings("unchecked")
    private static TableField<?, Long> id(Table<?> table) {
      var fields = table.getPrimaryKey().getFields();
      return fields.size() == 1 && fields.getFirst().getType() == Long.class
          ? (TableField<?, Long>) fields.getFirst()
          : null;
    }

    SortField<?> order() {
      var id = id(table);
      return id != null ? id.asc() : key(table).asc();
    }

    Condition after(String key) {
      var id = id(table);
      if (id == null) {
        return key(table).gt(key);
      }
      try {
        return id.gt(Long.parseLong(key));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " is not a key of " + kind, e);
      }
    }
  }

  private static Part part(
      String kind,
      Table<?> table,
      SelectConditionStep<Record5<String, String, String, String, String>> select) {
    return new Part(kind, table, select);
  }

  /** A row's primary key as text: its id, or its key's columns joined by "/". */
  private static Field<String> key(Table<?> table) {
    var fields = table.getPrimaryKey().getFields();
    Field<String> key = fields.getFirst().cast(String.class);
    for (var f : fields.subList(1, fields.size())) {
      key = key.concat(inline("/"), f.cast(String.class));
    }
    return key;
  }
}
