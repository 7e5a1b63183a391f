package no.engagement.registry.imports;

import static no.engagement.registry.imports.ImportSpec.optional;
import static no.engagement.registry.imports.ImportSpec.required;
import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.COUNTRY_ALIAS;
import static no.engagement.registry.jooq.Tables.FACILITATOR_ROLE;
import static no.engagement.registry.jooq.Tables.FIGURE_FLAG;
import static no.engagement.registry.jooq.Tables.FUNDING_ALLOCATION;
import static no.engagement.registry.jooq.Tables.FUNDING_PARTNER;
import static no.engagement.registry.jooq.Tables.FUNDING_PLACE;
import static no.engagement.registry.jooq.Tables.FUNDING_PROGRAMME;
import static no.engagement.registry.jooq.Tables.IMPORT_CHANGE;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.engagement.registry.jooq.enums.BasisCode;
import no.engagement.registry.jooq.enums.FigureFlagCode;
import no.engagement.registry.jooq.enums.GenderCode;
import no.engagement.registry.jooq.enums.PersonnelTypeCode;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The import templates, one per kind of data. The headers are the contract documented in the
 * README; a template's columns can come in any order and any case.
 */
final class ImportSpecs {

  // the allowed values of the database's own enums, as generated from the schema
  static final String[] PERSONNEL_TYPES = literals(PersonnelTypeCode.values());
  static final String[] GENDERS = literals(GenderCode.values());
  static final String[] BASES = literals(BasisCode.values());
  static final String[] FLAGS = literals(FigureFlagCode.values());

  private static String[] literals(org.jooq.EnumType[] values) {
    return Arrays.stream(values).map(org.jooq.EnumType::getLiteral).toArray(String[]::new);
  }

  private static final Map<String, ImportSpec> SPECS =
      Stream.of(
              countries(),
              countryAliases(),
              sources(),
              regions(),
              regionCountries(),
              organisations(),
              missions(),
              missionsUn(),
              missionHosts(),
              missionRegions(),
              missionSuccessions(),
              missionAliases(),
              personnel(),
              personnelUn(),
              personnelStatements(),
              peaceProcesses(),
              peaceProcessParties(),
              peaceProcessMilestones(),
              facilitatorRoles(),
              fundingProgrammes(),
              fundingPartners(),
              fundingPlaces(),
              fundingAllocations(),
              initiatives(),
              statements(),
              sourceTranslations(),
              figureFlags())
          .collect(
              Collectors.toMap(
                  ImportSpec::kind, Function.identity(), (a, b) -> a, LinkedHashMap::new));

  private ImportSpecs() {}

  static ImportSpec get(String kind) {
    return SPECS.get(kind);
  }

  static List<String> kinds() {
    return List.copyOf(SPECS.keySet());
  }

  private static ImportSpec spec(
      String kind,
      org.jooq.Table<? extends org.jooq.TableRecord<?>> table,
      List<String> key,
      ImportSpec.Column... columns) {
    return new ImportSpec(
        kind, table, List.of(columns), key, Map.of(), null, List.of(), null, null);
  }

  private static ImportSpec countries() {
    return spec(
        "countries",
        COUNTRY,
        List.of("alpha3"),
        required("alpha2", Cell.text(), COUNTRY.ISO2),
        required("alpha3", Cell.text(), COUNTRY.ISO3),
        required("numeric", Cell.text(), COUNTRY.NUMERIC_CODE),
        required("name_en", Cell.text(), COUNTRY.NAME_EN),
        required("name_nb", Cell.text(), COUNTRY.NAME_NB));
  }

  private static ImportSpec countryAliases() {
    return spec(
        "country-aliases",
        COUNTRY_ALIAS,
        List.of("alias"),
        required("alias", Cell.text(), COUNTRY_ALIAS.ALIAS),
        required("country", Cell.country(), COUNTRY_ALIAS.ISO3));
  }

