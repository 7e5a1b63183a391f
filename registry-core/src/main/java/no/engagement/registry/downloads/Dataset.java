package no.engagement.registry.downloads;

import static no.engagement.registry.export.CopyCsvTranscoder.Kind.NUMBER;
import static no.engagement.registry.export.CopyCsvTranscoder.Kind.PLAIN;
import static no.engagement.registry.export.CopyCsvTranscoder.Kind.TEXT;

import java.util.List;
import java.util.Optional;
import no.engagement.registry.export.CopyCsvTranscoder.Kind;
import no.engagement.registry.imports.ImportTemplate;

/**
 * The datasets researchers download whole. Their columns are those of the import template of the
 * same kind (so a downloaded file imports back unchanged), with codes where the registry keeps ids.
 * Each query orders its rows (by code, or by id where rows have no short key), so the same data
 * gives the same bytes.
 *
 * @param name the file name without ".csv", and the import kind it matches
 * @param key the columns that identify a row: the natural key of the import of the same kind
 * @param sql the query; its column names are the CSV header
 * @param kinds what each column holds, in order
 */
public record Dataset(String name, List<String> key, String sql, List<Kind> kinds) {

  private static final String SOURCE = "(select code from source_document where id = %s.source_id)";

  private static Dataset of(String name, String sql, Kind... kinds) {
    List<String> key =
        name.equals("provenance") ? List.of("batch") : ImportTemplate.naturalKey(name);
    return new Dataset(name, key, sql, List.of(kinds));
  }

