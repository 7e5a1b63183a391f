package no.engagement.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dry run cannot say "valid" for a file the commit would refuse. The schema's rules are read
 * from PostgreSQL's catalog (check, unique, primary and foreign keys, NOT NULL, triggers) for every
 * table an import writes; each must be broken by a fixture below (or be named as one an import
 * cannot break, with the reason), and each fixture's dry run must name the row and the column, the
 * commit must refuse it with the same problems, and nothing may be written. A new rule in a
 * migration without a fixture fails this test.
 */
@RegistryTest
class SchemaRulesTest {

  @Autowired ImportService imports;
  @Autowired JdbcTemplate sql;

  /** A valid new row of each kind: the fixtures change one or two of its cells. */
  private static final Map<String, Map<String, String>> VALID = new LinkedHashMap<>();

  static {
    valid(
        "countries",
        "alpha2=QZ",
        "alpha3=QZZ",
        "numeric=998",
        "name_en=Rule test",
        "name_nb=Regeltest");
    valid("country-aliases", "alias=Rule Testland", "country=NOR");
    valid(
        "sources",
        "code=rule-test",
        "kind=web_page",
        "title=T",
        "publisher=P",
        "language=en",
        "doc_date=2020-01-01",
        "date_precision=exact");
    valid(
        "regions", "code=RULE-TEST", "name_en=R", "name_nb=R", "source=mfa-peace-security-2018-en");
    valid(
        "region-countries",
        "region=MIDDLE-EAST",
        "country=QAT",
        "source=mfa-peace-security-2018-en");
    valid(
        "organisations",
        "code=RULETEST",
        "name_en=O",
        "name_nb=O",
        "kind=other",
        "source=mfa-peace-security-2018-en");
    valid(
        "missions",
        "acronym=RULETEST",
        "name_en=M",
        "kind=political",
        "status=active",
        "source=mfa-peace-security-2018-en");
    valid(
        "missions-un",
        "id=99999",
        "mission_acronym=RULETESTUN",
        "mission_name=M",
        "mission_isactive=Yes");
    valid(
        "mission-aliases",
        "alias=RULETESTALIAS",
        "mission=UNTSO",
        "source=mfa-peace-security-2018-en");
    valid("mission-hosts", "mission=UNTSO", "country=QAT", "source=mfa-peace-security-2018-en");
    valid(
        "mission-regions",
        "mission=UNTSO",
        "region=GULF-OF-GUINEA",
        "source=mfa-peace-security-2018-en");
    valid(
        "mission-successions",
        "predecessor=UNMISS",
        "successor=UNTSO",
        "source=mfa-peace-security-2018-en");
    valid(
        "personnel",
        "contributor=NOR",
        "mission=UNMISS",
        "year=2045",
        "personnel_type=troops",
        "gender=total",
        "count=1",
        "basis=annual_average",
        "source=un-contributions-by-year");
    valid(
        "personnel-statements",
        "contributor=NOR",
        "missions=UNMISS|UNTSO",
        "year=2045",
        "personnel_type=military",
        "gender=total",
        "count=4",
        "basis=approximate_statement",
        "approximate=yes",
        "stated_text=about 4",
        "source=mfa-peace-security-2018-en");
    valid(
        "peace-processes",
        "code=rule-test",
        "name_en=P",
        "name_nb=P",
        "status=ongoing",
        "source=mfa-peace-security-2018-en");
    valid(
        "peace-process-parties",
        "process=colombia-eln",
        "country=QAT",
        "source=mfa-peace-security-2018-en");
    valid(
        "peace-process-milestones",
        "process=colombia-eln",
        "date=2045-01-01",
        "date_precision=day",
        "kind=other",
        "description_en=D",
        "description_nb=D",
        "source=mfa-peace-security-2018-en");
    valid(
        "facilitator-roles",
        "process=colombia-eln",
        "country=QAT",
        "role=observer",
        "start_year=2045",
        "source=mfa-peace-security-2018-en");
    valid(
        "funding-programmes",
        "code=rule-test",
        "name_en=F",
        "name_nb=F",
        "theme=other",
        "owner_country=NOR",
        "source=mfa-peace-security-2018-en");
    valid(
        "funding-partners",
        "programme=kaiptc-support",
        "country=QAT",
        "source=mfa-peace-security-2018-en");
    valid(
        "funding-places",
        "programme=kaiptc-support",
        "country=QAT",
        "source=mfa-peace-security-2018-en");
    valid(
        "funding-allocations",
        "programme=kaiptc-support",
        "year=2045",
        "amount=1",
        "currency=NOK",
        "kind=committed",
        "source=mfa-peace-security-2018-en");
    valid(
        "initiatives",
        "code=rule-test",
        "kind=treaty",
        "name_en=I",
        "name_nb=I",
        "source=mfa-peace-security-2018-en");
    valid(
        "statements",
        "code=rule-test",
        "text_en=S",
        "text_nb=S",
        "source=mfa-peace-security-2018-en");
    valid(
        "source-translations",
        "translation=mfa-policy-of-engagement-2013",
        "original=mfa-peace-security-2018-en");
    valid(
        "figure-flags",
        "source=un-contributions-by-year",
        "year=2045",
        "flag=estimated",
        "reason=R");
  }

