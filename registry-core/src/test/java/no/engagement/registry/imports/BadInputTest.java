package no.engagement.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each awkward file staff might upload (src/test/resources/imports/fixtures) is either read right
 * or refused with every problem named, and a refused file changes nothing: the figures and the
 * batches are, by independent SQL, exactly as before. No U+FFFD ever reaches the database.
 */
@RegistryTest
class BadInputTest {

  @Autowired ImportService imports;
  @Autowired JdbcTemplate sql;

  /** Accepted: rows written, encoding, delimiter, decimal mark, and a stored text to check. */
  record Accepted(int rows, String encoding, char delimiter, char decimal, String storedText) {}

  /** Refused: the message key of each problem, with its data row (0 for the whole file). */
  record Refused(List<String> problems) {}

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("utf8-bom.csv", new Accepted(2, "UTF-8 (BOM)", ',', '.', null)),
        Arguments.of("utf8-no-bom.csv", new Accepted(2, "UTF-8", ',', '.', "Blåhjelmer på øya æ")),
        Arguments.of(
            "windows-1252.csv", new Accepted(2, "Windows-1252", ',', '.', "Blåhjelmer på øya æ")),
        Arguments.of(
            "invalid-utf8-is-windows-1252.csv",
            new Accepted(1, "Windows-1252", ',', '.', "Tromsø")),
        Arguments.of("utf-16.csv", new Refused(List.of("0 file.utf16"))),
        Arguments.of("crlf.csv", new Accepted(2, "UTF-8", ',', '.', null)),
        Arguments.of("lf.csv", new Accepted(2, "UTF-8", ',', '.', null)),
        Arguments.of("cr.csv", new Accepted(2, "UTF-8", ',', '.', null)),
        Arguments.of("semicolon-decimal-comma.csv", new Accepted(2, "UTF-8", ';', ',', null)),
        Arguments.of("comma-decimal-point.csv", new Accepted(2, "UTF-8", ',', '.', null)),
        Arguments.of(
            "quoted-separators-and-doubled-quotes.csv",
            new Accepted(2, "UTF-8", ',', '.', "around 45; as \"stated\", in Mali, Sudan")),
        Arguments.of("line-break-in-quoted-field.csv", new Refused(List.of("2:4-4 not.number"))),
        Arguments.of("backslashes.csv", new Accepted(2, "UTF-8", ',', '.', "C:\\temp\\ and \\t")),
        Arguments.of("too-few-fields.csv", new Refused(List.of("1:2-2 field.count"))),
        Arguments.of("too-many-fields.csv", new Refused(List.of("1:2-2 field.count"))),
        Arguments.of("trailing-empty-line.csv", new Accepted(2, "UTF-8", ',', '.', null)),
        Arguments.of("blank-lines-in-the-middle.csv", new Accepted(2, "UTF-8", ',', '.', null)),
        Arguments.of("unterminated-quote.csv", new Refused(List.of("0 file.unterminated.quote"))),
        Arguments.of("duplicate-keys.csv", new Refused(List.of("3:4-4 duplicate.key"))),
        Arguments.of("grouping-and-minus.csv", new Refused(List.of("3:4-4 negative"))),
        Arguments.of("blank-is-not-zero.csv", new Refused(List.of("1:2-2 required"))),
        Arguments.of("nul-bytes.csv", new Refused(List.of("0 file.nul"))),
        Arguments.of(
            "formula-cells.csv",
            new Accepted(2, "UTF-8", ',', '.', "=HYPERLINK(\"http://evil.example\",\"x\")")),
        Arguments.of("huge-field.csv", new Refused(List.of("1:2-2 field.too.long"))),
        Arguments.of("empty.csv", new Refused(List.of("0 file.empty"))),
        Arguments.of("header-only.csv", new Accepted(0, "UTF-8", ',', '.', null)));
  }

  private Long committed;

  @AfterEach
  void revert() {
    if (committed != null) {
      imports.revert(committed, "fixture-test", null);
      committed = null;
    }
  }

  private String state() {
    return sql.queryForObject(
        "select (select count(*) from personnel_figure) || ':'"
            + " || (select coalesce(md5(string_agg(f::text, ',' order by id)), '') from personnel_figure f)"
            + " || ':' || (select count(*) from import_batch)",
        String.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void isReadRightOrRefusedWithEveryProblemAndNothingWritten(String fixture, Object expected)
      throws IOException {
    byte[] content;
    try (InputStream in = getClass().getResourceAsStream("/imports/fixtures/" + fixture)) {
      content = in.readAllBytes();
    }
    String before = state();
    var request =
        new ImportRequest(
            "personnel", fixture, content, "fixture-test", "un-contributions-by-year", false);
    if (expected instanceof Accepted a) {
      var report = imports.importFile(request);
      committed = report.batchId();
      assertThat(report.errors()).isEmpty();
      assertThat(report.rowsWritten()).isEqualTo(a.rows());
      assertThat(report.encoding()).isEqualTo(a.encoding());
      assertThat(report.delimiter()).isEqualTo(a.delimiter());
      assertThat(report.decimalMark()).isEqualTo(a.decimal());
      var texts =
          sql.queryForList(
              "select coalesce(stated_text, '') from personnel_figure where batch_id = ?",
              String.class,
              committed);
      assertThat(texts).hasSize(a.rows()).noneMatch(t -> t.contains("\uFFFD"));
      if (a.storedText() != null) {
        assertThat(texts).contains(a.storedText());
      }
    } else {
      var refused = (Refused) expected;
      var e =
          catchThrowableOfType(ImportRejectedException.class, () -> imports.importFile(request));
      assertThat(e).as("refused").isNotNull();
      var problems =
          e.report().errors().stream()
              .map(
                  p ->
                      p.row() == 0
                          ? "0 " + p.key()
                          : p.row() + ":" + p.firstLine() + "-" + p.lastLine() + " " + p.key())
              .toList();
      assertThat(problems).containsExactlyElementsOf(refused.problems());
      for (var p : e.report().errors()) { // every message reads in both languages
        assertThat(p.message(Locale.ENGLISH)).isNotBlank().doesNotContain("{");
        assertThat(p.message(Locale.forLanguageTag("nb"))).isNotBlank().doesNotContain("{");
      }
      assertThat(state()).as("nothing written").isEqualTo(before);
    }
  }

  @Test
  void aRecordLongerThanAnyRowIsRefusedBeforeItIsParsed() {
    // a header, then one "row" of 3 MB on one line: the first pass over the bytes stops it
    var csv = new StringBuilder("contributor,mission,year,personnel_type,gender,count,basis\n");
    csv.append("NOR,UNMISS,2030,troops,total,1,").append("x".repeat(3 << 20)).append('\n');
    String before = state();
    var e =
        catchThrowableOfType(
            ImportRejectedException.class,
            () ->
                imports.importFile(
                    new ImportRequest(
                        "personnel",
                        "one-long-line.csv",
                        csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "fixture-test",
                        "un-contributions-by-year",
                        false)));
    assertThat(e.report().errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("file.record.too.long");
              assertThat(p.message(Locale.ENGLISH))
                  .isEqualTo(
                      "The record that starts on line 2 is longer than 1 MB; no row of any import"
                          + " is that long. Nothing was read.");
            });
    assertThat(state()).isEqualTo(before);
  }
}