  private static ImportSpec sources() {
    return spec(
        "sources",
        SOURCE_DOCUMENT,
        List.of("code"),
        required("code", Cell.text(), SOURCE_DOCUMENT.CODE),
        required("kind", Cell.oneOf("web_page", "dataset"), SOURCE_DOCUMENT.KIND),
        required("title", Cell.text(), SOURCE_DOCUMENT.TITLE),
        required("publisher", Cell.text(), SOURCE_DOCUMENT.PUBLISHER),
        required("language", Cell.oneOf("en", "nb"), SOURCE_DOCUMENT.LANGUAGE),
        optional("file_name", Cell.text(), SOURCE_DOCUMENT.FILE_NAME),
        optional("url", Cell.text(), SOURCE_DOCUMENT.URL),
        optional("doc_date", Cell.date(), SOURCE_DOCUMENT.DOC_DATE),
        required(
            "date_precision",
            Cell.oneOf("exact", "year", "approximate", "unknown"),
            SOURCE_DOCUMENT.DATE_PRECISION),
        optional("date_note", Cell.text(), SOURCE_DOCUMENT.DATE_NOTE),
        optional("licence", Cell.text(), SOURCE_DOCUMENT.LICENCE),
        optional("attribution", Cell.text(), SOURCE_DOCUMENT.ATTRIBUTION));
  }

  /**
   * A source that is the translation of another (the Norwegian version of an English page): the
   * figures both state are one fact, counted once (V9__figures_that_add_up.sql).
   */
  private static ImportSpec sourceTranslations() {
    return spec(
        "source-translations",
        SOURCE_TRANSLATION,
        List.of("translation"),
        required("translation", Cell.source(), SOURCE_TRANSLATION.TRANSLATION_ID),
        required("original", Cell.source(), SOURCE_TRANSLATION.ORIGINAL_ID));
  }

  /**
   * Quality flags on the figures of a source and year, optionally of one contributor or mission,
   * with the reason; {@code months_covered} where a yearly figure stands for fewer months.
   */
  private static ImportSpec figureFlags() {
    return spec(
        "figure-flags",
        FIGURE_FLAG,
        List.of("source", "year", "contributor", "mission", "flag"),
        required("source", Cell.source(), FIGURE_FLAG.SOURCE_ID),
        required("year", Cell.year(), FIGURE_FLAG.YEAR),
        optional("contributor", Cell.country(), FIGURE_FLAG.CONTRIBUTOR_ISO3),
        optional("mission", Cell.mission(), FIGURE_FLAG.MISSION_ID),
        required("flag", Cell.oneOf(FLAGS), FIGURE_FLAG.FLAG),
        optional("months_covered", Cell.monthsCovered(), FIGURE_FLAG.MONTHS_COVERED),
        required("reason", Cell.text(), FIGURE_FLAG.REASON));
  }

  private static ImportSpec regions() {
    return spec(
        "regions",
        REGION,
        List.of("code"),
        required("code", Cell.text(), REGION.CODE),
        required("name_en", Cell.text(), REGION.NAME_EN),
        required("name_nb", Cell.text(), REGION.NAME_NB),
        optional("description_en", Cell.text(), REGION.DESCRIPTION_EN),
        optional("description_nb", Cell.text(), REGION.DESCRIPTION_NB),
        optional("source", Cell.source(), REGION.SOURCE_ID));
  }

  private static ImportSpec regionCountries() {
    return spec(
        "region-countries",
        REGION_COUNTRY,
        List.of("region", "country"),
        required("region", Cell.region(), REGION_COUNTRY.REGION_CODE),
        required("country", Cell.country(), REGION_COUNTRY.ISO3),
        optional("source", Cell.source(), REGION_COUNTRY.SOURCE_ID));
  }

  private static ImportSpec organisations() {
    return spec(
        "organisations",
        ORGANISATION,
        List.of("code"),
        required("code", Cell.text(), ORGANISATION.CODE),
        required("name_en", Cell.text(), ORGANISATION.NAME_EN),
        required("name_nb", Cell.text(), ORGANISATION.NAME_NB),
        required(
            "kind",
            Cell.oneOf(
                "intergovernmental",
                "regional_organisation",
                "network",
                "armed_group",
                "political_movement",
                "training_centre",
                "government_agency",
                "other"),
            ORGANISATION.KIND),
        optional("founded_year", Cell.year(1800), ORGANISATION.FOUNDED_YEAR),
        optional("member_count", Cell.nonNegative(Cell.integer()), ORGANISATION.MEMBER_COUNT),
        optional("member_count_approximate", Cell.bool(), ORGANISATION.MEMBER_COUNT_APPROXIMATE),
        optional("seat_country", Cell.country(), ORGANISATION.SEAT_ISO3),
        optional("source", Cell.source(), ORGANISATION.SOURCE_ID));
  }