  private static void valid(String kind, String... cells) {
    Map<String, String> row = new LinkedHashMap<>();
    for (String c : cells) {
      int eq = c.indexOf('=');
      row.put(c.substring(0, eq), c.substring(eq + 1));
    }
    VALID.put(kind, row);
  }

  /** Check constraints and unique keys that are not a kind's natural key, each broken by hand. */
  private static final Map<String, Fixture> BY_HAND = new LinkedHashMap<>();

  static {
    hand("source_document_check", "sources", "date_precision", "date_precision=year", "doc_date=");
    hand(
        "source_document_check1",
        "sources",
        "date_note",
        "date_precision=year",
        "doc_date=2020-01-01");
    hand("source_document_code_check", "sources", "code", "code=Rule Test");
    hand("source_document_date_precision_check", "sources", "date_precision", "date_precision=x");
    hand("source_document_kind_check", "sources", "kind", "kind=book");
    hand("source_document_language_check", "sources", "language", "language=de");
    hand("source_document_publisher_check", "sources", "publisher", "publisher=");
    hand("source_document_title_check", "sources", "title", "title=");
    hand("country_iso2_check", "countries", "alpha2", "alpha2=qz");
    hand("country_iso2_key", "countries", "alpha2", "alpha2=NO");
    hand("country_iso3_check", "countries", "alpha3", "alpha3=Q1Z");
    hand("country_name_en_check", "countries", "name_en", "name_en=");
    hand("country_name_nb_check", "countries", "name_nb", "name_nb=");
    hand("country_numeric_code_check", "countries", "numeric", "numeric=9X8");
    hand("country_numeric_code_key", "countries", "numeric", "numeric=578");
    hand("country_alias_alias_check", "country-aliases", "alias", "alias=");
    hand("region_code_check", "regions", "code", "code=rule test");
    hand("organisation_code_check", "organisations", "code", "code=-rule");
    hand("organisation_founded_year_check", "organisations", "founded_year", "founded_year=1700");
    hand("organisation_kind_check", "organisations", "kind", "kind=club");
    hand("organisation_member_count_check", "organisations", "member_count", "member_count=-1");
    hand("mission_acronym_check", "missions", "acronym", "acronym=Rule test");
    hand(
        "mission_check",
        "missions",
        "start_date",
        "status=closed",
        "start_date=2020-01-01",
        "end_date=2019-01-01");
    hand("mission_check1", "missions", "status", "end_date=2020-01-01");
    hand("mission_check2", "missions", "start_date", "start_date=1900-01-01");
    hand("mission_hq_latitude_check", "missions", "hq_latitude", "hq_latitude=95");
    hand("mission_hq_longitude_check", "missions", "hq_longitude", "hq_longitude=200");
    hand("mission_kind_check", "missions", "kind", "kind=war");
    hand("mission_name_en_check", "missions", "name_en", "name_en=");
    hand("mission_status_check", "missions", "status", "status=paused");
    hand("mission_un_dataset_id_key", "missions-un", "id", "id=${un_dataset_id}");
    hand("mission_alias_alias_check", "mission-aliases", "alias", "alias=1ABC");
    hand("mission_succession_check", "mission-successions", "predecessor", "successor=UNMISS");
    hand(
        "personnel_figure_check",
        "personnel",
        "period_start",
        "period_start=2045-02-01",
        "period_end=2045-01-01");
    hand("personnel_figure_check1", "personnel", "year", "period_start=2044-06-01");
    hand(
        "personnel_figure_check2",
        "personnel",
        "basis",
        "basis=approximate_statement",
        "approximate=no");
    hand("personnel_figure_count_check", "personnel", "count", "count=-1");
    hand("personnel_figure_year_check", "personnel", "year", "year=1900");
    hand(
        "personnel_figure_mission_pkey",
        "personnel-statements",
        "missions",
        "missions=UNMISS|UNMISS");
    hand(
        "personnel_figure_mission_mission_id_fkey",
        "personnel-statements",
        "missions",
        "missions=UNMISS|NO-SUCH-MISSION");
    hand(
        "peace_process_check", "peace-processes", "start_year", "start_year=2000", "end_year=1999");
    hand("peace_process_code_check", "peace-processes", "code", "code=Rule");
    hand("peace_process_end_year_check", "peace-processes", "end_year", "end_year=1900");
    hand("peace_process_start_year_check", "peace-processes", "start_year", "start_year=1900");
    hand("peace_process_status_check", "peace-processes", "status", "status=won");
    hand("peace_process_party_check", "peace-process-parties", "country", "organisation=UN");
    hand(
        "peace_process_milestone_date_precision_check",
        "peace-process-milestones",
        "date_precision",
        "date_precision=week");
    hand("peace_process_milestone_kind_check", "peace-process-milestones", "kind", "kind=x");
    hand(
        "peace_process_milestone_occurred_on_check",
        "peace-process-milestones",
        "date",
        "date=1900-01-01");
    hand("facilitator_role_check", "facilitator-roles", "country", "country=");
    hand(
        "facilitator_role_check1",
        "facilitator-roles",
        "start_year",
        "start_year=2000",
        "end_year=1999");
    hand("facilitator_role_end_year_check", "facilitator-roles", "end_year", "end_year=1900");
    hand("facilitator_role_role_check", "facilitator-roles", "role", "role=judge");
    hand("facilitator_role_start_year_check", "facilitator-roles", "start_year", "start_year=1900");
    hand("funding_programme_check", "funding-programmes", "owner_country", "owner_country=");
    hand(
        "funding_programme_check1",
        "funding-programmes",
        "start_year",
        "start_year=2000",
        "end_year=1999");
    hand("funding_programme_code_check", "funding-programmes", "code", "code=Rule");
    hand("funding_programme_end_year_check", "funding-programmes", "end_year", "end_year=1900");
    hand(
        "funding_programme_start_year_check",
        "funding-programmes",
        "start_year",
        "start_year=1900");
    hand("funding_programme_theme_check", "funding-programmes", "theme", "theme=x");
    hand("funding_partner_check", "funding-partners", "country", "organisation=UN");
    hand("funding_place_check", "funding-places", "country", "country=");
    hand("funding_allocation_amount_check", "funding-allocations", "amount", "amount=-1");
    hand("funding_allocation_currency_check", "funding-allocations", "currency", "currency=nok");
    hand("funding_allocation_kind_check", "funding-allocations", "kind", "kind=spent");
    hand("funding_allocation_year_check", "funding-allocations", "year", "year=1900");
    hand("initiative_check", "initiatives", "start_year", "start_year=2000", "end_year=1999");
    hand("initiative_check1", "initiatives", "adopted_on", "adopted_on=2020-01-01");
    hand("initiative_code_check", "initiatives", "code", "code=Rule");
    hand(
        "initiative_date_precision_check",
        "initiatives",
        "date_precision",
        "adopted_on=2020-01-01",
        "date_precision=hour");
    hand("initiative_end_year_check", "initiatives", "end_year", "end_year=1900");
    hand("initiative_kind_check", "initiatives", "kind", "kind=x");
    hand("initiative_start_year_check", "initiatives", "start_year", "start_year=1900");
    hand("initiative_state_count_check", "initiatives", "state_count", "state_count=-1");
    hand("statement_check1", "statements", "value", "value=3");
    hand("statement_code_check", "statements", "code", "code=Rule");
    hand("figure_flag_months_covered_check", "figure-flags", "months_covered", "months_covered=13");
    hand("figure_flag_reason_check", "figure-flags", "reason", "reason=");
    hand("figure_flag_year_check", "figure-flags", "year", "year=1900");
    hand(
        "source_translation_check",
        "source-translations",
        "translation",
        "translation=mfa-peace-security-2018-en");
  }

