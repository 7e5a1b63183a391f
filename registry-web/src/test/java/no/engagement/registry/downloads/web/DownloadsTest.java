package no.engagement.registry.downloads.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import no.engagement.registry.downloads.Dataset;
import no.engagement.registry.imports.ImportService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every dataset, downloaded over HTTP in both dialects: complete (the X-Row-Count header, the
 * records in the file and independent SQL agree), in its dialect, and back through the staff import
 * unchanged: nothing new, changed or removed.
 */
@RegistryWebTest
class DownloadsTest {

  @LocalServerPort int port;
  @Autowired ImportService imports;
  @Autowired JdbcTemplate sql;

  static List<String> datasets() {
    return Dataset.names().stream().filter(n -> !n.equals("provenance")).toList();
  }

  /** Every import kind but the UN's own formats has a dataset of the same name. */
  @org.junit.jupiter.api.Test
  void everyImportKindHasADownload() {
    assertThat(Dataset.names())
        .containsAll(imports.kinds().stream().filter(k -> !k.endsWith("-un")).toList());
  }

  /**
   * Text at its hardest (csv-spectrum's cases and more): quotes, the separators of both dialects,
   * CR, CRLF and LF inside a cell, a tab, a leading formula character and a leading apostrophe,
   * emoji, a combining mark, U+2028, spaces at both ends.
   */
  private static final List<String> HARD_TEXT =
      List.of(
          "=SUM(A1) \"quoted\"; comma, tab\there CR\rCRLF\r\nLF\n emoji \uD83C\uDF89 e\u0301"
              + " line\u2028sep 'end ",
          "'=already guarded",
          "  -spaces at both ends\t ");

