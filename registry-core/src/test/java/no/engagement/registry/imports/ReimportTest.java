package no.engagement.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A re-import changes exactly the rows it names; only a file declared the complete year of its
 * source removes that source's figures of the year that it does not contain. The preview names what
 * is added, changed (old → new), unchanged and removed; the commit does exactly that and records
 * what it changed and removed; the revert puts every row back as it was (independent SQL: a hash of
 * the rows, ids included); an earlier import cannot be reverted while a later one changed its rows.
 * Every personnel figure cites a source.
 */
@RegistryTest
class ReimportTest {

  private static final String HEADER =
      "contributor,mission,year,period_start,period_end,personnel_type,gender,count,basis,source\n";

  @Autowired ImportService imports;
  @Autowired JdbcTemplate sql;

  @BeforeEach
  @AfterEach
  void revertStrays() {
    for (Long batch :
        sql.queryForList(
            "select distinct batch_id from personnel_figure where year = 2044 and batch_id is not"
                + " null order by batch_id desc",
            Long.class)) {
      imports.revert(batch, "reimport-test", null);
    }
  }

  private String figures2044() {
    return sql.queryForObject(
        "select count(*) || ':' || coalesce(md5(string_agg(f::text, ',' order by id)), '')"
            + " from personnel_figure f where year = 2044",
        String.class);
  }

  private String source(int n) {
    return sql.queryForObject(
        "select code from source_document order by id offset ? limit 1", String.class, n);
  }

  private ImportReport run(String csv, boolean dryRun) {
    return run(csv, dryRun, source(0), false);
  }

  private ImportReport run(String csv, boolean dryRun, String source, boolean complete) {
    return imports.importFile(
        new ImportRequest(
            "personnel",
            "figures-2044.csv",
            ImportContent.of(csv.getBytes(StandardCharsets.UTF_8)),
            "reimport-test",
            source,
            dryRun,
            null,
            complete));
  }