  /**
   * Rules no file can break, and why: ids are generated; every written row has its import batch, so
   * a row's provenance (its source or its batch) is never missing; a figure's missions refer to the
   * figure just written.
   */
  private static final Set<String> UNBREAKABLE_BY_A_FILE =
      Set.of(
          "region_check",
          "organisation_check",
          "mission_check3",
          "personnel_figure_check3",
          "peace_process_check1",
          "peace_process_party_check1",
          "peace_process_milestone_check",
          "facilitator_role_check2",
          "funding_programme_check2",
          "funding_allocation_check",
          "initiative_check2",
          "statement_check",
          "personnel_figure_mission_figure_id_fkey",
          "personnel_figure_mission_figure_id_not_null",
          "personnel_figure_mission_mission_id_not_null");

  /**
   * @param row the data row the problem must be on
   * @param column the header the problem must name
   */
  record Fixture(String rule, String kind, List<Map<String, String>> rows, int row, String column) {

    String csv() {
      var header = new ArrayList<String>();
      rows.forEach(
          r ->
              r.keySet()
                  .forEach(
                      h -> {
                        if (!header.contains(h)) header.add(h);
                      }));
      var b = new StringBuilder(String.join(",", header)).append('\n');
      for (var r : rows) {
        b.append(
                header.stream()
                    .map(h -> quote(r.getOrDefault(h, "")))
                    .collect(Collectors.joining(",")))
            .append('\n');
      }
      return b.toString();
    }

