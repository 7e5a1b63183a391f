package no.engagement.registry.bench;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Releases at scale: an admin publishes the 1M-figure registry through the form (the copy of every
 * table, every dataset in both dialects and the data package, stored with their SHA-256), then the
 * release's stored personnel file is downloaded whole, against COPY TO STDOUT of the same rows.
 */
final class ReleaseBench {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private ReleaseBench() {}

  static void run(RegistryUnderTest app, long rows, double copyOutRate) throws Exception {
    var http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String base = "http://localhost:" + app.port;
    post(
        http,
        base + "/login",
        "username=admin&password=" + ImportBench.PASSWORD,
        csrf(http, base + "/login"));
    String version = "bench-" + System.currentTimeMillis();
    long t0 = System.nanoTime();
    var published =
        post(
            http,
            base + "/releases",
            "version=" + version + "&notes=bench",
            csrf(http, base + "/releases"));
    if (published.statusCode() != 302 || !app.alive()) {
      throw new IllegalStateException(
          "publish: status " + published.statusCode() + ", registry alive: " + app.alive());
    }
    // the request queues the job; the release's page follows it until the release is there
    while (true) {
      var page =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/releases/" + version + "?lang=en"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (page.body().contains("release-files")) {
        break;
      }
      if (page.statusCode() != 200 || page.body().contains("Not published") || !app.alive()) {
        throw new IllegalStateException("publish: " + page.statusCode() + " " + page.body());
      }
      Thread.sleep(250);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "RESULT scenario=publish rows=%d seconds=%.3f rows_per_s=%.0f heap_limit_mb=128%n",
        rows,
        s,
        rows / s);
    ScreenBench.export(
        app,
        "release_download",
        "/releases/" + version + "/files/personnel.csv",
        rows,
        copyOutRate);
  }

  private static String csrf(HttpClient http, String url) throws Exception {
    var page =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    var m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on " + url + " (" + page.statusCode() + ")");
    }
    return m.group(1);
  }

  private static HttpResponse<InputStream> post(
      HttpClient http, String url, String form, String csrf) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    response.body().close();
    return response;
  }
}
