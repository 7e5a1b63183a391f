package no.engagement.registry.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import no.engagement.registry.db.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The registry as a user runs it: first start, restart, a start after {@code kill -9}, and a start
 * against an external PostgreSQL. Each start is a separate JVM configured by environment variables.
 */
class RegistryLifecycleTest {

  private static final Path WORK = Path.of("target/lifecycle");

  /** The password of the PostgreSQL servers these tests start (given on their first start). */
  private static final String DB_PASSWORD = "lifecycle-test-db-password";

  private static final String ADMIN_PASSWORD = "lifecycle-admin-password";

  @BeforeAll
  static void clean() throws Exception {
    FileSystemUtils.deleteRecursively(WORK);
    Files.createDirectories(WORK);
  }

  @Test
  void restartKeepsTheDataLoadsNothingTwiceAndRecoversAfterKillMinus9() throws Exception {
    Path data = WORK.resolve("data");
    int dbPort = RegistryProcess.freePort();
    var env =
        Map.of(
            "REGISTRY_DATA_DIR",
            data.toString(),
            "REGISTRY_DB_PORT",
            Integer.toString(dbPort),
            "REGISTRY_DB_PASSWORD",
            DB_PASSWORD,
            "REGISTRY_ADMIN_PASSWORD",
            ADMIN_PASSWORD);
    String url = "jdbc:postgresql://127.0.0.1:" + dbPort + "/registry";

    List<Integer> firstCounts;
    try (var first = RegistryProcess.start(env, WORK.resolve("first.log"))) {
      firstCounts = counts(url);
      assertThat(firstCounts.getFirst()).as("countries").isEqualTo(249);
      assertThat(first.get("/").body()).contains("data-count=\"countries\">249<");

      // a second start on the same folder refuses and touches nothing
      var second =
          org.assertj.core.api.Assertions.catchThrowable(
              () -> RegistryProcess.start(env, WORK.resolve("second-start.log")));
      assertThat(second)
          .hasMessageContaining("exited on start (exit 1)")
          .hasMessageContaining("A registry is already running on this data folder (pid");
      assertThat(first.status("/")).as("the first keeps working").isEqualTo(200);
      assertThat(counts(url)).isEqualTo(firstCounts);

      forwardedHeadersCountForNothingFromAClient(first, url);

      // a file of 99 MB on one line, to a registry with a heap of 512 MB: refused, never held whole
      byte[] oneLine = new byte[99 << 20];
      java.util.Arrays.fill(oneLine, (byte) 'x');
      byte[] header = "contributor,mission,year,personnel_type,gender,count,basis\n".getBytes();
      System.arraycopy(header, 0, oneLine, 0, header.length);
      var refused = first.postImport("personnel", "one-line.csv", oneLine, "admin", ADMIN_PASSWORD);
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.body()).contains("is longer than 1 MB");
      assertThat(first.status("/")).isEqualTo(200);

      // its PostgreSQL killed, the registry starts it again and the pages come back
      long postmaster =
          Long.parseLong(Files.readAllLines(data.resolve("pgdata/postmaster.pid")).getFirst());
      new ProcessBuilder("kill", "-9", Long.toString(postmaster)).start().waitFor();
      assertThat(statusOnceBack(first, "/missions/UNTSO")).isEqualTo(200);
      assertThat(Files.readString(first.log)).contains("has ended; starting it again");
      first.stop();
      System.out.printf("cold start (initdb, migrate, seed): %d ms%n", first.startTime.toMillis());
    }
    assertThat(data.resolve("pgdata/postmaster.pid"))
        .as("PostgreSQL stopped with the registry")
        .doesNotExist();

    try (var second = RegistryProcess.start(env, WORK.resolve("second.log"))) {
      assertThat(counts(url)).as("same data, nothing loaded twice").isEqualTo(firstCounts);
      System.out.printf("warm start: %d ms%n", second.startTime.toMillis());
      second.kill();
    }
    assertThat(data.resolve("pgdata/postmaster.pid"))
        .as("after kill -9 the embedded PostgreSQL is left running")
        .exists();