    private static String quote(String v) {
      return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
  }

  private static void hand(String rule, String kind, String column, String... changes) {
    var row = new LinkedHashMap<>(VALID.get(kind));
    for (String c : changes) {
      int eq = c.indexOf('=');
      row.put(c.substring(0, eq), c.substring(eq + 1));
    }
    BY_HAND.put(rule, new Fixture(rule, kind, List.of(row), 1, column));
  }

  /** The tables imports write, and each rule on them, from the catalog. */
  private Map<String, String> catalogRules() {
    Set<String> tables = new TreeSet<>();
    for (String kind : ImportSpecs.kinds()) {
      tables.add(ImportSpecs.get(kind).table().getName());
    }
    tables.add("personnel_figure_mission"); // written with personnel-statements
    Map<String, String> rules = new LinkedHashMap<>();
    sql.query(
        "select c.conname, c.contype::text, r.relname from pg_constraint c join pg_class r on r.oid"
            + " = c.conrelid where r.relname = any(?) and r.relnamespace ="
            + " current_schema()::regnamespace and not (c.contype = 'f' and c.confrelid ="
            + " 'import_batch'::regclass) order by r.relname, c.conname",
        rs -> {
          rules.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
        },
        (Object) tables.toArray(String[]::new));
    return rules;
  }

