package no.engagement.registry.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every fact listed per document in seed-data/README.md is in the database and cites that document.
 * The README is the checklist; this test reads it, so the two cannot drift apart.
 */
@RegistryTest
class FactChecklistTest {

  private static final Pattern SECTION = Pattern.compile("^### (\\S+\\.txt) ");
  private static final Pattern KEY = Pattern.compile("`([a-z]+:[^`]+)`");

  @Autowired JdbcTemplate sql;

  record Fact(String document, String key) {}

  @TestFactory
  Stream<DynamicTest> everyListedFactIsInTheDatabaseCitingItsDocument() throws IOException {
    List<Fact> facts = checklist();
    assertThat(facts).hasSizeGreaterThan(60);
    assertThat(facts.stream().map(Fact::document).distinct()).hasSize(5);
    return facts.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.document() + " " + f.key(),
                    () -> {
                      long source =
                          sql.queryForObject(
                              "select id from source_document where file_name = ?",
                              Long.class,
                              f.document());
                      assertThat(count(f.key(), source))
                          .as("%s, citing %s", f.key(), f.document())
                          .isPositive();
                    }));
  }

  static List<Fact> checklist() throws IOException {
    Path readme = Path.of("../seed-data/README.md");
    List<Fact> facts = new ArrayList<>();
    String document = null;
    boolean inChecklist = false;
    for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        inChecklist = line.equals("## Fact checklist");
      }
      Matcher section = SECTION.matcher(line);
      if (section.find()) {
        document = section.group(1);
      }
      if (inChecklist && document != null && line.startsWith("- ")) {
        Matcher key = KEY.matcher(line);
        while (key.find()) {
          facts.add(new Fact(document, key.group(1)));
        }
      }
    }
    return facts;
  }

  private int count(String key, long source) {
    String[] p = key.split(":");
    String kind = p[0];
    return switch (kind) {
      case "figure" -> {
        String missions = String.join("+", Arrays.stream(p[4].split("\\+")).sorted().toList());
        yield q(
            "select count(*) from personnel_figure f where f.contributor_iso3 = ? and f.personnel_type = ?::personnel_type_code"
                + " and f.count = ?::numeric and f.source_id = ? and (select string_agg(m.acronym, '+' order by m.acronym)"
                + " from mission m where m.id = f.mission_id or m.id in"
                + " (select pm.mission_id from personnel_figure_mission pm where pm.figure_id = f.id)) = ?",
            p[1],
            p[2],
            p[3],
            source,
            missions);
      }
      case "mission" -> q("select count(*) from mission where acronym = ?", p[1]);
      case "org" ->
          q("select count(*) from organisation where code = ? and source_id = ?", p[1], source);
      case "region" ->
          q("select count(*) from region where code = ? and source_id = ?", p[1], source);
      case "process" ->
          q("select count(*) from peace_process where code = ? and source_id = ?", p[1], source);
      case "party" ->
          q(
              "select count(*) from peace_process_party x join peace_process p on p.id = x.process_id"
                  + " left join organisation o on o.id = x.party_org_id"
                  + " where p.code = ? and (x.party_iso3 = ? or o.code = ?) and x.source_id = ?",
              p[1],
              p[2],
              p[2],
              source);
      case "role" ->
          q(
              "select count(*) from facilitator_role x join peace_process p on p.id = x.process_id"
                  + " left join organisation o on o.id = x.actor_org_id"
                  + " where p.code = ? and (x.actor_iso3 = ? or o.code = ?) and x.role = ? and x.source_id = ?",
              p[1],
              p[2],
              p[2],
              p[3],
              source);
      case "milestone" ->
          q(
              "select count(*) from peace_process_milestone x join peace_process p on p.id = x.process_id"
                  + " where p.code = ? and extract(year from x.occurred_on) = ?::int and x.source_id = ?",
              p[1],
              p[2],
              source);
      case "programme" ->
          q(
              "select count(*) from funding_programme where code = ? and source_id = ?",
              p[1],
              source);
      case "partner" ->
          q(
              "select count(*) from funding_partner x join funding_programme g on g.id = x.programme_id"
                  + " left join organisation o on o.id = x.partner_org_id"
                  + " where g.code = ? and (x.partner_iso3 = ? or o.code = ?) and x.source_id = ?",
              p[1],
              p[2],
              p[2],
              source);
      case "place" ->
          q(
              "select count(*) from funding_place x join funding_programme g on g.id = x.programme_id"
                  + " where g.code = ? and (x.iso3 = ? or x.region_code = ?) and x.source_id = ?",
              p[1],
              p[2],
              p[2],
              source);
      case "initiative" ->
          q("select count(*) from initiative where code = ? and source_id = ?", p[1], source);
      case "statement" ->
          q("select count(*) from statement where code = ? and source_id = ?", p[1], source);
      default -> throw new AssertionError("Unknown fact key kind in seed-data/README.md: " + key);
    };
  }

  private int q(String query, Object... args) {
    return sql.queryForObject(query, Integer.class, args);
  }
}