  private static ImportSpec missions() {
    return spec(
        "missions",
        MISSION,
        List.of("acronym"),
        required("acronym", Cell.text(), MISSION.ACRONYM),
        required("name_en", Cell.text(), MISSION.NAME_EN),
        optional("name_nb", Cell.text(), MISSION.NAME_NB),
        required("kind", Cell.oneOf("peacekeeping", "political", "support_office"), MISSION.KIND),
        optional("lead_department", Cell.text(), MISSION.LEAD_DEPARTMENT),
        optional("start_date", Cell.date(), MISSION.START_DATE),
        optional("end_date", Cell.date(), MISSION.END_DATE),
        required("status", Cell.oneOf("active", "closed"), MISSION.STATUS),
        optional("hq_location", Cell.text(), MISSION.HQ_LOCATION),
        optional("hq_longitude", Cell.decimal(), MISSION.HQ_LONGITUDE),
        optional("hq_latitude", Cell.decimal(), MISSION.HQ_LATITUDE),
        optional("source", Cell.source(), MISSION.SOURCE_ID));
  }

  /** The UN's DPPADPOSS-PKO list as published (its quirks: seed-data/README.md). */
  private static ImportSpec missionsUn() {
    return new ImportSpec(
        "missions-un",
        MISSION,
        List.of(
            required("id", Cell.integer(), MISSION.UN_DATASET_ID),
            required("mission_acronym", acronym(), MISSION.ACRONYM),
            required("mission_name", Cell.text(), MISSION.NAME_EN),
            optional("lead_department", Cell.text(), MISSION.LEAD_DEPARTMENT),
            // "Yes", "No" and once "NO": matched without regard to case, on purpose
            required(
                "mission_isactive",
                Cell.mapped(Map.of("yes", "active", "no", "closed")),
                MISSION.STATUS),
            optional("start_date", Cell.date(), MISSION.START_DATE),
            optional("end_date", Cell.date(), MISSION.END_DATE),
            optional("mission_location", Cell.text(), MISSION.HQ_LOCATION),
            optional("mission_longitude", Cell.decimal(), MISSION.HQ_LONGITUDE),
            optional("mission_latitude", Cell.decimal(), MISSION.HQ_LATITUDE),
            optional("last_update", Cell.date(), MISSION.SOURCE_LAST_UPDATE)),
        List.of("mission_acronym"),
        Map.of(MISSION.KIND, "peacekeeping"),
        null,
        List.of(),
        null,
        null);
  }

  /** Acronyms such as "UNOSOM II": inner white space folded to one space. */
  private static Cell acronym() {
    return (text, context) -> Lookups.normaliseCode(text);
  }

  /**
   * Another code for a mission, as other sources write it (ONUCI for UNOCI): every import that
   * takes a mission finds it by its alias too.
   */
  private static ImportSpec missionAliases() {
    return spec(
        "mission-aliases",
        MISSION_ALIAS,
        List.of("alias"),
        required("alias", acronym(), MISSION_ALIAS.ALIAS),
        required("mission", Cell.mission(), MISSION_ALIAS.MISSION_ID),
        optional("source", Cell.source(), MISSION_ALIAS.SOURCE_ID));
  }

  private static ImportSpec missionHosts() {
    return spec(
        "mission-hosts",
        MISSION_HOST,
        List.of("mission", "country"),
        required("mission", Cell.mission(), MISSION_HOST.MISSION_ID),
        required("country", Cell.country(), MISSION_HOST.ISO3),
        optional("source", Cell.source(), MISSION_HOST.SOURCE_ID));
  }

  private static ImportSpec missionRegions() {
    return spec(
        "mission-regions",
        MISSION_REGION,
        List.of("mission", "region"),
        required("mission", Cell.mission(), MISSION_REGION.MISSION_ID),
        required("region", Cell.region(), MISSION_REGION.REGION_CODE),
        optional("source", Cell.source(), MISSION_REGION.SOURCE_ID));
  }

  private static ImportSpec missionSuccessions() {
    return spec(
        "mission-successions",
        MISSION_SUCCESSION,
        List.of("predecessor", "successor"),
        required("predecessor", Cell.mission(), MISSION_SUCCESSION.PREDECESSOR_ID),
        required("successor", Cell.mission(), MISSION_SUCCESSION.SUCCESSOR_ID),
        optional("source", Cell.source(), MISSION_SUCCESSION.SOURCE_ID));
  }