  /** Foreign keys, NOT NULL, identity keys and natural keys, broken the same way for each. */
  private List<Fixture> generated(Map<String, String> catalog) {
    List<Fixture> out = new ArrayList<>();
    for (var rule : catalog.entrySet()) {
      String type = rule.getValue().split(" ")[0];
      String table = rule.getValue().split(" ")[1];
      List<String> columns =
          sql.queryForList(
              "select a.attname from pg_constraint c cross join unnest(c.conkey) k(n) join"
                  + " pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n where c.conname"
                  + " = ? and c.conrelid = ?::regclass",
              String.class,
              rule.getKey(),
              table);
      assertThat(columns).as("the columns of %s", rule.getKey()).isNotEmpty();
      for (var kind : VALID.keySet()) {
        var spec = ImportSpecs.get(kind);
        if (!spec.table().getName().equals(table)) {
          continue;
        }
        String header =
            spec.columns().stream()
                .filter(c -> c.target() != null && c.target().getName().equals(columns.getFirst()))
                .map(ImportSpec.Column::header)
                .findFirst()
                .orElse(null);
        var row = new LinkedHashMap<>(VALID.get(kind));
        if (type.equals("f") && header != null) {
          row.put(header, "NO-SUCH-CODE");
          out.add(new Fixture(rule.getKey(), kind, List.of(row), 1, header));
        } else if (type.equals("n") && header != null && !generatedOrDefaulted(rule.getKey())) {
          row.put(header, "");
          out.add(new Fixture(rule.getKey(), kind, List.of(row), 1, header));
        } else if ((type.equals("u") || type.equals("p"))
            && columns.stream()
                .map(
                    c ->
                        spec.columns().stream()
                            .filter(x -> x.target() != null && x.target().getName().equals(c))
                            .map(ImportSpec.Column::header)
                            .findFirst()
                            .orElse(c.equals("source_id") ? "source" : null))
                .collect(Collectors.toSet())
                .equals(new java.util.HashSet<>(spec.key()))) {
          out.add(
              new Fixture(
                  rule.getKey(), kind, List.of(row, row), 2, String.join(", ", spec.key())));
        } else {
          continue;
        }
        break;
      }
    }
    return out;
  }

  private boolean generatedOrDefaulted(String notNull) {
    return sql.queryForObject(
        "select bool_and(a.attidentity <> '' or a.atthasdef) from pg_constraint c cross join"
            + " unnest(c.conkey) k(n) join pg_attribute a on a.attrelid = c.conrelid and a.attnum"
            + " = k.n where c.conname = ? and c.connamespace = current_schema()::regnamespace",
        Boolean.class,
        notNull);
  }

  private List<Fixture> fixtures() {
    var catalog = catalogRules();
    List<Fixture> all = new ArrayList<>(generated(catalog));
    Set<String> generatedRules = all.stream().map(Fixture::rule).collect(Collectors.toSet());
    String unDatasetId =
        sql.queryForObject(
            "select un_dataset_id::text from mission where un_dataset_id is not null limit 1",
            String.class);
    for (var f : BY_HAND.values()) {
      if (generatedRules.contains(f.rule())) {
        continue;
      }
      List<Map<String, String>> rows = new ArrayList<>();
      for (var r : f.rows()) {
        var copy = new LinkedHashMap<>(r);
        copy.replaceAll((k, v) -> v.replace("${un_dataset_id}", unDatasetId));
        rows.add(copy);
      }
      all.add(new Fixture(f.rule(), f.kind(), rows, f.row(), f.column()));
    }
    return all;
  }

