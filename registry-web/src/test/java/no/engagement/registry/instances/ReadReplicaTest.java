package no.engagement.registry.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.engagement.registry.TestAccounts;
import no.engagement.registry.WebClient;
import no.engagement.registry.account.AccountService;
import no.engagement.registry.db.ReadReplica;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * With REGISTRY_DB_READ_URL set (here: a second pool on the test's own server, standing in for a
 * replica), each route's connections come from the pool it should: the public screens and downloads
 * from the replica's and none from the primary's; logins, the import screens, their preview and
 * commit, and the batch page right after it only from the primary's.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "registry.db.read-url=jdbc:postgresql://127.0.0.1:54332/registry",
      // no background work on the primary while connections are counted: the release jobs'
      // poll and the sessions' clean-up
      "registry.release-jobs.poll=1h",
      "spring.session.jdbc.cleanup-cron=-"
    })
@ActiveProfiles("test")
class ReadReplicaTest {

  @LocalServerPort int port;
  @Autowired ReadReplica replica;
  @Autowired AccountService accounts;
  @Autowired no.engagement.registry.imports.ImportService imports;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts);
  }

  /** The connections {@code request} took from the primary's and the replica's pool. */
  private long[] pools(Request request) throws Exception {
    long primary = replica.primaryConnections();
    long read = replica.replicaConnections();
    request.run();
    return new long[] {replica.primaryConnections() - primary, replica.replicaConnections() - read};
  }

  private interface Request {
    void run() throws Exception;
  }

  @Test
  void publicScreensAndDownloadsReadTheReplica() throws Exception {
    assertThat(replica.configured()).isTrue();
    var anonymous = new WebClient(port);
    for (String path :
        new String[] {
          "/deployments?contributor=NOR&group=mission",
          "/missions",
          "/countries/NOR",
          "/downloads/personnel.csv",
          "/deployments.csv?contributor=NOR",
          "/search?q=UNMISS"
        }) {
      var used = pools(() -> assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(200));
      assertThat(used[1]).as(path + ": connections from the replica's pool").isPositive();
      assertThat(used[0]).as(path + ": connections from the primary's pool").isZero();
    }
  }

  @Test
  void loginsImportsAndTheBatchPageAfterACommitStayOnThePrimary() throws Exception {
    var editor = new WebClient(port);
    var login =
        pools(
            () ->
                assertThat(editor.login(TestAccounts.EDITOR, TestAccounts.PASSWORD).statusCode())
                    .isEqualTo(302));
    assertThat(login[0]).as("login: primary").isPositive();
    assertThat(login[1]).as("login: replica").isZero();

    String file =
        "contributor,mission,year,personnel_type,gender,count,basis\r\n"
            + "DNK,UNMISS,2065,police,female,"
            + (1 + (int) (Math.random() * 500))
            + ",annual_average\r\n";
    var fields =
        Map.of(
            "_csrf", editor.csrf("/imports"),
            "kind", "personnel",
            "source", "un-contributions-by-year");
    String[] preview = new String[1];
    var previewed =
        pools(
            () -> {
              var page = editor.upload("/imports/preview", fields, "replica.csv", file);
              assertThat(page.statusCode()).isEqualTo(200);
              preview[0] = page.body();
            });
    assertThat(previewed[0]).as("preview: primary").isPositive();
    assertThat(previewed[1]).as("preview: replica").isZero();
    var m =
        java.util.regex.Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"").matcher(preview[0]);
    assertThat(m.find()).isTrue();
    String csrf = editor.csrf("/imports");
    String[] location = new String[1];
    var committed =
        pools(
            () -> {
              var r =
                  editor.post(
                      "/imports/commit",
                      Map.of("token", m.group(1), "confirm", "true", "_csrf", csrf));
              assertThat(r.statusCode()).isEqualTo(302);
              location[0] = r.headers().firstValue("Location").orElseThrow();
            });
    assertThat(committed[1]).as("commit: replica").isZero();
    String batch = location[0].substring(location[0].indexOf("/imports/"));
    var batchPage =
        pools(() -> assertThat(editor.get(batch).statusCode()).as(batch).isEqualTo(200));
    assertThat(batchPage[0]).as("the batch page: primary").isPositive();
    assertThat(batchPage[1]).as("the batch page: replica").isZero();
    imports.revert(
        Long.parseLong(batch.substring(batch.lastIndexOf('/') + 1)), "replica-test", null);
  }
}
