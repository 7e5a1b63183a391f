package no.engagement.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.engagement.registry.RegistryTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * All or nothing: an import of 1,200 rows that the database refuses at its first, a middle or its
 * last row (a period outside the row's year: only a check constraint knows) leaves the database
 * exactly as before, checked with independent SQL (row counts and a content hash).
 */
@RegistryTest
class AtomicImportTest {

  private static final int ROWS = 1_200;

  @Autowired ImportService imports;
  @Autowired JdbcTemplate sql;

  /** Reverts imports of these tests that went through (there must be none; an earlier failure). */
  @org.junit.jupiter.api.BeforeEach
  @org.junit.jupiter.api.AfterEach
  void revertStrays() {
    for (Long batch :
        sql.queryForList(
            "select distinct batch_id from personnel_figure where year = 2043 and batch_id is not null",
            Long.class)) {
      imports.revert(batch, "atomic-test", null);
    }
  }

  private String state() {
    return sql.queryForObject(
        "select (select count(*) from personnel_figure) || ':'"
            + " || (select md5(string_agg(f::text, ',' order by id)) from personnel_figure f)"
            + " || ':' || (select count(*) from personnel_figure_mission)"
            + " || ':' || (select count(*) from import_batch)"
            + " || ':' || (select count(*) from audit_event)"
            + " || ':' || (select count(*) from deployment_series)",
        String.class);
  }

  @ParameterizedTest(name = "refused at row {0}")
  @ValueSource(ints = {1, ROWS / 2, ROWS})
  void aFailureAtAnyRowLeavesTheDatabaseExactlyAsBefore(int badRow) {
    List<String> countries =
        sql.queryForList("select iso3 from country order by iso3 limit 100", String.class);
    String[] missions = {"UNMISS", "UNTSO", "UNFICYP", "MINUSMA"};
    String[] genders = {"female", "male", "total"};
    Map<String, Object> existing =
        sql.queryForMap(
            "select f.contributor_iso3, m.acronym, f.year, f.personnel_type::text as type,"
                + " coalesce(f.period_start::text, '') as period_start,"
                + " coalesce(f.period_end::text, '') as period_end,"
                + " f.gender::text as gender, f.basis::text as basis, s.code"
                + " from personnel_figure f join mission m on m.id = f.mission_id"
                + " join source_document s on s.id = f.source_id order by f.id limit 1");
    var csv =
        new StringBuilder(
            "contributor,mission,year,period_start,period_end,personnel_type,gender,count,basis,source\n");
    for (int i = 1; i <= ROWS; i++) {
      if (i == badRow) {
        // a period in another year than the row's: a rule of the schema (a check constraint)
        csv.append("NOR,UNMISS,2043,2044-01-01,2044-01-31,troops,total,1,snapshot,");
      } else {
        int k = i - 1;
        csv.append(countries.get(k % 100))
            .append(',')
            .append(missions[(k / 100) % 4])
            .append(",2043,,,troops,")
            .append(genders[(k / 400) % 3])
            .append(',')
            .append(k % 50)
            .append(",annual_average,");
      }
      csv.append('\n');
    }
    String before = state();
    var e =
        catchThrowableOfType(
            ImportRejectedException.class,
            () ->
                imports.importFile(
                    new ImportRequest(
                        "personnel",
                        "atomic.csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8),
                        "atomic-test",
                        "un-contributions-by-year",
                        false)));
    assertThat(e).as("the file was refused").isNotNull();
    assertThat(e.report().errors())
        .as("the schema's rule, found before anything is written, on the row that breaks it")
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("rule.personnel_figure_check1");
              assertThat(p.row()).isEqualTo(badRow);
              assertThat(p.column()).isEqualTo("year, period_start");
            });
    assertThat(state()).isEqualTo(before);
  }
}