  /** A file in the RFC 4180 dialect, written by this test (not by the registry). */
  private static byte[] rfc4180(List<List<String>> rows) {
    var b = new StringBuilder();
    for (var row : rows) {
      for (int i = 0; i < row.size(); i++) {
        String v = row.get(i);
        if (i > 0) {
          b.append(',');
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\r") || v.contains("\n")) {
          b.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
          b.append(v);
        }
      }
      b.append("\r\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<List<String>> parse(byte[] rfc) throws Exception {
    List<List<String>> rows = new java.util.ArrayList<>();
    try (var parser =
        org.apache.commons.csv.CSVFormat.RFC4180.parse(
            new StringReader(new String(rfc, StandardCharsets.UTF_8)))) {
      for (var r : parser) {
        rows.add(new java.util.ArrayList<>(List.of(r.values())));
      }
    }
    return rows;
  }

  /**
   * For every dataset with free text: its first text column (not a key) takes the hard texts in its
   * first rows; the file imports, and the download of both dialects gives them back: the RFC 4180
   * file byte for byte as imported, the Excel file imported again changes nothing.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void hardTextComesBackByteForByteInBothDialects(String name) throws Exception {
    var dataset = Dataset.named(name).orElseThrow();
    byte[] before = get("/downloads/" + name + ".csv").body();
    var rows = parse(before);
    assertThat(rfc4180(rows)).as("this test's own writer").isEqualTo(before);
    int column = -1;
    for (int i = 0; i < dataset.kinds().size(); i++) {
      if (dataset.kinds().get(i) == no.engagement.registry.export.CopyCsvTranscoder.Kind.TEXT
          && !dataset.key().contains(rows.getFirst().get(i))
          && !rows.getFirst().get(i).equals("stated_places")) {
        column = i;
        break;
      }
    }
    if (column < 0 || rows.size() < 2) {
      return; // codes only: the plain round trip covers it
    }
    for (int r = 1; r < rows.size() && r <= HARD_TEXT.size(); r++) {
      rows.get(r).set(column, HARD_TEXT.get(r - 1));
    }
    byte[] hard = rfc4180(rows);
    var report =
        imports.importFile(
            new no.engagement.registry.imports.ImportRequest(
                name, name + "-hard.csv", hard, "downloads-test", null, false));
    try {
      assertThat(report.errors()).isEmpty();
      assertThat(report.diff().changed()).isEqualTo(Math.min(rows.size() - 1, HARD_TEXT.size()));
      assertThat(new String(get("/downloads/" + name + ".csv").body(), StandardCharsets.UTF_8))
          .as("RFC 4180, byte for byte")
          .isEqualTo(new String(hard, StandardCharsets.UTF_8));
      byte[] excel = get("/downloads/" + name + ".csv?dialect=excel-nb").body();
      var again = imports.check(name, name + "-excel.csv", excel, "downloads-test", null);
      assertThat(again.errors()).isEmpty();
      assertThat(List.of(again.diff().added(), again.diff().changed()))
          .as("the Excel file imports back unchanged: %s", again.diff().changes())
          .containsExactly(0L, 0L);
    } finally {
      if (name.equals("sources")) {
        // a source document has no import batch of its own to revert: the file before, again
        imports.importFile(
            new no.engagement.registry.imports.ImportRequest(
                name, name + ".csv", before, "downloads-test", null, false));
      } else {
        imports.revert(report.batchId(), "downloads-test", null);
      }
    }
    assertThat(get("/downloads/" + name + ".csv").body()).isEqualTo(before);
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return new WebClient(port).bytes(path);
  }

  /**
   * A download that fails after its first rows (the database connection lost: a 503 before the
   * first byte) is aborted: the client gets an error, never a complete-looking shorter file, and no
   * error page is appended to the data.
   */
  @org.junit.jupiter.api.Test
  void aDownloadThatFailsMidwayIsAbortedNotEndedAsAShorterFile() throws Exception {
    var response = new WebClient(port).stream("/test/broken-download.csv");
    assertThat(response.statusCode()).isEqualTo(200); // sent before the failure
    var received = new java.io.ByteArrayOutputStream();
    var failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> {
              try (var in = response.body()) {
                in.transferTo(received);
              }
            });
    assertThat(failure)
        .as("the client sees the download break")
        .isInstanceOf(java.io.IOException.class);
    assertThat(received.toString(StandardCharsets.UTF_8))
        .startsWith("name,count\r\nrow 0,0\r\n")
        .doesNotContain("<html");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void everyDatasetDownloadsWholeInBothDialectsAndImportsBackUnchanged(String name)
      throws Exception {
    var dataset = Dataset.named(name).orElseThrow();
    long inDatabase =
        sql.queryForObject("select count(*) from (" + dataset.sql() + ") d", Long.class);
    for (String dialect : List.of("rfc4180", "excel-nb")) {
      var response = get("/downloads/" + name + ".csv?dialect=" + dialect);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/csv");
      assertThat(response.headers().firstValue("X-Row-Count")).hasValue(Long.toString(inDatabase));
      byte[] body = response.body();
      boolean excel = dialect.equals("excel-nb");
      boolean bom =
          body.length >= 3
              && body[0] == (byte) 0xEF
              && body[1] == (byte) 0xBB
              && body[2] == (byte) 0xBF;
      assertThat(bom).as("BOM in %s", dialect).isEqualTo(excel);
      String text = new String(body, StandardCharsets.UTF_8);
      assertThat(text).doesNotContain("\uFFFD");
      char separator = excel ? ';' : ',';
      var records =
          new CSVReaderBuilder(new StringReader(excel ? text.substring(1) : text))
              .withCSVParser(new RFC4180ParserBuilder().withSeparator(separator).build())
              .build()
              .readAll();
      assertThat(records.getFirst().length).isEqualTo(dataset.kinds().size());
      assertThat(records).hasSize((int) inDatabase + 1);

      assertThat(imports.kinds()).as("the import kind of the dataset").contains(name);
      // every column the import takes is downloaded, in the template's order: a column added to
      // the import and forgotten in the dataset would be lost on its way back
      assertThat(records.getFirst())
          .as("%s (%s) header", name, dialect)
          .containsExactlyElementsOf(imports.template(name, null).columns());
      if (inDatabase > 0) {
        var report = imports.check(name, name + ".csv", body, "downloads-test", null);
        assertThat(report.errors()).as("%s (%s) imports back", name, dialect).isEmpty();
        var diff = report.diff();
        assertThat(List.of(diff.added(), diff.changed(), diff.removed()))
            .as("%s (%s) round trip: %s", name, dialect, diff.changes())
            .containsExactly(0L, 0L, 0L);
        assertThat(diff.unchanged()).isEqualTo(inDatabase);
      }
    }
  }
}
