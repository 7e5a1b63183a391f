package no.engagement.registry.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded server as someone else on the machine meets it: no way in without the password, no
 * root rights on the host, and back by itself when its postmaster is killed.
 */
class EmbeddedPostgresTest {

  private static final Path DIR = Path.of("target/embedded-postgres-test").toAbsolutePath();
  private static EmbeddedPostgres pg;

  @BeforeAll
  static void start() throws Exception {
    FileSystemUtils.deleteRecursively(DIR);
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    pg = EmbeddedPostgres.start(DIR, port);
    pg.prepareRegistryDatabase("registry");
  }

  @AfterAll
  static void stop() {
    pg.close();
  }

  @Test
  void noConnectionWithoutThePasswordWhichOnlyTheRegistrysUserCanRead() throws Exception {
    for (String wrong : new String[] {"", "postgres", "registry"}) {
      for (String role : new String[] {"postgres", "registry_owner", "registry_app"}) {
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl("registry"), role, wrong))
            .as(role + " with password «" + wrong + "»")
            .isInstanceOf(SQLException.class)
            // an empty password the driver does not even send: SCRAM asks for one
            .hasMessageMatching(
                ".*(password authentication failed for user \"" + role + "\"|SCRAM.*empty).*");
      }
    }
    Path file = DIR.resolve("postgres-password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.getAttribute(file, "unix:uid"))
        .isEqualTo(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(32);
    try (var c = DriverManager.getConnection(pg.jdbcUrl("registry"), "postgres", pg.password());
        var rs = c.createStatement().executeQuery("select rolpassword from pg_authid")) {
      while (rs.next()) {
        if (rs.getString(1) != null) {
          assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$");
        }
      }
    }
  }

  @Test
  void theServerNeverRunsWithRootsRightsOnTheHost() throws Exception {
    long pid = Long.parseLong(Files.readAllLines(DIR.resolve("pgdata/postmaster.pid")).getFirst());
    // the owner of /proc/<pid> is the process's uid as the host sees it (a user namespace's
    // "nobody" is still uid 0 out here)
    int uid = (Integer) Files.getAttribute(Path.of("/proc/" + pid), "unix:uid");
    assertThat(uid).as("uid of the postmaster").isNotZero();
    int self = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    if (self == 0) {
      assertThat(uid).isEqualTo(65534);
      // a file only root may write stays out of reach, even for the server's superuser
      Path closed = Files.createTempDirectory(DIR, "root-only");
      Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
      try (var c = pg.superuser("registry")) {
        assertThatThrownBy(
                () ->
                    c.createStatement()
                        .execute("copy (select 1) to '" + closed.resolve("written") + "'"))
            .hasMessageContaining("Permission denied");
      }
      assertThat(closed.resolve("written")).doesNotExist();
    }
  }

  @Test
  void aKilledServerIsStartedAgain() throws Exception {
    long pid = Long.parseLong(Files.readAllLines(DIR.resolve("pgdata/postmaster.pid")).getFirst());
    new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
    long deadline = System.nanoTime() + 60_000_000_000L;
    Integer answer = null;
    while (answer == null && System.nanoTime() < deadline) {
      try (var c = pg.superuser("registry");
          var rs = c.createStatement().executeQuery("select 42")) {
        rs.next();
        answer = rs.getInt(1);
      } catch (SQLException e) {
        Thread.sleep(200);
      }
    }
    assertThat(answer).as("the server answers again").isEqualTo(42);
    long again =
        Long.parseLong(Files.readAllLines(DIR.resolve("pgdata/postmaster.pid")).getFirst());
    assertThat(again).isNotEqualTo(pid);
  }

  @Test
  void aDataFolderClosedToOthersStillWorks() throws Exception {
    // as a clone in a folder made by mktemp (mode 0700): as root, the server's uid cannot walk
    // there, so its commands see the folder through a bind mount of their own
    Path closed = Files.createTempDirectory("registry-closed-");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(closed)))
        .isEqualTo("rwx------");
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (var closedPg = EmbeddedPostgres.start(closed.resolve("data"), port)) {
      closedPg.createDatabaseIfMissing("registry");
      try (var c = closedPg.superuser("registry");
          var rs = c.createStatement().executeQuery("select 6 * 7")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
    } finally {
      FileSystemUtils.deleteRecursively(closed);
    }
  }
}
