package no.engagement.registry.mission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every mission's page facts, as the service reads them in one query, equal what plain SQL over the
 * tables gives, mission by mission.
 */
@RegistryTest
class MissionFactsTest {

  @Autowired MissionService missions;
  @Autowired JdbcTemplate sql;

  @Test
  void everyMissionsFactsAreThoseOfItsRows() {
    List<String> acronyms =
        sql.queryForList("select acronym from mission order by acronym", String.class);
    assertThat(acronyms).hasSizeGreaterThan(50);
    int withStatements = 0;
    for (String a : acronyms) {
      var d = missions.mission(a, "nb", null).orElseThrow();
      long id = sql.queryForObject("select id from mission where acronym = ?", Long.class, a);
      assertThat(d.mission().acronym()).isEqualTo(a);
      assertThat(d.mission().name())
          .isEqualTo(
              sql.queryForObject(
                  "select coalesce(name_nb, name_en) from mission where id = ?", String.class, id));
      assertThat(d.leadDepartment())
          .isEqualTo(
              sql.queryForObject(
                  "select lead_department from mission where id = ?", String.class, id));
      assertThat(d.regions())
          .as(a)
          .containsExactlyInAnyOrderElementsOf(
              sql.queryForList(
                  "select r.name_nb from mission_region mr join region r on r.code = mr.region_code"
                      + " where mr.mission_id = ?",
                  String.class,
                  id));
      assertThat(d.predecessors())
          .as(a)
          .containsExactlyElementsOf(
              sql.queryForList(
                  "select m.acronym from mission_succession s join mission m"
                      + " on m.id = s.predecessor_id where s.successor_id = ? order by 1",
                  String.class,
                  id));
      assertThat(d.successors())
          .as(a)
          .containsExactlyElementsOf(
              sql.queryForList(
                  "select m.acronym from mission_succession s join mission m"
                      + " on m.id = s.successor_id where s.predecessor_id = ? order by 1",
                  String.class,
                  id));
      assertThat(d.hostCodes())
          .as(a)
          .containsExactlyElementsOf(
              sql.queryForList(
                  "select iso3::text from mission_host where mission_id = ? order by 1",
                  String.class,
                  id));
      assertThat(d.sources().stream().map(MissionDetail.Source::id).toList())
          .as(a)
          .containsExactlyInAnyOrderElementsOf(
              sql.queryForList(
                  "select id from (select source_id as id from mission where id = ?"
                      + " union select source_id from mission_host where mission_id = ?"
                      + " union select source_id from personnel_figure where mission_id = ?"
                      + " union select f.source_id from personnel_figure f"
                      + " join personnel_figure_mission m on m.figure_id = f.id"
                      + " where m.mission_id = ?) s where id is not null",
                  Long.class,
                  id,
                  id,
                  id,
                  id));
      var statements =
          sql.queryForList(
              "select f.stated_text from personnel_figure f where f.basis = 'approximate_statement'"
                  + " and (f.mission_id = ? or f.id in"
                  + " (select figure_id from personnel_figure_mission where mission_id = ?))",
              String.class,
              id,
              id);
      assertThat(d.statements().stream().map(MissionDetail.Statement::statedText).toList())
          .as(a)
          .containsExactlyInAnyOrderElementsOf(statements);
      withStatements += statements.isEmpty() ? 0 : 1;
    }
    assertThat(withStatements).as("missions with statements").isPositive();
  }

  @Test
  void aMissionReadsAsItsSeedRowsSay() {
    // written by hand from seed-data/mission-hosts.csv and mission-successions.csv
    var monusco = missions.mission("MONUSCO", "en", null).orElseThrow();
    assertThat(monusco.predecessors()).containsExactly("MONUC");
    assertThat(monusco.hostCodes()).containsExactly("COD");
    var untso = missions.mission("UNTSO", "en", null).orElseThrow();
    assertThat(untso.hostCodes()).containsExactly("EGY", "ISR", "JOR", "LBN", "SYR");
    assertThat(untso.mission().hosts()).isEqualTo("Egypt, Israel, Jordan, Lebanon, Syria");
  }
}
