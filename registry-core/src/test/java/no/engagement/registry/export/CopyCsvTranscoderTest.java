package no.engagement.registry.export;

import static no.engagement.registry.export.CopyCsvTranscoder.Kind.NUMBER;
import static no.engagement.registry.export.CopyCsvTranscoder.Kind.PLAIN;
import static no.engagement.registry.export.CopyCsvTranscoder.Kind.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden files of both dialects from the CSV PostgreSQL's COPY writes (comma, quotes only where
 * needed, "" for an empty string, nothing for null, LF).
 */
class CopyCsvTranscoderTest {

  /** As COPY (...) TO STDOUT (FORMAT csv, HEADER) writes it. */
  private static final String COPY =
      "name,count,code\n"
          + "\"=HYPERLINK(\"\"http://x\"\")\",12.5,A\n"
          + "@SUM(1),-2,B\n"
          + "-2+3,0.25,C\n"
          + "\"\ttab\",,D\n"
          + "\"a;b, c\",1000,E\n"
          + "\"two\nlines\",3,-1\n"
          + "Sør-Sudan \u2019æøå,\"\",\n";

  private static String transcode(CsvDialect dialect, String copy) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var t = new CopyCsvTranscoder(out, dialect, List.of(TEXT, NUMBER, PLAIN))) {
      t.write(copy.getBytes(StandardCharsets.UTF_8));
      assertThat(t.rows()).isEqualTo(7);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Cells longer than the output buffer, with and without quotes, cross it intact. */
  @Test
  void longCellsPassWhole() throws IOException {
    String plain = "x".repeat(100_000);
    String quoted = "say \"\"hi\"\" ".repeat(20_000);
    var out = new ByteArrayOutputStream();
    try (var t = new CopyCsvTranscoder(out, CsvDialect.EXCEL_NB, List.of(TEXT, TEXT, NUMBER))) {
      for (int i = 0; i < 3; i++) {
        t.write(
            ("a" + i + ",\"" + quoted + "\"," + plain.length() + ".5\n")
                .getBytes(StandardCharsets.UTF_8));
        t.write((plain + ",b,1\n").getBytes(StandardCharsets.UTF_8));
      }
      assertThat(t.rows()).isEqualTo(5); // the first line is the header
    }
    String expectedQuoted = "\"" + quoted.replace("\"\"", "\"\"") + "\"";
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFF"
                + ("a0;" + expectedQuoted + ";100000.5\r\n" + plain + ";b;1\r\n")
                + ("a1;" + expectedQuoted + ";100000,5\r\n" + plain + ";b;1\r\n")
                + ("a2;" + expectedQuoted + ";100000,5\r\n" + plain + ";b;1\r\n"));
  }

  @Test
  void rfc4180CarriesTextAsStored() throws IOException {
    assertThat(transcode(CsvDialect.RFC4180, COPY))
        .isEqualTo(
            "name,count,code\r\n"
                + "\"=HYPERLINK(\"\"http://x\"\")\",12.5,A\r\n"
                + "@SUM(1),-2,B\r\n"
                + "-2+3,0.25,C\r\n"
                + "\ttab,,D\r\n"
                + "\"a;b, c\",1000,E\r\n"
                + "\"two\nlines\",3,-1\r\n"
                + "Sør-Sudan \u2019æøå,,\r\n");
  }

  @Test
  void excelNb() throws IOException {
    assertThat(transcode(CsvDialect.EXCEL_NB, COPY))
        .isEqualTo(
            "\uFEFFname;count;code\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\";12,5;A\r\n"
                + "'@SUM(1);-2;B\r\n"
                + "'-2+3;0,25;C\r\n"
                + "'\ttab;;D\r\n"
                + "\"a;b, c\";1000;E\r\n"
                + "\"two\nlines\";3;-1\r\n"
                + "Sør-Sudan \u2019æøå;;\r\n");
  }

  @Test
  void aStreamThatEndsInsideARowIsAnErrorNotAShorterFile() throws IOException {
    var t = new CopyCsvTranscoder(new ByteArrayOutputStream(), CsvDialect.RFC4180, List.of(TEXT));
    t.write("name\nfirst\nsec".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(t::close).isInstanceOf(IOException.class);
  }
}