  /**
   * Re-importing a year replaces that year's figures from that source: the figures of a mission
   * (not the statements that cover several at once, see personnel-statements).
   */
  private static ImportSpec.Replaces figuresOfAYear() {
    return new ImportSpec.Replaces(
        List.of(PERSONNEL_FIGURE.SOURCE_ID, PERSONNEL_FIGURE.YEAR),
        List.of(PERSONNEL_FIGURE.MISSION_ID));
  }

  private static ImportSpec personnel() {
    var spec =
        spec(
            "personnel",
            PERSONNEL_FIGURE,
            List.of(
                "contributor",
                "mission",
                "year",
                "period_start",
                "personnel_type",
                "gender",
                "basis",
                "source"),
            required("contributor", Cell.country(), PERSONNEL_FIGURE.CONTRIBUTOR_ISO3),
            // blank: the contributor's total across all its missions
            optional("mission", Cell.mission(), PERSONNEL_FIGURE.MISSION_ID),
            required("year", Cell.year(), PERSONNEL_FIGURE.YEAR),
            optional("period_start", Cell.date(), PERSONNEL_FIGURE.PERIOD_START),
            optional("period_end", Cell.date(), PERSONNEL_FIGURE.PERIOD_END),
            required(
                "personnel_type", Cell.oneOf(PERSONNEL_TYPES), PERSONNEL_FIGURE.PERSONNEL_TYPE),
            required("gender", Cell.oneOf(GENDERS), PERSONNEL_FIGURE.GENDER),
            required("count", Cell.nonNegative(Cell.decimal()), PERSONNEL_FIGURE.COUNT),
            required("basis", Cell.oneOf(BASES), PERSONNEL_FIGURE.BASIS),
            optional("approximate", Cell.bool(), PERSONNEL_FIGURE.APPROXIMATE),
            optional("stated_text", Cell.text(), PERSONNEL_FIGURE.STATED_TEXT),
            optional("source", Cell.source(), PERSONNEL_FIGURE.SOURCE_ID));
    return new ImportSpec(
        spec.kind(),
        spec.table(),
        spec.columns(),
        spec.key(),
        spec.constants(),
        null,
        spec.ignoredHeaders(),
        null,
        figuresOfAYear());
  }

  /**
   * The UN yearly contributions per country and mission (Year, Country, Mission, Female, Male,
   * Total). One row becomes three figures (female, male, total); all-zero grid rows carry no
   * information and are skipped; Female + Male different from Total is a warning, since the file's
   * figures are rounded averages and the reported total is the figure.
   */
  private static ImportSpec personnelUn() {
    ImportSpec.Expander expander =
        (row, warnings) -> {
          var female = (BigDecimal) row.get("Female");
          var male = (BigDecimal) row.get("Male");
          var total = (BigDecimal) row.get("Total");
          if (isZero(female) && isZero(male) && isZero(total)) {
            return List.of();
          }
          if (female != null
              && male != null
              && total != null
              && female.add(male).compareTo(total) != 0) {
            warnings.add(
                Problem.cell(
                    row.record(),
                    "Total",
                    total.toPlainString(),
                    "warning.total.mismatch",
                    female,
                    male));
          }
          short year = (Short) row.get("Year");
          List<Map<Field<?>, Object>> out = new ArrayList<>(3);
          for (var g :
              List.of(
                  Map.entry(GenderCode.female.getLiteral(), female),
                  Map.entry(GenderCode.male.getLiteral(), male),
                  Map.entry(GenderCode.total.getLiteral(), total))) {
            if (g.getValue() == null) {
              continue; // blank is unknown, not zero
            }
            Map<Field<?>, Object> r = new LinkedHashMap<>();
            r.put(PERSONNEL_FIGURE.CONTRIBUTOR_ISO3, row.get("Country"));
            r.put(PERSONNEL_FIGURE.MISSION_ID, row.get("Mission"));
            r.put(PERSONNEL_FIGURE.YEAR, year);
            r.put(PERSONNEL_FIGURE.PERIOD_START, LocalDate.of(year, 1, 1));
            r.put(PERSONNEL_FIGURE.PERIOD_END, LocalDate.of(year, 12, 31));
            r.put(PERSONNEL_FIGURE.PERSONNEL_TYPE, PersonnelTypeCode.uniformed.getLiteral());
            r.put(PERSONNEL_FIGURE.GENDER, g.getKey());
            r.put(PERSONNEL_FIGURE.COUNT, g.getValue());
            r.put(PERSONNEL_FIGURE.BASIS, BasisCode.annual_average.getLiteral());
            r.put(PERSONNEL_FIGURE.APPROXIMATE, false);
            out.add(r);
          }
          return out;
        };
    return new ImportSpec(
        "personnel-un",
        PERSONNEL_FIGURE,
        List.of(
            required("Year", Cell.year(), null),
            required("Country", Cell.country(), null),
            required("Mission", Cell.mission(), null),
            optional("Female", Cell.nonNegative(Cell.decimal()), null),
            optional("Male", Cell.nonNegative(Cell.decimal()), null),
            optional("Total", Cell.nonNegative(Cell.decimal()), null)),
        List.of("Year", "Country", "Mission"),
        Map.of(),
        expander,
        List.of(""), // the unnamed row index
        null,
        figuresOfAYear());
  }

