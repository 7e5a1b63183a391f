package no.engagement.registry.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The two dialects, byte for byte, and the formula guard. */
class CsvWriterTest {

  @Test
  void rfc4180IsUtf8CommaPointCrlfWithoutBom() {
    var out = new ByteArrayOutputStream();
    try (var csv = new CsvWriter(out, CsvDialect.RFC4180)) {
      csv.row("name", "count", "date");
      csv.row("Côte d’Ivoire, \"CIV\"", new BigDecimal("12.50"), LocalDate.of(2019, 1, 31));
      csv.row("two\nlines", 3, null);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "name,count,date\r\n\"Côte d’Ivoire, \"\"CIV\"\"\",12.5,2019-01-31\r\n\"two\nlines\",3,\r\n");
  }

  @Test
  void excelNbHasBomSemicolonAndDecimalComma() {
    var out = new ByteArrayOutputStream();
    try (var csv = new CsvWriter(out, CsvDialect.EXCEL_NB)) {
      csv.row("Sør-Sudan; UNMISS", new BigDecimal("1234.5"));
    }
    byte[] bytes = out.toByteArray();
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
        .isEqualTo("\"Sør-Sudan; UNMISS\";1234,5\r\n");
  }

  @Test
  void textThatASpreadsheetWouldRunIsNeutralisedInTheExcelDialectButNumbersAreNot() {
    var csv = new CsvWriter(new ByteArrayOutputStream(), CsvDialect.EXCEL_NB);
    assertThat(csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(csv.cell("@SUM(1)")).isEqualTo("'@SUM(1)");
    assertThat(csv.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(csv.cell("+47 22")).isEqualTo("'+47 22");
    assertThat(csv.cell("\tx")).isEqualTo("'\tx");
    assertThat(csv.cell("'quoted")).as("an apostrophe of its own, kept").isEqualTo("''quoted");
    assertThat(csv.cell(new BigDecimal("-2"))).isEqualTo("-2");
    assertThat(csv.cell("MINUSMA")).isEqualTo("MINUSMA");
    // the import takes exactly the guard off
    for (String text : new String[] {"=HYPERLINK(1)", "@SUM(1)", "-2+3", "'quoted", "''x", "a'b"}) {
      String guarded = csv.cell(text);
      assertThat(CsvDialect.unguard(guarded)).isEqualTo(text);
    }
  }

  @Test
  void theRfc4180DialectCarriesTextExactlyAsStored() {
    var csv = new CsvWriter(new ByteArrayOutputStream(), CsvDialect.RFC4180);
    assertThat(csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(csv.cell("@SUM(1)")).isEqualTo("@SUM(1)");
    assertThat(csv.cell("'quoted")).isEqualTo("'quoted");
    assertThat(csv.cell("\tx")).isEqualTo("\tx");
  }
}
