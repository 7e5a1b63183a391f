package no.engagement.registry.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import no.engagement.registry.RegistryApplication;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.TestAccounts;
import no.engagement.registry.WebClient;
import no.engagement.registry.account.AccountService;
import no.engagement.registry.db.DatabaseServer;
import no.engagement.registry.db.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the registry on one PostgreSQL, as behind a load balancer: the test's own, and a
 * second one started here on the same database (REGISTRY_DB_URL, as the application role, the
 * migrations as the owner). One browser's requests go to either: its login, its uploads waiting for
 * their commit and its logout hold on both.
 */
@RegistryWebTest
class TwoInstancesTest {

  private static ConfigurableApplicationContext second;

  @LocalServerPort int port;
  @Autowired DatabaseServer server;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate sql;
  @Autowired no.engagement.registry.imports.ImportService imports;

  private int secondPort;

  @BeforeEach
  void startTheSecond() {
    TestAccounts.ensure(accounts);
    if (second == null) {
      second =
          new SpringApplicationBuilder(RegistryApplication.class)
              .profiles("test")
              .properties(
                  "registry.data-dir=target/test-db-second-instance",
                  "registry.db.url=" + server.jdbcUrl(),
                  "registry.db.user=" + EmbeddedPostgres.APP,
                  "registry.db.password=" + server.password(),
                  "registry.db.owner-user=" + EmbeddedPostgres.OWNER,
                  "registry.db.owner-password=" + server.ownerPassword())
              // an argument, so that it counts over application.properties (8080)
              .run("--server.port=0");
    }
    secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
  }

  @AfterAll
  static void stopTheSecond() {
    if (second != null) {
      second.close();
      second = null;
    }
  }

  @Test
  void aLoginOnOneInstanceHoldsOnTheOtherAndALogoutEndsItOnBoth() throws Exception {
    assertThat(secondPort).isNotEqualTo(port);
    var first = new WebClient(port);
    var other = first.onPort(secondPort);
    assertThat(other.get("/admin/users").statusCode()).as("not logged in").isEqualTo(302);
    assertThat(first.login(TestAccounts.ADMIN, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
    var users = other.get("/admin/users");
    assertThat(users.statusCode()).as("logged in on the second").isEqualTo(200);
    assertThat(users.body()).contains(TestAccounts.EDITOR);
    assertThat(other.post("/logout", Map.of("_csrf", other.csrf("/admin/users"))).statusCode())
        .isEqualTo(302);
    assertThat(first.get("/admin/users").statusCode()).as("logged out on the first").isEqualTo(302);
    assertThat(other.get("/admin/users").statusCode()).isEqualTo(302);
  }

  @Test
  void aFilePreviewedOnOneInstanceIsCommittedOnTheOther() throws Exception {
    var first = new WebClient(port);
    var other = first.onPort(secondPort);
    first.login(TestAccounts.EDITOR, TestAccounts.PASSWORD);
    String count = Integer.toString(100 + (int) (Math.random() * 800));
    var preview =
        first.upload(
            "/imports/preview",
            Map.of(
                "_csrf", first.csrf("/imports"),
                "kind", "personnel",
                "source", "un-contributions-by-year"),
            "two.csv",
            "contributor,mission,year,personnel_type,gender,count,basis\r\n"
                + "SWE,UNMISS,2064,police,female,"
                + count
                + ",annual_average\r\n");
    assertThat(preview.statusCode()).isEqualTo(200);
    var token =
        java.util.regex.Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"")
            .matcher(preview.body());
    assertThat(token.find()).as("the preview's commit form").isTrue();
    var commit =
        other.post(
            "/imports/commit",
            Map.of("token", token.group(1), "confirm", "true", "_csrf", other.csrf("/imports")));
    assertThat(commit.statusCode()).isEqualTo(302);
    assertThat(commit.headers().firstValue("Location").orElseThrow()).matches(".*/imports/\\d+");
    String location = commit.headers().firstValue("Location").orElseThrow();
    long batch = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(
            sql.queryForObject(
                "select count::int from personnel_figure where contributor_iso3 = 'SWE'"
                    + " and year = 2064 and personnel_type = 'police' and gender = 'female'",
                Integer.class))
        .as("the figure, written by the second instance")
        .isEqualTo(Integer.parseInt(count));
    assertThat(
            sql.queryForObject(
                "select count(*) from pending_upload where token = ?",
                Integer.class,
                token.group(1)))
        .as("gone after its commit")
        .isZero();
    imports.revert(batch, "two-instances-test", null); // leaves the test database as it was
  }

  @Test
  void aReleaseAskedForOnOneInstanceIsPublishedOnceAndShownOnBoth() throws Exception {
    var first = new WebClient(port);
    var other = first.onPort(secondPort);
    first.login(TestAccounts.ADMIN, TestAccounts.PASSWORD);
    String v = "2052." + UUID.randomUUID().toString().substring(0, 6);
    var asked =
        first.post(
            "/releases", Map.of("version", v, "notes", "two", "_csrf", first.csrf("/releases")));
    assertThat(asked.statusCode()).isEqualTo(302);
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!other.get("/releases/" + v).body().contains("release-files")) {
      assertThat(System.nanoTime()).as("published within 2 minutes").isLessThan(deadline);
      Thread.sleep(200);
    }
    assertThat(first.get("/releases/" + v).body()).contains("release-files");
    assertThat(
            sql.queryForObject("select count(*) from release where version = ?", Integer.class, v))
        .isEqualTo(1);
  }
}
