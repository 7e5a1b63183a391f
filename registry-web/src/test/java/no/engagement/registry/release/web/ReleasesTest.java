package no.engagement.registry.release.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.TestAccounts;
import no.engagement.registry.WebClient;
import no.engagement.registry.account.AccountService;
import no.engagement.registry.imports.ImportRequest;
import no.engagement.registry.imports.ImportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Releases over HTTP, as an admin and a researcher use them: publish, read the release page, check
 * every file against the SHA-256 it states, correct a figure, and find the old release unchanged:
 * its files byte for byte, its pinned screen and CSV with the old number, its citation; the diff
 * names the correction.
 */
@RegistryWebTest
class ReleasesTest {

  private static final String FIGURE =
      "contributor,mission,year,period_start,period_end,personnel_type,gender,count,basis,source\n"
          + "NOR,UNMISS,2047,,,police,total,%s,annual_average,\n";
  private static final Pattern FILE_ROW =
      Pattern.compile(
          "href=\"(/releases/[^\"]+/files/([^\"]+))\">[^<]+</a></th>\\s*<td[^>]*>([0-9 ]+)</td>\\s*"
              + "<td[^>]*>[0-9 ]+</td>\\s*<td><code class=\"hash\">([0-9a-f]{64})</code>");

  private static final java.util.regex.Pattern LINK =
      java.util.regex.Pattern.compile("<a [^>]*?href=\"([^\"]*)\"[^>]*>([^<]*)");

  /** The pages that do not read the registry's data, whose links carry no pin. */
  private static final java.util.regex.Pattern UNPINNED =
      java.util.regex.Pattern.compile(
          "/(releases|login|logout|imports|admin|api|open-data|css|js|webjars|favicon|actuator)"
              + "([/?.#]|$)|.*\\.atom$");

  @LocalServerPort int port;
  @Autowired ImportService imports;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate sql;
  WebClient admin;
  WebClient anonymous;

  @BeforeEach
  void logIn() throws Exception {
    TestAccounts.ensure(accounts);
    admin = new WebClient(port);
    admin.login(TestAccounts.ADMIN, TestAccounts.PASSWORD);
    anonymous = new WebClient(port);
  }

  @AfterEach
  void revertFigures() {
    for (int i = 0; i < 5; i++) {
      Long batch =
          sql.queryForObject(
              "select max(batch_id) from personnel_figure where year = 2047", Long.class);
      if (batch == null) {
        return;
      }
      imports.revert(batch, "releases-test", null);
    }
  }

  private void importFigure(String count) {
    var report =
        imports.importFile(
            new ImportRequest(
                "personnel",
                "figure-2047.csv",
                FIGURE.formatted(count).getBytes(StandardCharsets.UTF_8),
                "releases-test",
                "un-contributions-by-year",
                false));
    assertThat(report.errors()).isEmpty();
  }

  private String publish(String notes) throws Exception {
    String version = "2047." + UUID.randomUUID().toString().substring(0, 6);
    var form = new LinkedHashMap<String, String>();
    form.put("version", version);
    form.put("notes", notes);
    form.put("_csrf", admin.csrf("/releases"));
    var response = admin.post("/releases", form);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .endsWith("/releases/" + version);
    return awaitPublished(version);
  }

