package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.TestAccounts;
import no.engagement.registry.WebClient;
import no.engagement.registry.account.AccountService;
import no.engagement.registry.db.TemporaryFiles;
import no.engagement.registry.release.ReleaseService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one client does cannot hurt the others: downloads it aborts, downloads it never reads, more
 * than its share of comparisons, bytes no request may carry, requests Tomcat itself refuses. The
 * clients stand at other addresses by sending X-Forwarded-For from the test's trusted loopback
 * (application-test.properties).
 */
@RegistryWebTest
class HardeningTest {

  @LocalServerPort int port;
  @Autowired HikariDataSource pool;
  @Autowired ReleaseService releases;
  @Autowired AccountService accounts;
  @Autowired TemporaryFiles temporaryFiles;
  @Autowired JdbcTemplate sql;
  @Autowired org.springframework.session.jdbc.JdbcIndexedSessionRepository sessions;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts);
  }

  private List<java.nio.file.Path> files() throws IOException {
    try (var files = Files.list(temporaryFiles.folder())) {
      return files.toList();
    }
  }

  /** A published release to pin pages to (one of another test's, or a new one). */
  private String release() {
    var versions =
        sql.queryForList("select version from release order by id limit 1", String.class);
    if (!versions.isEmpty()) {
      return versions.getFirst();
    }
    return releases.publish("2099.1", "hardening", "hardening-test", null, null).version();
  }

  /** A GET on a socket of its own, from {@code address}; the response is left unread. */
  private Socket get(String path, String address) throws IOException {
    var socket = new Socket();
    socket.setReceiveBufferSize(4096); // before connecting, so the window stays small
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
    socket
        .getOutputStream()
        .write(
            ("GET "
                    + path
                    + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: "
                    + address
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  private static String statusLine(InputStream in) throws IOException {
    var line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII).strip();
  }

  private String head(Socket socket) throws IOException {
    socket.setSoTimeout(10_000);
    var in = socket.getInputStream();
    var all = new ByteArrayOutputStream();
    byte[] buffer = new byte[1];
    while (!all.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n") && in.read(buffer) > 0) {
      all.write(buffer[0]);
    }
    return all.toString(StandardCharsets.ISO_8859_1);
  }

  /** Waits until no connection of the pool is in use; the pool's state then. */
  private String poolAtRest() throws InterruptedException {
    var mx = pool.getHikariPoolMXBean();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (mx.getActiveConnections() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return "active "
        + mx.getActiveConnections()
        + ", total ≤ max "
        + (mx.getTotalConnections() <= pool.getMaximumPoolSize());
  }

  @Test
  void clientsThatAbortDownloadsBreakNoOtherRequest() throws Exception {
    String version = release();
    var stop = new AtomicBoolean();
    var failures = new ConcurrentLinkedQueue<String>();
    List<String> pages =
        List.of(
            "/missions?lang=en",
            "/missions?lang=en&release=" + version,
            "/deployments?contributor=NOR&release=" + version,
            "/deployments?contributor=SWE",
            "/countries/NOR?release=" + version,
            "/sources?release=" + version);
    ExecutorService threads = Executors.newFixedThreadPool(5);
    List<Future<Integer>> aborted = new ArrayList<>();
    for (int a = 0; a < 2; a++) {
      int abuser = a;
      aborted.add(
          threads.submit(
              () -> {
                int n = 0;
                for (int i = 0; i < 15; i++) {
                  String path =
                      i % 3 == 0
                          ? "/downloads/personnel.csv"
                          : i % 3 == 1
                              ? "/deployments.csv?group=none&gender=all&release=" + version
                              : "/deployments.csv?group=none&gender=all";
                  try (var s = get(path, "198.51.100." + abuser)) {
                    s.getInputStream().readNBytes(8192); // the first bytes, then a reset
                    s.setSoLinger(true, 0);
                  }
                  n++;
                }
                return n;
              }));
    }
    List<Future<?>> readers = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      int reader = r;
      readers.add(
          threads.submit(
              () -> {
                var client = new WebClient(port);
                int i = reader;
                while (!stop.get()) {
                  String path = pages.get(i++ % pages.size());
                  try {
                    var page = client.get(path);
                    if (page.statusCode() != 200) {
                      failures.add(path + " → " + page.statusCode());
                    }
                  } catch (Exception e) {
                    failures.add(path + " → " + e);
                  }
                }
                return null;
              }));
    }
    int abortedDownloads = 0;
    for (var f : aborted) {
      abortedDownloads += f.get(120, TimeUnit.SECONDS);
    }
    stop.set(true);
    for (var f : readers) {
      f.get(60, TimeUnit.SECONDS);
    }
    threads.shutdown();
    assertThat(abortedDownloads).isEqualTo(30);
    assertThat(failures).as("requests of other clients that failed").isEmpty();
    assertThat(poolAtRest()).isEqualTo("active 0, total ≤ max true");
    var client = new WebClient(port);
    assertThat(
            client
                .send(
                    client
                        .request("/actuator/health")
                        .setHeader("Accept", "application/json")
                        .GET()
                        .build())
                .body())
        .contains("\"UP\"");
    // the data a download brings is whole after all that
    var csv = client.bytes("/downloads/personnel.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    long expected =
        sql.queryForObject(
            "select count(*) from personnel_figure f where f.mission_id is not null or not exists"
                + " (select from personnel_figure_mission pm where pm.figure_id = f.id)",
            Long.class);
    assertThat(csv.headers().firstValue("X-Row-Count")).contains(Long.toString(expected));
    try (var reader =
        new com.opencsv.CSVReader(
            new java.io.StringReader(new String(csv.body(), StandardCharsets.UTF_8)))) {
      assertThat(reader.readAll()).hasSize((int) expected + 1);
    }
  }

  @Test
  void slowReadersGetTheirShareAndTheScreensKeepTheirs() throws Exception {
    String version = release();
    assertThat(poolAtRest()).as("no stream of another test still running").startsWith("active 0");
    Thread.sleep(200);
    List<Socket> slow = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    try {
      // ten clients at ten addresses open the largest download and read nothing
      for (int i = 0; i < 10; i++) {
        slow.add(get("/downloads/personnel.csv", "192.0.2." + i));
      }
      Thread.sleep(1000);
      assertThat(refusedAtOnce(slow)).as("downloads refused at once").isEqualTo(6);
      // with every stream taken, twelve release diffs are refused too
      List<Socket> diffs = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        diffs.add(get("/releases/" + version + "/diff?from=" + version, "203.0.113." + i));
      }
      slow.addAll(diffs);
      Thread.sleep(500);
      assertThat(refusedAtOnce(diffs)).as("diffs refused at once").isEqualTo(12);
      var client = new WebClient(port);
      for (String path :
          List.of("/missions?lang=en", "/deployments?contributor=NOR", "/countries/NOR", "/")) {
        long t0 = System.nanoTime();
        var page = client.get(path);
        answers.add(path + " " + page.statusCode());
        assertThat((System.nanoTime() - t0) / 1e9).as(path).isLessThan(5);
      }
    } finally {
      for (var s : slow) {
        s.close();
      }
    }
    assertThat(answers)
        .containsExactly(
            "/missions?lang=en 200",
            "/deployments?contributor=NOR 200",
            "/countries/NOR 200",
            "/ 200");
    assertThat(poolAtRest()).isEqualTo("active 0, total ≤ max true");
    // once the readers are gone, a diff is answered
    assertThat(
            new WebClient(port).get("/releases/" + version + "/diff?from=" + version).statusCode())
        .isEqualTo(200);
  }

  /** How many of {@code sockets} were answered 503 (the others are streaming, or waiting). */
  private static int refusedAtOnce(List<Socket> sockets) throws IOException {
    int refused = 0;
    for (var s : sockets) {
      s.setSoTimeout(100);
      try {
        String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        if (head.endsWith("503")) {
          refused++;
        }
      } catch (java.net.SocketTimeoutException e) {
        // admitted, and streaming into a full socket
      }
    }
    return refused;
  }

  @Test
  void aStalledDownloadIsCutOffAndItsConnectionFreed() throws Exception {
    try (var stalled = get("/downloads/personnel.csv", "192.0.2.200")) {
      Thread.sleep(500);
      assertThat(pool.getHikariPoolMXBean().getActiveConnections())
          .as("the stalled download holds a connection")
          .isPositive();
      // server.tomcat.connection-timeout is 3 s in the tests
      assertThat(poolAtRest()).isEqualTo("active 0, total ≤ max true");
    }
  }

  @Test
  void oneClientGetsTwoDownloadsAtOnceTheThirdWaitsItsTurn() throws Exception {
    try (var first = get("/downloads/personnel.csv", "192.0.2.77");
        var second = get("/downloads/personnel.csv?dialect=excel-nb", "192.0.2.77")) {
      Thread.sleep(500);
      try (var third = get("/downloads/countries.csv", "192.0.2.77")) {
        String head = head(third);
        assertThat(head).startsWith("HTTP/1.1 503").contains("Retry-After: 30");
      }
      try (var elsewhere = get("/downloads/countries.csv", "192.0.2.78")) {
        assertThat(statusLine(elsewhere.getInputStream())).isEqualTo("HTTP/1.1 200");
      }
    }
  }

  @Test
  void aNulInAQueryParameterIsA400ThatNamesIt() throws Exception {
    var page = new WebClient(port).get("/deployments?lang=en&contributor=NO%00R");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("«contributor»", "NUL").doesNotContain("Exception");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    var nb = new WebClient(port).get("/deployments?lang=nb&contributor=NO%00R");
    assertThat(nb.body()).contains("«contributor»", "NUL-tegn");
  }

  @Test
  void whatTomcatRefusesItselfGetsTheRegistrysPageWithItsHeaders() throws Exception {
    String hugeHeader = "X-Big: " + "a".repeat(20_000) + "\r\n";
    for (String request :
        List.of(
            "GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "GET /missions HTTP/1.1\r\nHost: localhost\r\n"
                + hugeHeader
                + "Connection: close\r\n\r\n",
            "GET /a b c HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")) {
      try (var s = new Socket("127.0.0.1", port)) {
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        s.setSoTimeout(10_000);
        String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(response)
            .as(request.substring(0, 20))
            .startsWith("HTTP/1.1 400")
            .contains("Content-Security-Policy: ", "X-Content-Type-Options: nosniff")
            .contains("Something went wrong (400)", "Noe gikk galt (400)")
            .doesNotContain("Apache Tomcat", "HTTP Status 400");
      }
    }
  }

  @Test
  void theApiRefusesBodiesOverTheLimitAlsoWhenTheyComeInChunks() throws Exception {
    var before = files();
    byte[] big = new byte[6 * 1024 * 1024]; // the tests' limit is 5 MB
    java.util.Arrays.fill(big, (byte) 'a');
    var client = new WebClient(port);
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    (TestAccounts.EDITOR + ":" + TestAccounts.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8));
    var sized =
        client.send(
            client
                .request("/api/imports/personnel?dry-run=true")
                .setHeader("Accept", "*/*")
                .header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build());
    assertThat(sized.statusCode()).isEqualTo(413);
    var chunked =
        client.send(
            client
                .request("/api/imports/personnel?dry-run=true")
                .setHeader("Accept", "*/*")
                .header("Authorization", basic)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big)))
                .build());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(files()).as("nothing kept").isSubsetOf(before);
  }

  @Test
  void theCsrfTokenCountsOnlyInTheBodyOrAHeader() throws Exception {
    var client = new WebClient(port);
    String token = client.csrf("/login");
    var inQuery =
        client.send(
            client
                .request("/login?_csrf=" + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        WebClient.encode(
                            Map.of(
                                "username", TestAccounts.EDITOR,
                                "password", TestAccounts.PASSWORD))))
                .build());
    assertThat(inQuery.statusCode()).isEqualTo(403);
    assertThat(client.login(TestAccounts.EDITOR, TestAccounts.PASSWORD).statusCode())
        .as("the same login with the token in the body")
        .isEqualTo(302);
  }

  private int pendingUploads(String table) {
    return sql.queryForObject("select count(*) from " + table, Integer.class);
  }

  /** Previews a small file of figures as {@code editor}; returns the preview's status. */
  private int preview(WebClient editor) throws Exception {
    return editor
        .upload(
            "/imports/preview",
            Map.of("_csrf", editor.csrf("/imports"), "kind", "personnel"),
            "f.csv",
            "contributor,mission,year,personnel_type,gender,count,basis\r\n"
                + "NOR,UNMISS,2063,troops,total,1,annual_average\r\n")
        .statusCode();
  }

  @Test
  void anUploadWaitingForItsCommitGoesWithItsSession() throws Exception {
    var editor = new WebClient(port);
    editor.login(TestAccounts.EDITOR, TestAccounts.PASSWORD);
    var files = files();
    int uploads = pendingUploads("pending_upload");
    int chunks = pendingUploads("pending_upload_chunk");
    assertThat(preview(editor)).isEqualTo(200);
    assertThat(pendingUploads("pending_upload")).as("kept for its commit").isEqualTo(uploads + 1);
    assertThat(pendingUploads("pending_upload_chunk")).isEqualTo(chunks + 1);
    assertThat(files()).as("no local copy left").isSubsetOf(files);
    var logout = editor.post("/logout", Map.of("_csrf", editor.csrf("/imports")));
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(pendingUploads("pending_upload")).as("gone with the session").isEqualTo(uploads);
    assertThat(pendingUploads("pending_upload_chunk")).isEqualTo(chunks);
  }

  @Test
  void anUploadGoesWhenItsSessionExpires() throws Exception {
    var editor = new WebClient(port);
    editor.login(TestAccounts.EDITOR, TestAccounts.PASSWORD);
    int uploads = pendingUploads("pending_upload");
    assertThat(preview(editor)).isEqualTo(200);
    assertThat(pendingUploads("pending_upload")).isEqualTo(uploads + 1);
    // the session's time runs out (as if an hour had passed), and the minutely clean-up runs
    sql.update(
        "update spring_session set expiry_time = 0 where primary_id in"
            + " (select session_primary_id from pending_upload)");
    sessions.cleanUpExpiredSessions();
    assertThat(pendingUploads("pending_upload")).isZero();
    assertThat(pendingUploads("pending_upload_chunk")).isZero();
    assertThat(editor.get("/imports").statusCode()).as("logged out").isEqualTo(302);
  }
}