  public static final List<Dataset> ALL =
      List.of(
          of(
              "countries",
              "select iso2 as alpha2, iso3 as alpha3, numeric_code as numeric, name_en, name_nb"
                  + " from country order by iso3",
              PLAIN,
              PLAIN,
              PLAIN,
              TEXT,
              TEXT),
          of(
              "missions",
              "select acronym, name_en, name_nb, kind, lead_department, start_date, end_date,"
                  + " status, hq_location, trim_scale(hq_longitude) as hq_longitude,"
                  + " trim_scale(hq_latitude) as hq_latitude, "
                  + SOURCE.formatted("m")
                  + " as source from mission m order by acronym",
              PLAIN,
              TEXT,
              TEXT,
              PLAIN,
              TEXT,
              PLAIN,
              PLAIN,
              PLAIN,
              TEXT,
              NUMBER,
              NUMBER,
              PLAIN),
          of(
              "personnel",
              "select f.contributor_iso3 as contributor, m.acronym as mission, f.year,"
                  + " f.period_start, f.period_end, f.personnel_type, f.gender,"
                  + " trim_scale(f.count) as count, f.basis, f.approximate::text as approximate, f.stated_text, "
                  + SOURCE.formatted("f")
                  + " as source from personnel_figure f left join mission m on m.id = f.mission_id"
                  // a figure of one mission, or of all (no mission): not a statement's set
                  + " where f.mission_id is not null or not exists (select from"
                  + " personnel_figure_mission pm where pm.figure_id = f.id) order by f.id",
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              NUMBER,
              PLAIN,
              PLAIN,
              TEXT,
              PLAIN),
          of(
              "personnel-statements",
              "select f.contributor_iso3 as contributor, (select string_agg(m.acronym, ' | ' order"
                  + " by m.acronym) from personnel_figure_mission pm join mission m on m.id ="
                  + " pm.mission_id where pm.figure_id = f.id) as missions, (select"
                  + " string_agg(coalesce(pm.stated_place, ''), ' | ' order by m.acronym) from"
                  + " personnel_figure_mission pm join mission m on m.id = pm.mission_id where"
                  + " pm.figure_id = f.id) as stated_places, f.year, f.personnel_type, f.gender,"
                  + " trim_scale(f.count) as count, f.basis, f.approximate::text as approximate, f.stated_text, "
                  + SOURCE.formatted("f")
                  + " as source from personnel_figure f where f.mission_id is null and exists"
                  + " (select from personnel_figure_mission pm where pm.figure_id = f.id)"
                  + " order by f.id",
              PLAIN,
              PLAIN,
              TEXT,
              PLAIN,
              PLAIN,
              PLAIN,
              NUMBER,
              PLAIN,
              PLAIN,
              TEXT,
              PLAIN),
          of(
              "peace-processes",
              "select code, name_en, name_nb, conflict_en, conflict_nb, country_iso3 as country,"
                  + " region_code as region, status, start_year, end_year, "
                  + SOURCE.formatted("p")
                  + " as source from peace_process p order by code",
              PLAIN,
              TEXT,
              TEXT,
              TEXT,
              TEXT,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN),
          of(
              "facilitator-roles",
              "select p.code as process, r.actor_iso3 as country, o.code as organisation, r.role,"
                  + " r.start_year, r.end_year, "
                  + SOURCE.formatted("r")
                  + " as source from facilitator_role r join peace_process p on p.id = r.process_id"
                  + " left join organisation o on o.id = r.actor_org_id"
                  + " order by p.code, r.actor_iso3, o.code, r.role, r.start_year, r.id",
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN),
          of(
              "funding-programmes",
              "select p.code, p.name_en, p.name_nb, p.theme, p.owner_iso3 as owner_country,"
                  + " o.code as owner_organisation, p.start_year, p.end_year, p.description_en,"
                  + " p.description_nb, "
                  + SOURCE.formatted("p")
                  + " as source from funding_programme p left join organisation o on o.id ="
                  + " p.owner_org_id order by p.code",
              PLAIN,
              TEXT,
              TEXT,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              TEXT,
              TEXT,
              PLAIN),
          of(
              "funding-allocations",
              "select p.code as programme, a.year, trim_scale(a.amount) as amount, a.currency,"
                  + " a.kind, "
                  + SOURCE.formatted("a")
                  + " as source from funding_allocation a join funding_programme p on p.id ="
                  + " a.programme_id order by p.code, a.year, a.kind, a.currency, a.id",
              PLAIN,
              PLAIN,
              NUMBER,
              PLAIN,
              PLAIN,
              PLAIN),
          of(
              "sources",
              "select code, kind, title, publisher, language, file_name, url, doc_date,"
                  + " date_precision, date_note, licence, attribution from source_document"
                  + " order by code",
              PLAIN,
              PLAIN,
              TEXT,
              TEXT,
              PLAIN,
              TEXT,
              TEXT,
              PLAIN,
              PLAIN,
              TEXT,
              TEXT,
              TEXT),
          of(
              "source-translations",
              "select t.code as translation, o.code as original from source_translation st join"
                  + " source_document t on t.id = st.translation_id join source_document o on o.id"
                  + " = st.original_id order by t.code",
              PLAIN,
              PLAIN),
          of(
              "figure-flags",
              "select s.code as source, ff.year, ff.contributor_iso3 as contributor, m.acronym as"
                  + " mission, ff.flag, ff.months_covered, ff.reason from figure_flag ff join"
                  + " source_document s on s.id = ff.source_id left join mission m on m.id ="
                  + " ff.mission_id order by s.code, ff.year, ff.contributor_iso3, m.acronym,"
                  + " ff.flag",
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              TEXT),
          of(
              "country-aliases",
              "select alias, iso3 as country from country_alias order by alias",
              TEXT,
              PLAIN),
          of(
              "regions",
              "select code, name_en, name_nb, description_en, description_nb, "
                  + SOURCE.formatted("r")
                  + " as source from region r order by code",
              PLAIN,
              TEXT,
              TEXT,
              TEXT,
              TEXT,
              PLAIN),
          of(
              "region-countries",
              "select region_code as region, iso3 as country, "
                  + SOURCE.formatted("rc")
                  + " as source from region_country rc order by region_code, iso3",
              PLAIN,
              PLAIN,
              PLAIN),
          of(
              "organisations",
              "select code, name_en, name_nb, kind, founded_year, member_count,"
                  + " member_count_approximate::text as member_count_approximate, seat_iso3 as"
                  + " seat_country, "
                  + SOURCE.formatted("o")
                  + " as source from organisation o order by code",
              PLAIN,
              TEXT,
              TEXT,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN),
          of(
              "mission-aliases",
              "select a.alias, m.acronym as mission, "
                  + SOURCE.formatted("a")
                  + " as source from mission_alias a join mission m on m.id = a.mission_id"
                  + " order by a.alias",
              PLAIN,
              PLAIN,
              PLAIN),
          of(
              "mission-hosts",
              "select m.acronym as mission, h.iso3 as country, "
                  + SOURCE.formatted("h")
                  + " as source from mission_host h join mission m on m.id = h.mission_id"
                  + " order by m.acronym, h.iso3",
              PLAIN,
              PLAIN,
              PLAIN),
          of(
              "mission-regions",
              "select m.acronym as mission, x.region_code as region, "
                  + SOURCE.formatted("x")
                  + " as source from mission_region x join mission m on m.id = x.mission_id"
                  + " order by m.acronym, x.region_code",
              PLAIN,
              PLAIN,
              PLAIN),
          of(
              "mission-successions",
              "select p.acronym as predecessor, n.acronym as successor, "
                  + SOURCE.formatted("x")
                  + " as source from mission_succession x join mission p on p.id ="
                  + " x.predecessor_id join mission n on n.id = x.successor_id"
                  + " order by p.acronym, n.acronym",
              PLAIN,
              PLAIN,
              PLAIN),
          of(
              "peace-process-parties",
              "select p.code as process, x.party_iso3 as country, o.code as organisation, "
                  + SOURCE.formatted("x")
                  + " as source from peace_process_party x join peace_process p on p.id ="
                  + " x.process_id left join organisation o on o.id = x.party_org_id"
                  + " order by p.code, x.party_iso3, o.code",
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN),
          of(
              "peace-process-milestones",
              "select p.code as process, x.occurred_on as date, x.date_precision, x.kind,"
                  + " x.description_en, x.description_nb, "
                  + SOURCE.formatted("x")
                  + " as source from peace_process_milestone x join peace_process p on p.id ="
                  + " x.process_id order by p.code, x.occurred_on, x.kind",
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              TEXT,
              TEXT,
              PLAIN),
          of(
              "funding-partners",
              "select g.code as programme, x.partner_iso3 as country, o.code as organisation, "
                  + SOURCE.formatted("x")
                  + " as source from funding_partner x join funding_programme g on g.id ="
                  + " x.programme_id left join organisation o on o.id = x.partner_org_id"
                  + " order by g.code, x.partner_iso3, o.code",
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN),
          of(
              "funding-places",
              "select g.code as programme, x.iso3 as country, x.region_code as region, "
                  + SOURCE.formatted("x")
                  + " as source from funding_place x join funding_programme g on g.id ="
                  + " x.programme_id order by g.code, x.iso3, x.region_code",
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN),
          of(
              "initiatives",
              "select code, kind, name_en, name_nb, adopted_on, date_precision, place, state_count,"
                  + " start_year, end_year, lead_iso3 as lead_country, description_en,"
                  + " description_nb, "
                  + SOURCE.formatted("i")
                  + " as source from initiative i order by code",
              PLAIN,
              PLAIN,
              TEXT,
              TEXT,
              PLAIN,
              PLAIN,
              TEXT,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              TEXT,
              TEXT,
              PLAIN),
          of(
              "statements",
              "select code, subject_iso3 as subject_country, text_en, text_nb, trim_scale(value)"
                  + " as value, unit, approximate::text as approximate, "
                  + SOURCE.formatted("s")
                  + " as source from statement s order by code",
              PLAIN,
              PLAIN,
              TEXT,
              TEXT,
              NUMBER,
              TEXT,
              PLAIN,
              PLAIN),
          of(
              "provenance",
              "select id as batch, kind, file_name, sha256, encoding, delimiter, decimal_mark,"
                  + " imported_by, "
                  + utc("started_at")
                  + ", "
                  + utc("finished_at")
                  + ", status, rows_read, rows_inserted,"
                  + " rows_updated, rows_unchanged, rows_deleted, reverts_batch_id from import_batch"
                  + " order by id",
              PLAIN,
              PLAIN,
              TEXT,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              TEXT,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN,
              PLAIN));

  /** An ISO 8601 UTC timestamp to the second, as Frictionless reads a datetime. */
  private static String utc(String column) {
    return "to_char(%s at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') as %s"
        .formatted(column, column);
  }

  /**
   * The query that counts the rows: the same rows, without the final ORDER BY (a sort for nothing).
   */
  String countSql() {
    int order = sql.lastIndexOf(" order by ");
    String rows = order < 0 ? sql : sql.substring(0, order);
    return "select count(*) from (" + rows + ") d";
  }

  public static Optional<Dataset> named(String name) {
    return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(Dataset::name).toList();
  }
}