  private static boolean isZero(BigDecimal d) {
    return d == null || d.signum() == 0;
  }

  /**
   * Figures as a policy text states them. A statement that covers several missions ("around 45
   * military personnel in three UN missions: MINUSMA, UNMISS, UNTSO") is one figure linked to all
   * of them, never split; "missions" and "stated_places" are lists separated by '|'.
   */
  private static ImportSpec personnelStatements() {
    ImportSpec.RowWriter writer =
        (dsl, row, batchId, defaultSourceId) -> {
          @SuppressWarnings("unchecked")
          var missions = (List<Long>) row.get("missions");
          @SuppressWarnings("unchecked")
          var places = (List<String>) row.get("stated_places");
          Long sourceId = row.get("source") != null ? (Long) row.get("source") : defaultSourceId;
          var f = PERSONNEL_FIGURE;
          var type = f.PERSONNEL_TYPE.getDataType().convert(row.get("personnel_type"));
          var gender = f.GENDER.getDataType().convert(row.get("gender"));
          var basis = f.BASIS.getDataType().convert(row.get("basis"));
          Long single = missions.size() == 1 ? missions.getFirst() : null;
          // the same statement (its key and its set of missions) is changed, never repeated
          var sameSet =
              single != null
                  ? f.MISSION_ID.eq(single)
                  : f.MISSION_ID
                      .isNull()
                      .and(
                          DSL.field(
                                  DSL.select(
                                          DSL.arrayAgg(PERSONNEL_FIGURE_MISSION.MISSION_ID)
                                              .orderBy(PERSONNEL_FIGURE_MISSION.MISSION_ID))
                                      .from(PERSONNEL_FIGURE_MISSION)
                                      .where(PERSONNEL_FIGURE_MISSION.FIGURE_ID.eq(f.ID)))
                              .eq(missions.stream().sorted().toArray(Long[]::new)));
          var existing =
              dsl.selectFrom(f)
                  .where(f.CONTRIBUTOR_ISO3.eq((String) row.get("contributor")))
                  .and(f.YEAR.eq((Short) row.get("year")))
                  .and(f.PERIOD_START.isNull())
                  .and(f.PERSONNEL_TYPE.eq(type))
                  .and(f.GENDER.eq(gender))
                  .and(f.BASIS.eq(basis))
                  .and(f.SOURCE_ID.isNotDistinctFrom(sourceId))
                  .and(sameSet)
                  .fetchOne();
          var figure = existing != null ? existing.copy() : dsl.newRecord(f);
          if (existing != null) {
            figure.setId(existing.getId());
          }
          figure.setContributorIso3((String) row.get("contributor"));
          figure.setMissionId(single);
          figure.setYear((Short) row.get("year"));
          figure.setPersonnelType(type);
          figure.setGender(gender);
          // as the column keeps it (numeric(12, 2)), so an unchanged count compares equal
          figure.setCount(
              ((BigDecimal) row.get("count"))
                  .setScale(f.COUNT.getDataType().scale(), java.math.RoundingMode.HALF_UP));
          figure.setBasis(basis);
          figure.setApproximate(Boolean.TRUE.equals(row.get("approximate")));
          figure.setStatedText((String) row.get("stated_text"));
          figure.setSourceId(sourceId);
          List<String> placesOf =
              missions.size() > 1
                  ? dsl.select(PERSONNEL_FIGURE_MISSION.STATED_PLACE)
                      .from(PERSONNEL_FIGURE_MISSION)
                      .where(PERSONNEL_FIGURE_MISSION.FIGURE_ID.eq(figure.getId()))
                      .orderBy(PERSONNEL_FIGURE_MISSION.MISSION_ID)
                      .fetch(PERSONNEL_FIGURE_MISSION.STATED_PLACE)
                  : List.of();
          // each mission's stated place, by mission id (the order the stored places are read in)
          var placeOf = new java.util.TreeMap<Long, String>();
          if (missions.size() > 1) {
            for (int i = 0; i < missions.size(); i++) {
              placeOf.put(
                  missions.get(i), places != null && i < places.size() ? places.get(i) : null);
            }
          }
          List<String> newPlaces = new ArrayList<>(placeOf.values());
          if (existing != null) {
            figure.setBatchId(existing.getBatchId());
            if (figure.equals(existing) && placesOf.equals(newPlaces)) {
              return ImportSpec.Written.UNCHANGED;
            }
            figure.setBatchId(batchId);
            var asObject =
                new org.jooq.JSONFormat()
                    .header(false)
                    .recordFormat(org.jooq.JSONFormat.RecordFormat.OBJECT);
            dsl.insertInto(IMPORT_CHANGE)
                .set(IMPORT_CHANGE.BATCH_ID, batchId)
                .set(IMPORT_CHANGE.TABLE_NAME, f.getName())
                .set(IMPORT_CHANGE.OP, "changed")
                .set(IMPORT_CHANGE.OLD_BATCH_ID, existing.getBatchId())
                .set(IMPORT_CHANGE.OLD_ROW, org.jooq.JSONB.valueOf(existing.formatJSON(asObject)))
                .set(IMPORT_CHANGE.NEW_ROW, org.jooq.JSONB.valueOf(figure.formatJSON(asObject)))
                .execute();
            figure.changed(f.ID, false); // the key, generated: never updated
            dsl.executeUpdate(figure);
          } else {
            figure.setBatchId(batchId);
            figure.store();
          }
          // one mission: the figure's own mission_id says it (placeOf is empty)
          for (var place : placeOf.entrySet()) {
            dsl.insertInto(PERSONNEL_FIGURE_MISSION)
                .set(PERSONNEL_FIGURE_MISSION.FIGURE_ID, figure.getId())
                .set(PERSONNEL_FIGURE_MISSION.MISSION_ID, place.getKey())
                .set(PERSONNEL_FIGURE_MISSION.STATED_PLACE, place.getValue())
                .onConflict(PERSONNEL_FIGURE_MISSION.FIGURE_ID, PERSONNEL_FIGURE_MISSION.MISSION_ID)
                .doUpdate()
                .set(PERSONNEL_FIGURE_MISSION.STATED_PLACE, place.getValue())
                .execute();
          }
          return existing != null ? ImportSpec.Written.CHANGED : ImportSpec.Written.ADDED;
        };
    Cell missionList =
        (text, context) -> {
          List<Long> ids = new ArrayList<>();
          for (String acronym : text.split("\\|")) {
            Long id = context.lookups().mission(acronym);
            if (id == null) {
              throw new CellException("unknown.mission.in.list", acronym.strip());
            }
            if (ids.contains(id)) {
              throw new CellException("repeated.mission.in.list", acronym.strip());
            }
            ids.add(id);
          }
          return ids;
        };
    // an empty place is unknown (null), as a blank cell is
    Cell placeList =
        (text, context) ->
            Arrays.stream(text.split("\\s*\\|\\s*", -1)).map(p -> p.isEmpty() ? null : p).toList();
    return new ImportSpec(
        "personnel-statements",
        PERSONNEL_FIGURE,
        List.of(
            required("contributor", Cell.country(), null),
            required("missions", missionList, null),
            optional("stated_places", placeList, null),
            required("year", Cell.year(), null),
            required("personnel_type", Cell.oneOf(PERSONNEL_TYPES), null),
            required("gender", Cell.oneOf(GENDERS), null),
            required("count", Cell.nonNegative(Cell.decimal()), null),
            required("basis", Cell.oneOf(BASES), null),
            optional("approximate", Cell.bool(), null),
            required("stated_text", Cell.text(), null),
            optional("source", Cell.source(), null)),
        List.of("contributor", "missions", "year", "personnel_type", "gender", "basis", "source"),
        Map.of(),
        null,
        List.of(),
        writer,
        null);
  }