  /** Follows the release's page, as the admin's browser does, until the job has published it. */
  private String awaitPublished(String version) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
    while (true) {
      var page = admin.get("/releases/" + version + "?lang=en");
      assertThat(page.statusCode()).isEqualTo(200);
      if (page.body().contains("release-files")) {
        return version;
      }
      assertThat(page.body()).as("the job's page").doesNotContain("Not published");
      assertThat(page.headers().firstValue("Refresh")).as("reloads itself").contains("3");
      assertThat(System.nanoTime()).as("published within 2 minutes").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private byte[] download(String path) throws Exception {
    var response = anonymous.bytes(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** File path → stated SHA-256, from the release page; checks each file against it. */
  private Map<String, String> checkFiles(String version) throws Exception {
    var page = anonymous.get("/releases/" + version + "?lang=en");
    assertThat(page.statusCode()).isEqualTo(200);
    var files = new LinkedHashMap<String, String>();
    var m = FILE_ROW.matcher(page.body());
    while (m.find()) {
      byte[] body = download(m.group(1));
      assertThat(sha256(body)).as(m.group(2)).isEqualTo(m.group(4));
      files.put(m.group(1), m.group(4));
    }
    // twenty-six datasets: one per import kind but the UN formats, and provenance (README, "Whole
    // datasets"),
    // in two dialects, and the zip
    assertThat(files).hasSize(53);
    return files;
  }

  private static long rows(String stated) {
    return Long.parseLong(stated.replace(" ", ""));
  }

  @Test
  void aPublishedReleaseStaysTheSameAfterACorrectionAndItsPinnedViewsShowItsNumbers()
      throws Exception {
    importFigure("21");
    String first = publish("before the correction");
    var page = anonymous.get("/releases/" + first + "?lang=en").body();
    assertThat(page)
        .contains("before the correction")
        .contains("(Version " + first + ") [Data set]")
        .contains("@misc{engagement_registry_")
        .contains("/releases/" + first);
    var m = FILE_ROW.matcher(page);
    long personnelRows = -1;
    while (m.find()) {
      if (m.group(2).equals("personnel.csv")) {
        personnelRows = rows(m.group(3));
      }
    }
    assertThat(personnelRows)
        .isEqualTo(
            sql.queryForObject(
                "select count(*) from personnel_figure where mission_id is not null", Long.class));
    var filesBefore = checkFiles(first);
    byte[] personnelBefore = download("/releases/" + first + "/files/personnel.csv");
    assertThat(new String(personnelBefore, StandardCharsets.UTF_8))
        .contains("NOR,UNMISS,2047,,,police,total,21,");

    importFigure("23");

    // the release: the same files, byte for byte
    assertThat(checkFiles(first)).isEqualTo(filesBefore);
    assertThat(download("/releases/" + first + "/files/personnel.csv")).isEqualTo(personnelBefore);

    // screens and CSV: pinned shows the release's number, unpinned today's
    String view = "/deployments?contributor=NOR&mission=UNMISS&from=2047&to=2047&type=police";
    String pinned = anonymous.get(view + "&release=" + first + "&lang=en").body();
    assertThat(pinned)
        .contains("You are viewing release " + first)
        .contains(">21<")
        .doesNotContain(">23<")
        .contains("release=" + first);
    assertThat(anonymous.get(view + "&lang=en").body()).contains(">23<").doesNotContain(">21<");
    String pinnedCsv =
        new String(
            download(
                "/deployments.csv?contributor=NOR&mission=UNMISS&from=2047&to=2047&type=police"
                    + "&release="
                    + first),
            StandardCharsets.UTF_8);
    assertThat(pinnedCsv).contains(",21,").doesNotContain(",23,");
    String pinnedFigures = // the figure list streams through COPY, on the pinned connection too
        new String(
            download(
                "/deployments.csv?contributor=NOR&mission=UNMISS&from=2047&to=2047&type=police"
                    + "&group=none&release="
                    + first),
            StandardCharsets.UTF_8);
    assertThat(pinnedFigures.split("\r\n")).hasSize(2);
    assertThat(pinnedFigures).contains(",police,total,21,").doesNotContain(",23,");
    assertThat(pinned)
        .as("the pinned view's citation names the pinned URL")
        .contains("release=" + first + "</span>");

    // every link of every data screen keeps the pin, CSV links included; the pinned page's own
    // "Download CSV" gives the release's numbers
    String sourceId =
        sql.queryForObject(
            "select id::text from source_document where code = 'un-contributions-by-year'",
            String.class);
    for (String screen :
        List.of(
            "/",
            view,
            "/deployments/sources?contributor=NOR&mission=UNMISS",
            "/missions",
            "/missions/UNMISS",
            "/countries",
            "/countries/NOR",
            "/peace-processes",
            "/peace-processes/colombia-farc-ep",
            "/funding",
            "/sources",
            "/sources/" + sourceId,
            "/discrepancies",
            "/search?q=Norway",
            "/downloads")) {
      String url = screen + (screen.contains("?") ? "&" : "?") + "release=" + first + "&lang=en";
      var response = anonymous.get(url);
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      var links = LINK.matcher(response.body());
      int checked = 0;
      while (links.find()) {
        String href = links.group(1).replace("&amp;", "&");
        if (!href.startsWith("/")
            || href.startsWith("//")
            || UNPINNED.matcher(href).lookingAt()
            || links.group(2).equals("Show the current data")) {
          continue;
        }
        assertThat(href).as("a link on %s", url).contains("release=" + first);
        checked++;
      }
      assertThat(checked).as("links checked on %s", url).isGreaterThan(3);
    }
    var csvLink =
        java.util.regex.Pattern.compile("<a href=\"([^\"]+)\">Download CSV</a>").matcher(pinned);
    assertThat(csvLink.find()).isTrue();
    assertThat(new String(download(csvLink.group(1).replace("&amp;", "&")), StandardCharsets.UTF_8))
        .as("the pinned page's CSV link")
        .contains(",21,")
        .doesNotContain(",23,");

    // a whole dataset or the data package as of the release: its stored file
    var pinnedDownload =
        anonymous.get("/downloads/personnel.csv?dialect=excel-nb&release=" + first);
    assertThat(pinnedDownload.statusCode()).isEqualTo(302);
    assertThat(pinnedDownload.headers().firstValue("Location").orElseThrow())
        .endsWith("/releases/" + first + "/files/personnel.excel-nb.csv");
    assertThat(
            anonymous
                .get("/downloads/engagement-registry.zip?release=" + first)
                .headers()
                .firstValue("Location")
                .orElseThrow())
        .endsWith("/releases/" + first + "/files/engagement-registry-" + first + ".zip");

    // the diff names the correction
    String second = publish("");
    var diff = anonymous.get("/releases/" + second + "/diff?from=" + first + "&lang=en");
    assertThat(diff.statusCode()).isEqualTo(200);
    assertThat(diff.body())
        .contains("Changes from release " + first + " to " + second)
        .containsPattern("<code>personnel</code></th>\\s*<td[^>]*>0</td>\\s*<td[^>]*>1</td>")
        .contains("2047");
  }

  @Test
  void onlyAnAdminPublishesAndABadVersionIsRefusedWithTheFormKept() throws Exception {
    var editor = new WebClient(port);
    editor.login(TestAccounts.EDITOR, TestAccounts.PASSWORD);
    var form = new LinkedHashMap<String, String>();
    form.put("version", "2047.editor");
    form.put("_csrf", editor.csrf("/releases"));
    assertThat(editor.post("/releases", form).statusCode()).isEqualTo(403);
    assertThat(anonymous.get("/releases").body()).doesNotContain("name=\"version\"");

    form = new LinkedHashMap<>();
    form.put("version", "2047 bad");
    form.put("notes", "my careful notes");
    form.put("_csrf", admin.csrf("/releases"));
    var refused =
        admin.send(
            admin
                .request("/releases?lang=en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(WebClient.encode(form)))
                .build());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("«2047 bad» is not a valid version")
        .contains("my careful notes")
        .contains("value=\"2047 bad\"");
  }

  @Test
  void anUnknownReleaseIsNotFoundAndABadDiffParameterIsNamed() throws Exception {
    assertThat(anonymous.get("/releases/no-such").statusCode()).isEqualTo(404);
    assertThat(anonymous.get("/deployments?release=no-such").statusCode()).isEqualTo(404);
    assertThat(anonymous.get("/missions.csv?release=no-such").statusCode()).isEqualTo(404);
    String version = publish("");
    var bad = anonymous.get("/releases/" + version + "/diff?from=no-such&lang=en");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("from").contains("names no published release");
    assertThat(anonymous.get("/releases/" + version + "/files/nothing.csv").statusCode())
        .isEqualTo(404);
  }
}
