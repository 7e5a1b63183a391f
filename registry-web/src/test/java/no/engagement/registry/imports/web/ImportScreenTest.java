package no.engagement.registry.imports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.TestAccounts;
import no.engagement.registry.WebClient;
import no.engagement.registry.account.AccountService;
import no.engagement.registry.imports.ImportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An editor's import, as a user does it over HTTP: the template, an upload in Norwegian Excel
 * style, the preview, commit, the figures on /deployments, revert; a broken file changes nothing;
 * scripts/import prints the same report with the documented exit codes.
 */
@RegistryWebTest
class ImportScreenTest {

  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");
  private static final Pattern BATCH = Pattern.compile("/imports/(\\d+)$");

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate sql;

  private WebClient editor;

  @Autowired ImportService imports;

  /**
   * Reverts the imports of these tests (their figures are in 2031 and 2032 only), so other tests
   * and later runs see the seed data as it was.
   */
  @AfterEach
  void revertOurs() {
    for (Long batch :
        sql.queryForList(
            "select distinct batch_id from personnel_figure where year in (2031, 2032)"
                + " and batch_id is not null",
            Long.class)) {
      imports.revert(batch, "test", null);
    }
  }

  /**
   * This run's mark: the test database outlives a run, and the same file twice needs a
   * confirmation.
   */
  private static final String RUN = UUID.randomUUID().toString();

  /** The source the rows of these tests cite. */
  private static final String SOURCE = "mfa-peace-security-2018-en";

  @BeforeEach
  void login() throws Exception {
    revertOurs();
    TestAccounts.ensure(accounts);
    editor = new WebClient(port);
    editor.login(TestAccounts.EDITOR, TestAccounts.PASSWORD);
    editor.get("/?lang=nb");
  }