  private static ImportSpec peaceProcesses() {
    return spec(
        "peace-processes",
        PEACE_PROCESS,
        List.of("code"),
        required("code", Cell.text(), PEACE_PROCESS.CODE),
        required("name_en", Cell.text(), PEACE_PROCESS.NAME_EN),
        required("name_nb", Cell.text(), PEACE_PROCESS.NAME_NB),
        optional("conflict_en", Cell.text(), PEACE_PROCESS.CONFLICT_EN),
        optional("conflict_nb", Cell.text(), PEACE_PROCESS.CONFLICT_NB),
        optional("country", Cell.country(), PEACE_PROCESS.COUNTRY_ISO3),
        optional("region", Cell.region(), PEACE_PROCESS.REGION_CODE),
        required(
            "status",
            Cell.oneOf("ongoing", "agreement_reached", "concluded", "suspended", "discreet"),
            PEACE_PROCESS.STATUS),
        optional("start_year", Cell.year(), PEACE_PROCESS.START_YEAR),
        optional("end_year", Cell.year(), PEACE_PROCESS.END_YEAR),
        optional("source", Cell.source(), PEACE_PROCESS.SOURCE_ID));
  }

  private static ImportSpec peaceProcessParties() {
    return spec(
        "peace-process-parties",
        PEACE_PROCESS_PARTY,
        List.of("process", "country", "organisation"),
        required("process", Cell.process(), PEACE_PROCESS_PARTY.PROCESS_ID),
        optional("country", Cell.country(), PEACE_PROCESS_PARTY.PARTY_ISO3),
        optional("organisation", Cell.organisation(), PEACE_PROCESS_PARTY.PARTY_ORG_ID),
        optional("source", Cell.source(), PEACE_PROCESS_PARTY.SOURCE_ID));
  }