  @Test
  void everyRuleOfEveryTableAnImportWritesIsBrokenByAFixture() {
    var catalog = catalogRules();
    assertThat(catalog).as("the catalog query finds the rules").hasSizeGreaterThan(250);
    assertThat(fixtures()).hasSizeGreaterThan(200);
    Set<String> covered = fixtures().stream().map(Fixture::rule).collect(Collectors.toSet());
    covered.addAll(UNBREAKABLE_BY_A_FILE);
    Set<String> missing = new TreeSet<>(catalog.keySet());
    missing.removeAll(covered);
    // identity primary keys: the database generates them
    missing.removeIf(
        r ->
            catalog.get(r).startsWith("p ")
                && sql.queryForObject(
                    "select bool_and(a.attidentity <> '') from pg_constraint c cross join"
                        + " unnest(c.conkey) k(n) join pg_attribute a on a.attrelid = c.conrelid"
                        + " and a.attnum = k.n where c.conname = ? and c.connamespace ="
                        + " current_schema()::regnamespace",
                    Boolean.class,
                    r));
    // NOT NULL of an identity, or of a column with a default (a blank cell takes the default)
    missing.removeIf(r -> catalog.get(r).startsWith("n ") && generatedOrDefaulted(r));
    assertThat(missing).as("rules without a fixture").isEmpty();
    assertThat(
            sql.queryForList(
                "select tgname from pg_trigger t join pg_class r on r.oid = t.tgrelid where not"
                    + " t.tgisinternal and r.relname = any(?) and r.relnamespace ="
                    + " current_schema()::regnamespace",
                String.class,
                (Object)
                    catalog.values().stream()
                        .map(v -> v.split(" ")[1])
                        .distinct()
                        .toArray(String[]::new)))
        .as("no trigger on a table an import writes (a trigger would need fixtures of its own)")
        .isEmpty();
  }

  @Test
  void everyFixtureIsCaughtByTheDryRunByRowAndColumnAndRefusedByTheCommit() {
    List<String> failures = new ArrayList<>();
    for (var f : fixtures()) {
      byte[] csv = f.csv().getBytes(StandardCharsets.UTF_8);
      String table = ImportSpecs.get(f.kind()).table().getName();
      long before = sql.queryForObject("select count(*) from " + table, Long.class);
      var dry =
          imports.check(
              new ImportRequest(
                  f.kind(),
                  "rule.csv",
                  ImportContent.of(csv),
                  "rules-test",
                  null,
                  true,
                  null,
                  false));
      var named =
          dry.errors().stream()
              .filter(p -> p.row() == f.row() && p.column() != null)
              .filter(p -> p.column().contains(f.column()))
              .filter(p -> !p.key().equals("database.rule"))
              .toList();
      if (dry.ok() || named.isEmpty()) {
        failures.add(f.rule() + " (" + f.kind() + "): dry run " + dry.errors() + "\n" + f.csv());
        continue;
      }
      var refused =
          catchThrowableOfType(
              ImportRejectedException.class,
              () ->
                  imports.importFile(
                      new ImportRequest(f.kind(), "rule.csv", csv, "rules-test", null, false)));
      if (refused == null || !refused.report().errors().equals(dry.errors())) {
        failures.add(f.rule() + ": the commit did not refuse it with the dry run's problems");
      }
      if (sql.queryForObject("select count(*) from " + table, Long.class) != before) {
        failures.add(f.rule() + ": rows were written");
      }
      for (var p : named) {
        for (var locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"))) {
          String message = p.message(locale);
          if (!message.contains(f.column())) {
            failures.add(f.rule() + ": the message does not name the column: " + message);
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void everyRuleWithAMessageHasItInBothLanguages() {
    var en = ResourceBundle.getBundle("no.engagement.registry.imports.messages", Locale.ENGLISH);
    var nb =
        ResourceBundle.getBundle(
            "no.engagement.registry.imports.messages", Locale.forLanguageTag("nb"));
    Set<String> keys = new LinkedHashSet<>();
    en.keySet().stream().filter(k -> k.startsWith("rule.")).forEach(keys::add);
    assertThat(keys).hasSizeGreaterThan(30);
    for (String k : keys) {
      assertThat(nb.getString(k)).as(k).isNotEqualTo(en.getString(k));
      if (!k.equals("rule.generic")) {
        assertThat(catalogRules())
            .as(k + " names a rule of the schema")
            .containsKey(k.substring(5));
      }
    }
  }
}
