package no.engagement.registry.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * The import scenario: the 1M-row personnel file in the staff template, sent to the running
 * registry (heap capped at 128 MB) over its import route as {@code scripts/import} sends it,
 * validated, staged, merged and committed, the screens' views refreshed; against COPY FROM STDIN of
 * the same rows into the same table in the same run.
 */
final class ImportBench {

  static final String USER = "admin";
  static final String PASSWORD = "bench-admin-password";

  private ImportBench() {}

  static void run(RegistryUnderTest app, Connection c, Path template, long rows, double copyInRate)
      throws Exception {
    c.createStatement().execute("truncate personnel_figure cascade");
    c.createStatement().execute("checkpoint");
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + app.port
                        + "/api/imports/personnel?file=personnel-bench.csv&source="
                        + Bench.SOURCE))
            .timeout(Duration.ofMinutes(30))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofFile(template))
            .build();
    long t0 = System.nanoTime();
    var response = app.http.send(request, HttpResponse.BodyHandlers.ofString());
    double s = (System.nanoTime() - t0) / 1e9;
    if (response.statusCode() != 200 || !app.alive()) {
      throw new IllegalStateException(
          "The import failed (" + response.statusCode() + "):\n" + response.body());
    }
    var rs = c.createStatement().executeQuery("select count(*) from personnel_figure");
    rs.next();
    long imported = rs.getLong(1);
    if (imported != rows) {
      throw new IllegalStateException("The import wrote " + imported + " rows, expected " + rows);
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT scenario=import rows=%d seconds=%.3f rows_per_s=%.0f baseline_rows_per_s=%.0f"
            + " ratio=%.2f heap_limit_mb=128 file_mb=%d%n",
        rows,
        s,
        rows / s,
        copyInRate,
        (rows / s) / copyInRate,
        Files.size(template) >> 20);
  }
}