  /** A personnel file as Norwegian Excel saves it: BOM, semicolons, decimal comma, CRLF. */
  private static byte[] excelFile(String contributor, int year, String count) {
    String text =
        "\uFEFFcontributor;mission;year;period_start;period_end;personnel_type;gender;count;basis;approximate;stated_text;source\r\n"
            + contributor
            + ";UNMISS;"
            + year
            + ";;;individual_police;female;"
            + count
            + ";annual_average;;;\r\n"
            + contributor
            + ";UNTSO;"
            + year
            + ";;;experts_on_mission;total;3;annual_average;;"
            + RUN
            + ";\r\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** An upload whose rows cite the 2018 policy page (personnel figures need a source). */
  private HttpResponse<String> upload(String kind, String fileName, byte[] content)
      throws Exception {
    return upload(kind, fileName, content, "mfa-peace-security-2018-en");
  }

  private HttpResponse<String> upload(String kind, String fileName, byte[] content, String source)
      throws Exception {
    return upload(kind, fileName, content, source, false);
  }

  private HttpResponse<String> upload(
      String kind, String fileName, byte[] content, String source, boolean complete)
      throws Exception {
    String boundary = "----registry" + UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    String token = editor.csrf("/imports");
    var fields = new java.util.LinkedHashMap<String, String>();
    fields.put("kind", kind);
    fields.put("_csrf", token);
    fields.put("source", source);
    if (complete) {
      fields.put("complete", "true");
    }
    for (var f : fields.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return editor.send(
        editor
            .request("/imports/preview")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private static String token(HttpResponse<String> preview) {
    var m = TOKEN.matcher(preview.body());
    assertThat(m.find()).as("the preview holds the upload").isTrue();
    return m.group(1);
  }

  private String state() {
    return sql.queryForObject(
        "select count(*) || ':' || coalesce(md5(string_agg(f::text, ',' order by id)), '') from personnel_figure f",
        String.class);
  }

  @Test
  void templateUploadPreviewCommitShowRevert() throws Exception {
    var template = editor.get("/imports/templates/personnel.csv?dialect=excel-nb");
    assertThat(template.statusCode()).isEqualTo(200);
    assertThat(template.body()).startsWith("\uFEFFcontributor;mission;year;");
    // the example rows staff copy, written here by hand: two annual averages by gender, and a
    // month's snapshot with its period
    assertThat(template.body().lines().skip(1).toList())
        .containsExactly(
            "NOR;UNMISS;2024;;;individual_police;female;4;annual_average;;;",
            "NOR;UNMISS;2024;;;individual_police;male;12;annual_average;;;",
            "NOR;UNTSO;2024;2024-06-01;2024-06-30;experts_on_mission;total;12;snapshot;;;");

    int year = 2031;
    String before = state();
    var preview = upload("personnel", "norge-" + year + ".csv", excelFile("NOR", year, "12,5"));
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains(
            "UTF-8 (BOM)",
            "<code>;</code>",
            "<code>,</code>",
            "Filen er gyldig: lagring skriver 2 rader");
    assertThat(state()).as("a preview writes nothing").isEqualTo(before);

    var commit =
        editor.post(
            "/imports/commit", Map.of("token", token(preview), "_csrf", editor.csrf("/imports")));
    assertThat(commit.statusCode())
        .as(commit.body().replaceAll("(?s).*<main", "<main"))
        .isEqualTo(302);
    var m = BATCH.matcher(commit.headers().firstValue("Location").orElseThrow());
    assertThat(m.find()).isTrue();
    long batch = Long.parseLong(m.group(1));
    var csv =
        editor.get(
            "/deployments.csv?contributor=NOR&from="
                + year
                + "&to="
                + year
                + "&group=none&gender=all");
    assertThat(csv.body())
        .contains("UNMISS," + year + ",,,individual_police,female,12.5", "norge-" + year + ".csv");
    assertThat(
            editor
                .get(
                    "/deployments?contributor=NOR&from="
                        + year
                        + "&to="
                        + year
                        + "&group=mission&basis=annual_average&gender=female")
                .body())
        .contains("UNMISS");
    assertThat(
            sql.queryForObject(
                "select count(*) from audit_event where action = 'import' and subject = ?",
                Integer.class,
                "personnel #" + batch))
        .isEqualTo(1);

    // the same file again: recognised, needs a confirmation, and would change nothing
    var again = upload("personnel", "norge-" + year + ".csv", excelFile("NOR", year, "12,5"));
    assertThat(again.body())
        .contains("Nøyaktig denne filen (samme SHA-256) er importert før, som bunke nr. " + batch)
        .contains("<dt>Nye rader</dt><dd>0</dd>", "<dt>Uendrede rader</dt><dd>2</dd>")
        .contains("id=\"confirm\"");
    editor.post("/imports/cancel", Map.of("token", token(again), "_csrf", editor.csrf("/imports")));

    // a correction: the year again with another count; the preview lists the change old → new
    var correction =
        upload("personnel", "norge-" + year + "-rettet.csv", excelFile("NOR", year, "14"));
    assertThat(correction.body())
        .contains("<dt>Endrede rader</dt><dd>1</dd>", "<dt>Uendrede rader</dt><dd>1</dd>")
        .contains("<del>12.50</del>", "<ins>14.00</ins>");
    assertThat(femaleCount(year)).as("a preview writes nothing").isEqualByComparingTo("12.5");
    var corrected =
        editor.post(
            "/imports/commit",
            Map.of("token", token(correction), "_csrf", editor.csrf("/imports")));
    var c = BATCH.matcher(corrected.headers().firstValue("Location").orElseThrow());
    assertThat(c.find()).isTrue();
    long correctionBatch = Long.parseLong(c.group(1));
    assertThat(femaleCount(year)).isEqualByComparingTo("14");
    assertThat(editor.get("/imports/" + correctionBatch).body())
        .contains("<del>12.50</del>", "<ins>14.00</ins>");
    // the first import cannot be reverted while the correction stands
    editor.post("/imports/" + batch + "/revert", Map.of("_csrf", editor.csrf("/imports/" + batch)));
    assertThat(editor.get("/imports/" + batch).body())
        .contains("bunke nr. " + correctionBatch + ", importert senere, endret eller fjernet 1");
    assertThat(femaleCount(year)).isEqualByComparingTo("14");
    editor.post(
        "/imports/" + correctionBatch + "/revert",
        Map.of("_csrf", editor.csrf("/imports/" + correctionBatch)));
    assertThat(femaleCount(year)).as("the correction reverted").isEqualByComparingTo("12.5");

    var revert =
        editor.post(
            "/imports/" + batch + "/revert", Map.of("_csrf", editor.csrf("/imports/" + batch)));
    assertThat(revert.statusCode()).isEqualTo(302);
    assertThat(state()).as("reverted: the figures are as before the import").isEqualTo(before);
    assertThat(
            editor
                .get(
                    "/deployments.csv?contributor=NOR&from="
                        + year
                        + "&to="
                        + year
                        + "&group=none&gender=all")
                .body()
                .lines()
                .count())
        .isEqualTo(1);
    var twice =
        editor.post(
            "/imports/" + batch + "/revert", Map.of("_csrf", editor.csrf("/imports/" + batch)));
    assertThat(
            editor
                .get(
                    twice
                        .headers()
                        .firstValue("Location")
                        .orElseThrow()
                        .replaceFirst("^http://[^/]+", ""))
                .body())
        .contains("er allerede tilbakeført");
    assertThat(
            sql.queryForObject(
                "select count(*) from audit_event where action = 'import.revert' and subject = ?",
                Integer.class,
                "personnel #" + batch))
        .isEqualTo(1);
  }

  @Test
  void aBrokenFileShowsEveryProblemAndChangesNothing() throws Exception {
    String before = state();
    int batches = sql.queryForObject("select count(*) from import_batch", Integer.class);
    String broken =
        "contributor;mission;year;personnel_type;gender;count;basis\r\n"
            + "NOR;UNMISS;2030;individual_police;female;12,5x;annual_average\r\n"
            + "XXX;NOPE;2030;individual_police;male;1;annual_average\r\n"
            + "NOR;UNTSO;1800;troops;male;-3;annual_average\r\n";
    var preview = upload("personnel", "broken.csv", broken.getBytes(StandardCharsets.UTF_8));
    assertThat(preview.body())
        .contains(
            "<code>12,5x</code>",
            "<code>XXX</code>",
            "<code>NOPE</code>",
            ">count<",
            ">contributor<",
            ">mission<",
            ">year<",
            "Filen har")
        .doesNotContain("name=\"confirm\"", ">Lagre<");
    var problems = editor.get("/imports/preview/" + token(preview) + "/problems.csv");
    assertThat(problems.body().lines().skip(1).filter(l -> l.startsWith("error")).count())
        .isGreaterThanOrEqualTo(5);
    var commit =
        editor.post(
            "/imports/commit", Map.of("token", token(preview), "_csrf", editor.csrf("/imports")));
    assertThat(commit.statusCode()).isEqualTo(200);
    assertThat(state()).isEqualTo(before);
    assertThat(sql.queryForObject("select count(*) from import_batch", Integer.class))
        .isEqualTo(batches);
  }

  private java.math.BigDecimal femaleCount(int year) {
    return sql.queryForObject(
        "select count from personnel_figure where year = ? and gender = 'female'"
            + " and contributor_iso3 = 'NOR'",
        java.math.BigDecimal.class,
        year);
  }

  /**
   * Both real UN files of seed-data (as published) go through the screen as they are: with their
   * source, everything is already in the registry, unchanged; the quirks are handled, the averaged
   * totals are warnings.
   */
  @Test
  void theRealUnFilesImportThroughTheScreenAsTheyAre() throws Exception {
    String before = state();
    var missions =
        upload(
            "missions-un",
            "un-peacekeeping-missions.csv",
            seed("un-peacekeeping-missions.csv"),
            "un-peacekeeping-missions");
    assertThat(missions.body())
        .contains(
            "Filen er gyldig", "<dt>Nye rader</dt><dd>0</dd>", "<dt>Uendrede rader</dt><dd>81</dd>")
        .contains("<code>,</code>"); // the decimal comma of its coordinates
    editor.post(
        "/imports/cancel", Map.of("token", token(missions), "_csrf", editor.csrf("/imports")));
    var figures =
        upload(
            "personnel-un",
            "un-contributions-by-year.csv",
            seed("un-contributions-by-year.csv"),
            "un-contributions-by-year");
    long stored =
        sql.queryForObject(
            "select count(*) from personnel_figure f join source_document s on s.id = f.source_id"
                + " where s.code = 'un-contributions-by-year'",
            Long.class);
    assertThat(figures.body())
        .contains(
            "Filen er gyldig", "<dt>Nye rader</dt><dd>0</dd>", "<dt>Endrede rader</dt><dd>0</dd>")
        .contains("<dt>Uendrede rader</dt><dd>" + stored + "</dd>", "<dt>Fjernede rader")
        .contains("Kvinner (1) + menn (16) er ikke totalen");
    editor.post(
        "/imports/cancel", Map.of("token", token(figures), "_csrf", editor.csrf("/imports")));
    assertThat(state()).isEqualTo(before);
  }

  /**
   * A correction changes only what it names; removing what a file leaves out is a choice the
   * preview spells out; a personnel file without a source is refused.
   */
  @Test
  void aFileRemovesWhatItLeavesOutOnlyWhenDeclaredCompleteAndFiguresNeedASource() throws Exception {
    int year = 2032;
    String two =
        "contributor,mission,year,personnel_type,gender,count,basis,stated_text\n"
            + "NOR,UNMISS,"
            + year
            + ",troops,total,5,annual_average,"
            + RUN
            + "\nNOR,UNTSO,"
            + year
            + ",troops,total,2,annual_average,\n";
    var refused = upload("personnel", "no-source.csv", two.getBytes(StandardCharsets.UTF_8), "");
    assertThat(refused.body())
        .contains("Personelltall må vise til en kilde")
        .doesNotContain("name=\"confirm\"")
        .doesNotContain("action=\"/imports/commit\"");

    var first =
        upload(
            "personnel",
            "two.csv",
            two.getBytes(StandardCharsets.UTF_8),
            "mfa-peace-security-2018-en");
    editor.post("/imports/commit", Map.of("token", token(first), "_csrf", editor.csrf("/imports")));
    String one =
        "contributor,mission,year,personnel_type,gender,count,basis\n"
            + "NOR,UNMISS,"
            + year
            + ",troops,total,6,annual_average\n";
    var correction =
        upload(
            "personnel",
            "one.csv",
            one.getBytes(StandardCharsets.UTF_8),
            "mfa-peace-security-2018-en");
    assertThat(correction.body())
        .contains("<dt>Endrede rader</dt><dd>1</dd>", "<dt>Fjernede rader")
        .doesNotContain("id=\"complete-scope\"");
    assertThat(correction.body().replaceAll("(?s).*<dt>Fjernede rader[^<]*</dt><dd>", ""))
        .startsWith("0<");
    editor.post(
        "/imports/cancel", Map.of("token", token(correction), "_csrf", editor.csrf("/imports")));

    var complete =
        upload(
            "personnel",
            "one.csv",
            one.getBytes(StandardCharsets.UTF_8),
            "mfa-peace-security-2018-en",
            true);
    assertThat(complete.body())
        .contains(
            "Filen behandles som hele mfa-peace-security-2018-en \u00b7 "
                + year
                + ": de 1 tallene fra den kilden og det året som filen ikke har, blir fjernet.");
    var committed =
        editor.post(
            "/imports/commit", Map.of("token", token(complete), "_csrf", editor.csrf("/imports")));
    assertThat(committed.statusCode()).isEqualTo(302);
    assertThat(
            sql.queryForList(
                "select m.acronym || ' ' || trim_scale(f.count) from personnel_figure f join"
                    + " mission m on m.id = f.mission_id where f.year = ? order by 1",
                String.class,
                year))
        .containsExactly("UNMISS 6");
    assertThat(
            sql.queryForObject(
                "select detail from audit_event where action = 'import' order by id desc limit 1",
                String.class))
        .contains("1 removed as the complete mfa-peace-security-2018-en \u00b7 " + year);
  }

  private static byte[] seed(String file) throws Exception {
    try (var in =
        ImportScreenTest.class.getClassLoader().getResourceAsStream("seed-data/" + file)) {
      return in.readAllBytes();
    }
  }

  @Test
  void revertingABatchThatLaterRowsDependOnIsRefusedWithTheReason() throws Exception {
    long missions =
        sql.queryForObject(
            "select id from import_batch where kind = 'missions-un' and reverts_batch_id is null order by id limit 1",
            Long.class);
    String before = state();
    var revert =
        editor.post(
            "/imports/" + missions + "/revert",
            Map.of("_csrf", editor.csrf("/imports/" + missions)));
    var page = editor.get("/imports/" + missions);
    assertThat(revert.statusCode()).isEqualTo(302);
    assertThat(page.body()).contains("kan ikke tilbakeføres", "personnel_figure");
    assertThat(state()).isEqualTo(before);
    assertThat(sql.queryForObject("select count(*) from mission", Integer.class)).isEqualTo(95);
  }

  @Test
  void theCommandLinePrintsTheReportWithTheDocumentedExitCodes() throws Exception {
    Path dir = Files.createTempDirectory("import-cli");
    Path good = dir.resolve("cli-good.csv");
    Files.write(good, excelFile("SWE", 2032, "7"));
    Path bad = dir.resolve("cli-bad.csv");
    Files.writeString(
        bad,
        "contributor;mission;year;personnel_type;gender;count;basis\nNOR;UNMISS;2030;police;female;x;annual_average\n");
    String before = state();

    var dry =
        run(TestAccounts.PASSWORD, "personnel", good.toString(), "--dry-run", "--source", SOURCE);
    assertThat(dry.exit).isZero();
    assertThat(dry.out)
        .contains(
            "encoding: UTF-8 (BOM)",
            "delimiter: ;",
            "rows to write: 2",
            "dry run: valid, nothing written");
    assertThat(state()).isEqualTo(before);

    var rejected = run(TestAccounts.PASSWORD, "personnel", bad.toString(), "--source", SOURCE);
    assertThat(rejected.exit).isEqualTo(1);
    assertThat(rejected.out)
        .contains("error: Row 1 (line 2), column «count»: «x»", "rejected: nothing written");

    assertThat(run("wrong-password", "personnel", good.toString(), "--source", SOURCE).exit)
        .isEqualTo(2);
    assertThat(run(TestAccounts.PASSWORD, "no-such-kind", good.toString()).exit).isEqualTo(2);
    assertThat(state()).isEqualTo(before);

    var committed = run(TestAccounts.PASSWORD, "personnel", good.toString(), "--source", SOURCE);
    assertThat(committed.exit).as(committed.out + committed.err).isZero();
    assertThat(committed.out).contains("committed as batch #");
    assertThat(state()).isNotEqualTo(before);
    var twice = run(TestAccounts.PASSWORD, "personnel", good.toString(), "--source", SOURCE);
    assertThat(twice.exit).isEqualTo(2);
    assertThat(twice.err).contains("--confirm");
    var withoutSource = run(TestAccounts.PASSWORD, "personnel", good.toString(), "--dry-run");
    assertThat(withoutSource.exit).isEqualTo(1);
    assertThat(withoutSource.out)
        .contains("column «source»: names no source document", "must cite its source");
  }

  record Run(int exit, String out, String err) {}

  private Run run(String password, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of("..", "scripts", "import").toAbsolutePath().normalize().toString());
    cmd.addAll(List.of(args));
    cmd.add("--url");
    cmd.add("http://localhost:" + port);
    var pb = new ProcessBuilder(cmd);
    pb.environment().put("REGISTRY_USER", TestAccounts.EDITOR);
    pb.environment().put("REGISTRY_PASSWORD", password);
    var p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err);
  }
}
