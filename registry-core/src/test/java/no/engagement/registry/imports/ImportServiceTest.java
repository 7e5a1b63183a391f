package no.engagement.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import path the seed uses: whole-file validation, reports in both languages, all or nothing.
 */
@RegistryTest
class ImportServiceTest {

  private static final Locale NB = Locale.forLanguageTag("nb");

  @Autowired ImportService imports;
  @Autowired JdbcTemplate sql;

  @Test
  void aNorwegianExcelFileIsReadAndCommittedWithItsBatch() {
    // ; as delimiter, decimal comma, BOM, Windows line ends, header in another order and case
    String csv =
        "\uFEFFMission;Contributor;YEAR;personnel_type;gender;count;basis;source\r\n"
            + "UNMISS;Norge;2030;police;female;12,5;snapshot;un-contributions-by-year\r\n";
    var report =
        imports.importFile(
            new ImportRequest(
                "personnel",
                "figures.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                "tester",
                "un-contributions-by-year",
                false));
    assertThat(report.encoding()).isEqualTo("UTF-8 (BOM)");
    assertThat(report.delimiter()).isEqualTo(';');
    assertThat(report.decimalMark()).isEqualTo(',');
    assertThat(report.batchId()).isNotNull();
    assertThat(
            sql.queryForObject(
                "select count::text from personnel_figure where batch_id = ? and contributor_iso3 = 'NOR'",
                String.class,
                report.batchId()))
        .isEqualTo("12.50");
    assertThat(
            sql.queryForObject(
                "select imported_by || ' ' || file_name || ' ' || rows_inserted from import_batch where id = ?",
                String.class,
                report.batchId()))
        .isEqualTo("tester figures.csv 1");
    sql.update("delete from personnel_figure where batch_id = ?", report.batchId());
    sql.update("delete from import_batch where id = ?", report.batchId());
  }

  @Test
  void everyProblemIsNamedByRowLineAndColumnAndNothingIsWritten() {
    int before = sql.queryForObject("select count(*) from personnel_figure", Integer.class);
    int batches = sql.queryForObject("select count(*) from import_batch", Integer.class);
    String csv =
        "contributor,mission,year,personnel_type,gender,count,basis\n"
            + "NOR,UNMISS,2030,police,male,3,snapshot\n"
            + "NOR,UNMISS,2030,police,female,\"1\n2\",snapshot\n"
            + "ZZZ,NOPE,1800,police,male,-4,guess\n";
    var rejected =
        catchThrowableOfType(
            ImportRejectedException.class,
            () ->
                imports.importFile(
                    new ImportRequest(
                        "personnel",
                        "bad.csv",
                        csv.getBytes(StandardCharsets.UTF_8),
                        "tester",
                        "un-contributions-by-year",
                        false)));
    var messages = rejected.report().errors().stream().map(p -> p.message(NB)).toList();
    assertThat(messages)
        .contains(
            "Rad 2 (linje 3\u20134), kolonne \u00abcount\u00bb: \u00ab1\n2\u00bb er ikke et tall.",
            "Rad 3 (linje 5), kolonne \u00abcontributor\u00bb: \u00abZZZ\u00bb er ikke et kjent land (ISO 3166-kode eller navn).",
            "Rad 3 (linje 5), kolonne \u00abmission\u00bb: \u00abNOPE\u00bb er ikke et kjent misjonsakronym.",
            "Rad 3 (linje 5), kolonne \u00abyear\u00bb: \u00ab1800\u00bb er ikke et \u00e5r mellom 1945 og 2100.",
            "Rad 3 (linje 5), kolonne \u00abcount\u00bb: \u00ab-4\u00bb er negativt; antall og bel\u00f8p kan ikke v\u00e6re det.");
    assertThat(rejected.report().errors().getFirst().message(Locale.ENGLISH))
        .startsWith("Row 2 (lines 3\u20134), column \u00abcount\u00bb");
    assertThat(sql.queryForObject("select count(*) from personnel_figure", Integer.class))
        .isEqualTo(before);
    assertThat(sql.queryForObject("select count(*) from import_batch", Integer.class))
        .isEqualTo(batches);
  }

  @Test
  void utf16IsRefusedWithAMessageAndWindows1252IsRead() {
    var rejected =
        catchThrowableOfType(
            ImportRejectedException.class,
            () ->
                imports.importFile(
                    new ImportRequest(
                        "country-aliases",
                        "a.csv",
                        "alias,country\n".getBytes(StandardCharsets.UTF_16),
                        "t",
                        null,
                        true)));
    assertThat(rejected.report().errors().getFirst().message(Locale.ENGLISH)).contains("UTF-16");

    byte[] cp1252 =
        "alias;country\r\nS\u00f8r-Afrika;ZAF\r\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    var report =
        imports.importFile(new ImportRequest("country-aliases", "b.csv", cp1252, "t", null, true));
    assertThat(report.encoding()).isEqualTo("Windows-1252");
    assertThat(report.rowsWritten()).isEqualTo(1);
    assertThat(report.batchId()).as("a dry run writes nothing").isNull();
  }
}