  private static ImportSpec peaceProcessMilestones() {
    return spec(
        "peace-process-milestones",
        PEACE_PROCESS_MILESTONE,
        List.of("process", "date", "kind"),
        required("process", Cell.process(), PEACE_PROCESS_MILESTONE.PROCESS_ID),
        required("date", Cell.date(), PEACE_PROCESS_MILESTONE.OCCURRED_ON),
        required(
            "date_precision",
            Cell.oneOf("day", "month", "year"),
            PEACE_PROCESS_MILESTONE.DATE_PRECISION),
        required(
            "kind",
            Cell.oneOf("agreement", "talks_started", "talks_ended", "ceasefire", "other"),
            PEACE_PROCESS_MILESTONE.KIND),
        required("description_en", Cell.text(), PEACE_PROCESS_MILESTONE.DESCRIPTION_EN),
        required("description_nb", Cell.text(), PEACE_PROCESS_MILESTONE.DESCRIPTION_NB),
        optional("source", Cell.source(), PEACE_PROCESS_MILESTONE.SOURCE_ID));
  }

  private static ImportSpec facilitatorRoles() {
    return spec(
        "facilitator-roles",
        FACILITATOR_ROLE,
        List.of("process", "country", "organisation", "role", "start_year", "source"),
        required("process", Cell.process(), FACILITATOR_ROLE.PROCESS_ID),
        optional("country", Cell.country(), FACILITATOR_ROLE.ACTOR_ISO3),
        optional("organisation", Cell.organisation(), FACILITATOR_ROLE.ACTOR_ORG_ID),
        required(
            "role",
            Cell.oneOf(
                "facilitator", "co_facilitator", "guarantor", "observer", "supporter", "donor"),
            FACILITATOR_ROLE.ROLE),
        optional("start_year", Cell.year(), FACILITATOR_ROLE.START_YEAR),
        optional("end_year", Cell.year(), FACILITATOR_ROLE.END_YEAR),
        optional("source", Cell.source(), FACILITATOR_ROLE.SOURCE_ID));
  }

  private static ImportSpec fundingProgrammes() {
    return spec(
        "funding-programmes",
        FUNDING_PROGRAMME,
        List.of("code"),
        required("code", Cell.text(), FUNDING_PROGRAMME.CODE),
        required("name_en", Cell.text(), FUNDING_PROGRAMME.NAME_EN),
        required("name_nb", Cell.text(), FUNDING_PROGRAMME.NAME_NB),
        required(
            "theme",
            Cell.oneOf(
                "organised_crime",
                "violent_extremism",
                "peacekeeping_training",
                "maritime_security",
                "women_peace_security",
                "other"),
            FUNDING_PROGRAMME.THEME),
        optional("owner_country", Cell.country(), FUNDING_PROGRAMME.OWNER_ISO3),
        optional("owner_organisation", Cell.organisation(), FUNDING_PROGRAMME.OWNER_ORG_ID),
        optional("start_year", Cell.year(), FUNDING_PROGRAMME.START_YEAR),
        optional("end_year", Cell.year(), FUNDING_PROGRAMME.END_YEAR),
        optional("description_en", Cell.text(), FUNDING_PROGRAMME.DESCRIPTION_EN),
        optional("description_nb", Cell.text(), FUNDING_PROGRAMME.DESCRIPTION_NB),
        optional("source", Cell.source(), FUNDING_PROGRAMME.SOURCE_ID));
  }

