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
        Map.of("REGISTRY_DATA_DIR", data.toString(), "REGISTRY_DB_PORT", Integer.toString(dbPort));
    String url = "jdbc:postgresql://127.0.0.1:" + dbPort + "/registry";

    List<Integer> firstCounts;
    try (var first = RegistryProcess.start(env, WORK.resolve("first.log"))) {
      firstCounts = counts(url);
      assertThat(firstCounts.getFirst()).as("countries").isEqualTo(249);
      assertThat(first.get("/").body()).contains("data-count=\"countries\">249<");
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
    try (var external = EmbeddedPostgres.start(WORK.resolve("external"), dbPort)) {
      external.createDatabaseIfMissing("elsewhere");
      String url = external.jdbcUrl("elsewhere");
      var env =
          Map.of(
              "REGISTRY_DB_URL",
              url,
              "REGISTRY_DB_USER",
              EmbeddedPostgres.SUPERUSER,
              "REGISTRY_DB_PASSWORD",
              "",
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
    var db = EmbeddedPostgres.start(dir, dbPort);
    db.createDatabaseIfMissing("registry");
    var env =
        Map.of(
            "REGISTRY_DB_URL",
            db.jdbcUrl("registry"),
            "REGISTRY_DB_USER",
            EmbeddedPostgres.SUPERUSER,
            "REGISTRY_DB_PASSWORD",
            "",
            "REGISTRY_DATA_DIR",
            WORK.resolve("stopped-db-unused").toString());
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
      var health = app.get("/actuator/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("DOWN");

      db = EmbeddedPostgres.start(dir, dbPort); // back, on the same port and data
      long deadline = System.nanoTime() + 30_000_000_000L;
      int status = 0;
      while (System.nanoTime() < deadline && (status = app.status("/missions/UNTSO")) != 200) {
        Thread.sleep(250);
      }
      assertThat(status).as("pages come back without a restart").isEqualTo(200);
      assertThat(app.status("/actuator/health")).isEqualTo(200);
      app.stop();
    } finally {
      db.close();
    }
  }

  /** Countries, missions, figures and batches, counted with plain JDBC beside the application. */
  private static List<Integer> counts(String url) throws Exception {
    try (var c = DriverManager.getConnection(url, EmbeddedPostgres.SUPERUSER, "");
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