    try (var third = RegistryProcess.start(env, WORK.resolve("third.log"))) {
      assertThat(Files.readString(third.log)).contains("left by an earlier run");
      assertThat(third.status("/")).isEqualTo(200);
      assertThat(counts(url)).isEqualTo(firstCounts);
      third.stop();
    }
  }

  @Test
  void usesTheExternalPostgresqlThatRegistryDbUrlNames() throws Exception {
    Path unused = WORK.resolve("unused-data");
    int dbPort = RegistryProcess.freePort();
    try (var external = EmbeddedPostgres.start(WORK.resolve("external"), dbPort, DB_PASSWORD)) {
      external.createDatabaseIfMissing("elsewhere");
      String url = external.jdbcUrl("elsewhere");
      var env =
          Map.of(
              "REGISTRY_DB_URL",
              url,
              "REGISTRY_DB_USER",
              EmbeddedPostgres.SUPERUSER,
              "REGISTRY_DB_PASSWORD",
              DB_PASSWORD,
              "REGISTRY_DATA_DIR",
              unused.toString());
      try (var app = RegistryProcess.start(env, WORK.resolve("external.log"))) {
        assertThat(counts(url).getFirst()).isEqualTo(249);
        assertThat(app.get("/").body()).contains("data-count=\"countries\">249<");
        app.stop();
      }
      assertThat(unused.resolve("pgdata")).as("no embedded server was started").doesNotExist();
    }
  }

  @Test
  void withTheDatabaseStoppedPagesAre503AndTheyComeBackWhenItReturns() throws Exception {
    int dbPort = RegistryProcess.freePort();
    Path dir = WORK.resolve("stopped-db");
    var db = EmbeddedPostgres.start(dir, dbPort, DB_PASSWORD);
    db.createDatabaseIfMissing("registry");
    var env = external(db.jdbcUrl("registry"), "stopped-db-unused", "stopped-db-password");
    try (var app = RegistryProcess.start(env, WORK.resolve("stopped-db.log"))) {
      assertThat(app.status("/")).isEqualTo(200);
      db.close(); // PostgreSQL stops
      long t0 = System.nanoTime();
      var page = app.getHtml("/missions/UNTSO?lang=en");
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(seconds).as("the 503 page within a few seconds").isLessThan(8);
      assertThat(page.body())
          .contains("The database cannot be reached just now")
          .doesNotContain("Exception", "PSQL", "Connection to");
      // a page pinned to a release and a download meet the database elsewhere: 503 too
      assertThat(app.getHtml("/missions?release=2020.1").statusCode()).isEqualTo(503);
      assertThat(app.get("/downloads/countries.csv").statusCode()).isEqualTo(503);
      var health = app.get("/actuator/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("DOWN");

      db = EmbeddedPostgres.start(dir, dbPort, DB_PASSWORD); // back, on the same port and data
      int status = statusOnceBack(app, "/missions/UNTSO");
      assertThat(status).as("pages come back without a restart").isEqualTo(200);
      assertThat(app.status("/actuator/health")).isEqualTo(200);
      app.stop();
    } finally {
      db.close();
    }
  }

  @Test
  void killingPostgresqlDuringALargeImportLeavesNoTraceAndEveryEarlierImportIntact()
      throws Exception {
    int dbPort = RegistryProcess.freePort();
    Path dir = WORK.resolve("crash-db");
    var db = EmbeddedPostgres.start(dir, dbPort, DB_PASSWORD);
    db.createDatabaseIfMissing("registry");
    String url = db.jdbcUrl("registry");
    String password = "crash-test-password";
    var env = external(url, "crash-unused", password);
    try (var app = RegistryProcess.start(env, WORK.resolve("crash.log"))) {
      // an earlier import that must survive
      String small =
          "contributor,mission,year,personnel_type,gender,count,basis\n"
              + "NOR,UNMISS,2049,individual_police,female,4,annual_average\n";
      var first = app.postImport("personnel", "earlier.csv", small.getBytes(), "admin", password);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

      // a large one, killed in the middle
      String big = bigFile(url, 2050);
      assertThat(big.lines().count()).isGreaterThan(100_000);
      var upload =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return app.postImport(
                          "personnel", "big.csv", big.toString().getBytes(), "admin", password)
                      .statusCode();
                } catch (Exception e) {
                  return -1;
                }
              });
      // wait until the import writes, then SIGKILL the server process doing it: PostgreSQL
      // treats that as a crash, ends every session and recovers from its write-ahead log
      long backend = importWriter(url);
      assertThat(backend).as("the large import started writing").isPositive();
      new ProcessBuilder("kill", "-9", Long.toString(backend)).start().waitFor();
      assertThat(upload.get(120, java.util.concurrent.TimeUnit.SECONDS))
          .as("not the file's fault: 503, as for any database failure")
          .isEqualTo(503);
      assertThat(Files.readString(dir.resolve("postgresql.log")))
          .contains("terminated by signal 9")
          .contains("all server processes terminated; reinitializing");

      try (var c = connectAfterRecovery(url)) {
        var rs =
            c.createStatement()
                .executeQuery(
                    "select (select count(*) from personnel_figure where year = 2050),"
                        + " (select count(*) from import_batch where file_name = 'big.csv'),"
                        + " (select count(*) from personnel_figure f join import_batch b on b.id = f.batch_id"
                        + "   where b.file_name = 'earlier.csv' and f.year = 2049),"
                        + " (select count(*) from personnel_figure)");
        rs.next();
        assertThat(rs.getInt(1)).as("figures of the killed import").isZero();
        assertThat(rs.getInt(2)).as("its batch").isZero();
        assertThat(rs.getInt(3)).as("the earlier import").isEqualTo(1);
        assertThat(rs.getInt(4)).as("the seed and the earlier import").isEqualTo(18_652);
      }
      int status = statusOnceBack(app, "/missions/UNTSO");
      assertThat(status).isEqualTo(200);
      app.stop();
    } finally {
      db.close();
    }
  }

  /**
   * X-Forwarded-For, -Host and -Proto from a client (no proxy is configured) change nothing: not
   * the address the audit log records, not the host a login sends the browser back to.
   */
  private static void forwardedHeadersCountForNothingFromAClient(RegistryProcess app, String url)
      throws Exception {
    var http =
        java.net.http.HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build();
    String base = "http://localhost:" + app.port;
    java.util.function.Function<String, java.net.http.HttpRequest.Builder> request =
        path ->
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https");
    var body = java.net.http.HttpResponse.BodyHandlers.ofString();
    // a protected page first: the login then returns to it
    http.send(request.apply("/imports").GET().build(), body);
    var page = http.send(request.apply("/login").GET().build(), body);
    var m =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(m.find()).isTrue();
    String form = "username=admin&password=" + ADMIN_PASSWORD + "&_csrf=" + m.group(1);
    var login =
        http.send(
            request
                .apply("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                .build(),
            body);
    assertThat(login.headers().firstValue("Location").orElse(""))
        .as("back to the page on this host")
        .doesNotContain("evil.example")
        .startsWith("http://localhost:" + app.port + "/imports");
    try (var c = connect(url)) {
      var rs =
          c.createStatement()
              .executeQuery(
                  "select remote from audit_event where action = 'login' order by id desc limit 1");
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
    }
  }

  /** Every country × 40 missions × 12 months of {@code year}: over 100,000 snapshot figures. */
  private static String bigFile(String url, int year) throws Exception {
    List<String> countries = new java.util.ArrayList<>();
    List<String> missions = new java.util.ArrayList<>();
    try (var c = connect(url)) {
      var rs = c.createStatement().executeQuery("select iso3 from country order by iso3");
      while (rs.next()) {
        countries.add(rs.getString(1));
      }
      rs =
          c.createStatement()
              .executeQuery(
                  "select acronym from mission where acronym !~ ' ' order by id limit 40");
      while (rs.next()) {
        missions.add(rs.getString(1));
      }
    }
    var big =
        new StringBuilder(
            "contributor,mission,year,period_start,period_end,personnel_type,gender,count,basis\n");
    for (String country : countries) {
      for (String mission : missions) {
        for (int month = 1; month <= 12; month++) {
          var ym = java.time.YearMonth.of(year, month);
          big.append(country)
              .append(',')
              .append(mission)
              .append(',')
              .append(year)
              .append(',')
              .append(ym.atDay(1))
              .append(',')
              .append(ym.atEndOfMonth())
              .append(",troops,total,")
              .append(month)
              .append(",snapshot\n");
        }
      }
    }
    return big.toString();
  }

  /** The PostgreSQL process writing an import's rows into personnel_figure, once it does. */
  private static long importWriter(String url) throws Exception {
    try (var c = connect(url)) {
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (System.nanoTime() < deadline) {
        var rs =
            c.createStatement()
                .executeQuery(
                    "select pid from pg_stat_activity where state = 'active'"
                        + " and query ilike 'insert into \"personnel_figure\"%'");
        if (rs.next()) {
          return rs.getLong(1);
        }
        Thread.sleep(20);
      }
    }
    return 0;
  }

  @Test
  void sigtermDuringAnImportFinishesItOrRollsItBack() throws Exception {
    int dbPort = RegistryProcess.freePort();
    Path dir = WORK.resolve("sigterm-db");
    try (var db = EmbeddedPostgres.start(dir, dbPort, DB_PASSWORD)) {
      db.createDatabaseIfMissing("registry");
      String url = db.jdbcUrl("registry");
      String password = "sigterm-test-password";
      var env = external(url, "sigterm-unused", password);
      try (var app = RegistryProcess.start(env, WORK.resolve("sigterm.log"))) {
        String big = bigFile(url, 2051);
        long rows = big.lines().count() - 1;
        var upload =
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return app.postImport("personnel", "big.csv", big.getBytes(), "admin", password)
                        .statusCode();
                  } catch (Exception e) {
                    return -1;
                  }
                });
        assertThat(importWriter(url)).as("the import started writing").isPositive();
        app.stop(); // SIGTERM, and wait until the registry has ended
        upload.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
      try (var c = connect(url)) {
        var rs =
            c.createStatement()
                .executeQuery(
                    "select (select count(*) from personnel_figure where year = 2051),"
                        + " (select count(*) from import_batch where file_name = 'big.csv'),"
                        + " (select count(*) from audit_event where action = 'import' and detail like 'big.csv:%')");
        rs.next();
        long written = rs.getLong(1);
        int batches = rs.getInt(2);
        int audited = rs.getInt(3);
        assertThat(List.of(written, (long) batches, (long) audited))
            .as("finished entirely, or not at all")
            .isIn(List.of(0L, 0L, 0L), List.of(bigFileRows(url), 1L, 1L));
      }
    }
  }

  private static long bigFileRows(String url) throws Exception {
    return bigFile(url, 2051).lines().count() - 1;
  }

  /** The environment of a registry on an external PostgreSQL, with a known admin password. */
  private static Map<String, String> external(
      String url, String unusedDataDir, String adminPassword) {
    return Map.of(
        "REGISTRY_DB_URL",
        url,
        "REGISTRY_DB_USER",
        EmbeddedPostgres.SUPERUSER,
        "REGISTRY_DB_PASSWORD",
        DB_PASSWORD,
        "REGISTRY_ADMIN_PASSWORD",
        adminPassword,
        "REGISTRY_DATA_DIR",
        WORK.resolve(unusedDataDir).toString());
  }

  /** Waits (up to 30 s) until the page answers 200 again; its last status. */
  private static int statusOnceBack(RegistryProcess app, String path) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    int status = 0;
    while (System.nanoTime() < deadline && (status = app.status(path)) != 200) {
      Thread.sleep(250);
    }
    return status;
  }

  private static java.sql.Connection connectAfterRecovery(String url) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try {
        return connect(url);
      } catch (java.sql.SQLException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private static java.sql.Connection connect(String url) throws java.sql.SQLException {
    return DriverManager.getConnection(url, EmbeddedPostgres.SUPERUSER, DB_PASSWORD);
  }

  /** Countries, missions, figures and batches, counted with plain JDBC beside the application. */
  private static List<Integer> counts(String url) throws Exception {
    try (var c = connect(url);
        var rs =
            c.createStatement()
                .executeQuery(
                    "select (select count(*) from country), (select count(*) from mission),"
                        + " (select count(*) from personnel_figure), (select count(*) from import_batch)")) {
      rs.next();
      return List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
    }
  }
}