  @Test
  void aFileDeclaredCompleteReplacesTheYearOfThatSourceAndTheRevertPutsEveryRowBack() {
    String source = source(1);
    String before = figures2044();
    var first =
        run(
            HEADER
                + "NOR,UNMISS,2044,,,troops,female,3,annual_average,\n"
                + "NOR,UNMISS,2044,,,troops,male,5,annual_average,\n"
                + "NOR,UNTSO,2044,,,experts_on_mission,total,2,annual_average,\n"
                + "SWE,UNMISS,2044,,,troops,total,7,annual_average,\n"
                + "NOR,MINUSMA,2044,,,troops,total,9,annual_average,"
                + source
                + "\n",
            false);
    assertThat(first.diff().added()).isEqualTo(5);
    String afterFirst = figures2044();

    // the same year again, declared complete: one changed, one gone, one new, two the same; the
    // figure of the other source is not in scope
    String second =
        HEADER
            + "NOR,UNMISS,2044,,,troops,female,3,annual_average,\n"
            + "NOR,UNMISS,2044,,,troops,male,6,annual_average,\n"
            + "SWE,UNMISS,2044,,,troops,total,7,annual_average,\n"
            + "DNK,UNMISS,2044,,,troops,total,1,annual_average,\n";
    var preview = run(second, true, source(0), true);
    assertThat(preview.ok()).isTrue();
    var diff = preview.diff();
    assertThat(diff.complete()).containsExactly(source(0) + " \u00b7 2044");
    assertThat(List.of(diff.added(), diff.changed(), diff.unchanged(), diff.removed()))
        .containsExactly(1L, 1L, 2L, 1L);
    assertThat(diff.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.row()).isEqualTo(2);
              assertThat(c.key()).contains("NOR").contains("UNMISS").contains("male");
              assertThat(c.columns())
                  .containsExactly(new RowChange.ColumnChange("count", "5.00", "6.00"));
            });
    assertThat(diff.removals())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.row()).isZero();
              assertThat(c.key()).contains("UNTSO").contains("experts_on_mission");
            });
    assertThat(figures2044()).as("a preview writes nothing").isEqualTo(afterFirst);

    var committed = run(second, false, source(0), true);
    assertThat(committed.batchId()).isNotNull();
    assertThat(
            sql.queryForList(
                "select f.contributor_iso3 || ' ' || m.acronym || ' ' || f.gender || ' ' || f.count"
                    + " from personnel_figure f join mission m on m.id = f.mission_id"
                    + " where f.year = 2044 order by 1",
                String.class))
        .containsExactly(
            "DNK UNMISS total 1.00",
            "NOR MINUSMA total 9.00",
            "NOR UNMISS female 3.00",
            "NOR UNMISS male 6.00",
            "SWE UNMISS total 7.00");
    var batch = imports.batch(committed.batchId()).orElseThrow();
    assertThat(
            List.of(
                batch.rowsInserted(),
                batch.rowsUpdated(),
                batch.rowsUnchanged(),
                batch.rowsDeleted()))
        .containsExactly(1, 1, 2, 1);
    assertThat(imports.changes(batch))
        .extracting(RowChange::columns)
        .anySatisfy(
            columns ->
                assertThat(columns).contains(new RowChange.ColumnChange("count", "5.00", "6.00")))
        .anySatisfy(
            columns ->
                assertThat(columns).extracting(RowChange.ColumnChange::after).containsOnlyNulls());
    assertThat(
            sql.queryForObject(
                "select sum(mean) from deployment_series where year = 2044 and gender = 'male'"
                    + " and contributor_iso3 = 'NOR'",
                java.math.BigDecimal.class))
        .as("the screens' series are refreshed")
        .isEqualByComparingTo("6");

    // the first import cannot go while the second changed its rows
    var refused =
        catchThrowableOfType(
            RevertRefusedException.class,
            () -> imports.revert(first.batchId(), "reimport-test", null));
    assertThat(refused.reason(Locale.ENGLISH))
        .contains("batch #" + committed.batchId())
        .contains("changed or removed 2 of its rows");

    imports.revert(committed.batchId(), "reimport-test", null);
    assertThat(figures2044()).as("every row as it was, ids included").isEqualTo(afterFirst);

    imports.revert(first.batchId(), "reimport-test", null);
    assertThat(figures2044()).isEqualTo(before);
  }

  @Test
  void aCorrectionChangesOnlyTheRowsItNames() {
    run(
        HEADER
            + "NOR,UNMISS,2044,,,troops,female,3,annual_average,\n"
            + "NOR,UNMISS,2044,,,troops,male,5,annual_average,\n"
            + "NOR,UNTSO,2044,,,experts_on_mission,total,2,annual_average,\n",
        false);
    String correction = HEADER + "NOR,UNMISS,2044,,,troops,male,7,annual_average,\n";
    var preview = run(correction, true);
    assertThat(preview.diff().complete()).isEmpty();
    assertThat(
            List.of(
                preview.diff().added(),
                preview.diff().changed(),
                preview.diff().unchanged(),
                preview.diff().removed()))
        .containsExactly(0L, 1L, 0L, 0L);
    run(correction, false);
    assertThat(
            sql.queryForList(
                "select f.gender || ' ' || f.count from personnel_figure f where f.year = 2044"
                    + " order by f.mission_id, f.gender",
                String.class))
        .as("the two figures the correction does not name are still there")
        .containsExactly("female 3.00", "male 7.00", "total 2.00");
    assertThat(
            sql.queryForObject(
                "select sum(mean) from deployment_series where year = 2044 and gender = 'male'"
                    + " and contributor_iso3 = 'NOR' and basis = 'annual_average'",
                java.math.BigDecimal.class))
        .as("one source: the new value, not the mean of old and new")
        .isEqualByComparingTo("7");
  }

  @Test
  void aPersonnelFileWithoutASourceIsRefused() {
    String before = figures2044();
    var refused =
        catchThrowableOfType(
            ImportRejectedException.class,
            () ->
                run(
                    HEADER + "NOR,UNMISS,2044,,,troops,male,5,annual_average,\n",
                    false,
                    null,
                    false));
    assertThat(refused.report().errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(1);
              assertThat(p.column()).isEqualTo("source");
              assertThat(p.message(Locale.ENGLISH)).contains("must cite its source");
              assertThat(p.message(Locale.forLanguageTag("nb"))).contains("kilde");
            });
    var noColumn =
        catchThrowableOfType(
            ImportRejectedException.class,
            () ->
                imports.importFile(
                    new ImportRequest(
                        "personnel-un",
                        "un.csv",
                        "Year,Country,Mission,Female,Male,Total\n2044,NOR,UNMISS,1,2,3\n"
                            .getBytes(StandardCharsets.UTF_8),
                        "reimport-test",
                        null,
                        false)));
    assertThat(noColumn.report().errors())
        .extracting(p -> p.message(Locale.ENGLISH))
        .containsExactly(
            "Personnel figures must cite a source document: choose the file's source, or give each"
                + " row a \u00absource\u00bb.");
    assertThat(figures2044()).isEqualTo(before);
  }

  @Test
  void aFileThatRepeatsAnotherSourcesFiguresIsWarnedOf() {
    run(HEADER + "NOR,UNMISS,2044,,,troops,male,5,annual_average,\n", false, source(0), false);
    var preview =
        run(HEADER + "NOR,UNMISS,2044,,,troops,male,5,annual_average,\n", true, source(1), false);
    assertThat(preview.diff().added()).isEqualTo(1);
    assertThat(preview.warnings())
        .extracting(p -> p.message(Locale.ENGLISH))
        .containsExactly(
            "1 of the file's figures are also stated by the source \u00ab"
                + source(0)
                + "\u00bb; the screens show the mean of both sources.");
  }

  @Test
  void theRealUnFileAgainWithOneValueChangedIsOneChangeAndNoRemoval() {
    byte[] un = no.engagement.registry.seed.SeedLoader.seedFileOf("personnel-un");
    String text = new String(un, StandardCharsets.UTF_8);
    // the seed's Norway, UNTSO, 2019 row, with its total one higher (independent of the code: a
    // text edit of the file)
    var m =
        java.util.regex.Pattern.compile(
                "(\\R\"\\d+\",2019,\"Norway\",\"UNTSO\",[^,]*,[^,]*,)(\\d+)(\\R)")
            .matcher(text);
    assertThat(m.find()).isTrue();
    int total = Integer.parseInt(m.group(2));
    String changed =
        text.substring(0, m.start())
            + m.group(1)
            + (total + 1)
            + m.group(3)
            + text.substring(m.end());
    byte[] edited = changed.getBytes(StandardCharsets.UTF_8);
    var withoutSource =
        imports.check(
            new ImportRequest(
                "personnel-un",
                "un.csv",
                ImportContent.of(edited),
                "reimport-test",
                null,
                true,
                null,
                false));
    assertThat(withoutSource.ok()).isFalse();
    assertThat(withoutSource.errors()).extracting(Problem::key).contains("source.required.file");
    var preview =
        imports.check(
            new ImportRequest(
                "personnel-un",
                "un.csv",
                ImportContent.of(edited),
                "reimport-test",
                "un-contributions-by-year",
                true,
                null,
                false));
    assertThat(preview.errors()).isEmpty();
    assertThat(List.of(preview.diff().added(), preview.diff().changed(), preview.diff().removed()))
        .containsExactly(0L, 1L, 0L);
    assertThat(preview.diff().unchanged())
        .isEqualTo(
            sql.queryForObject(
                    "select count(*) from personnel_figure f join source_document s on s.id ="
                        + " f.source_id where s.code = 'un-contributions-by-year'",
                    Long.class)
                - 1);
    assertThat(preview.diff().changes())
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.columns())
                    .containsExactly(
                        new RowChange.ColumnChange("count", total + ".00", (total + 1) + ".00")));
  }

  @Test
  void aMissionIsFoundByItsAliasAsAnotherSourceWritesIt() {
    // ONUCI is UNOCI's French acronym (seed-data/mission-aliases.csv)
    var report = run(HEADER + "NOR,ONUCI,2044,,,troops,total,3,annual_average,\n", false);
    assertThat(report.errors()).isEmpty();
    assertThat(
            sql.queryForObject(
                "select m.acronym from personnel_figure f join mission m on m.id = f.mission_id"
                    + " where f.year = 2044",
                String.class))
        .isEqualTo("UNOCI");
  }

  @Test
  void theSameFileAgainChangesNothing() {
    String csv =
        HEADER
            + "NOR,UNMISS,2044,,,troops,female,3,annual_average,\n"
            + "NOR,UNMISS,2044,,,troops,male,5,annual_average,\n";
    run(csv, false);
    String after = figures2044();
    var again = run(csv, false);
    assertThat(
            List.of(
                again.diff().added(),
                again.diff().changed(),
                again.diff().unchanged(),
                again.diff().removed()))
        .containsExactly(0L, 0L, 2L, 0L);
    assertThat(figures2044()).isEqualTo(after);
  }
}