  private static ImportSpec fundingPartners() {
    return spec(
        "funding-partners",
        FUNDING_PARTNER,
        List.of("programme", "country", "organisation"),
        required("programme", Cell.programme(), FUNDING_PARTNER.PROGRAMME_ID),
        optional("country", Cell.country(), FUNDING_PARTNER.PARTNER_ISO3),
        optional("organisation", Cell.organisation(), FUNDING_PARTNER.PARTNER_ORG_ID),
        optional("source", Cell.source(), FUNDING_PARTNER.SOURCE_ID));
  }

  private static ImportSpec fundingPlaces() {
    return spec(
        "funding-places",
        FUNDING_PLACE,
        List.of("programme", "country", "region"),
        required("programme", Cell.programme(), FUNDING_PLACE.PROGRAMME_ID),
        optional("country", Cell.country(), FUNDING_PLACE.ISO3),
        optional("region", Cell.region(), FUNDING_PLACE.REGION_CODE),
        optional("source", Cell.source(), FUNDING_PLACE.SOURCE_ID));
  }

  private static ImportSpec fundingAllocations() {
    return spec(
        "funding-allocations",
        FUNDING_ALLOCATION,
        List.of("programme", "year", "kind", "currency", "source"),
        required("programme", Cell.programme(), FUNDING_ALLOCATION.PROGRAMME_ID),
        required("year", Cell.year(), FUNDING_ALLOCATION.YEAR),
        required("amount", Cell.nonNegative(Cell.decimal()), FUNDING_ALLOCATION.AMOUNT),
        required("currency", Cell.text(), FUNDING_ALLOCATION.CURRENCY),
        required("kind", Cell.oneOf("committed", "disbursed"), FUNDING_ALLOCATION.KIND),
        optional("source", Cell.source(), FUNDING_ALLOCATION.SOURCE_ID));
  }

  private static ImportSpec initiatives() {
    return spec(
        "initiatives",
        INITIATIVE,
        List.of("code"),
        required("code", Cell.text(), INITIATIVE.CODE),
        required(
            "kind",
            Cell.oneOf(
                "treaty",
                "diplomatic_process",
                "candidacy",
                "action_plan",
                "strategic_plan",
                "alliance"),
            INITIATIVE.KIND),
        required("name_en", Cell.text(), INITIATIVE.NAME_EN),
        required("name_nb", Cell.text(), INITIATIVE.NAME_NB),
        optional("adopted_on", Cell.date(), INITIATIVE.ADOPTED_ON),
        optional("date_precision", Cell.oneOf("day", "month", "year"), INITIATIVE.DATE_PRECISION),
        optional("place", Cell.text(), INITIATIVE.PLACE),
        optional("state_count", Cell.nonNegative(Cell.integer()), INITIATIVE.STATE_COUNT),
        optional("start_year", Cell.year(), INITIATIVE.START_YEAR),
        optional("end_year", Cell.year(), INITIATIVE.END_YEAR),
        optional("lead_country", Cell.country(), INITIATIVE.LEAD_ISO3),
        optional("description_en", Cell.text(), INITIATIVE.DESCRIPTION_EN),
        optional("description_nb", Cell.text(), INITIATIVE.DESCRIPTION_NB),
        optional("source", Cell.source(), INITIATIVE.SOURCE_ID));
  }

  private static ImportSpec statements() {
    return spec(
        "statements",
        STATEMENT,
        List.of("code"),
        required("code", Cell.text(), STATEMENT.CODE),
        optional("subject_country", Cell.country(), STATEMENT.SUBJECT_ISO3),
        required("text_en", Cell.text(), STATEMENT.TEXT_EN),
        required("text_nb", Cell.text(), STATEMENT.TEXT_NB),
        optional("value", Cell.decimal(), STATEMENT.VALUE),
        optional("unit", Cell.text(), STATEMENT.UNIT),
        optional("approximate", Cell.bool(), STATEMENT.APPROXIMATE),
        optional("source", Cell.source(), STATEMENT.SOURCE_ID));
  }
}
