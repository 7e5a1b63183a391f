package no.engagement.registry.release;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.engagement.registry.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishing as a job: an admin's request only queues it ({@link #request}); every instance of the
 * registry looks for queued jobs every few seconds (and at once after a request of its own), and
 * the one that takes PostgreSQL's session-level advisory lock for release jobs runs them, oldest
 * first, so at most one runs at a time wherever it was asked for. Its progress (file by file, rows
 * written) is committed as it goes, on the lock's own connection; the release itself is published
 * in one transaction ({@link ReleaseService#publish}), so it is all there or not at all.
 *
 * <p>An instance that dies while publishing loses its connections: PostgreSQL rolls the transaction
 * back and frees the lock. The next instance to take the lock finds the job still marked running,
 * and runs it again; a job whose instance stopped twice is marked failed instead.
 */
@Service
public class ReleaseJobs {

  private static final Logger log = LoggerFactory.getLogger(ReleaseJobs.class);

  /** A job may be started this many times; one more stopped instance and it is failed. */
  static final int ATTEMPTS = 2;

  private final ReleaseJobQueries queries;
  private final ReleaseService releases;
  private final AuditLog audit;
  private final DataSource dataSource;
  private final Duration poll;
  private final String instance;
  private final ScheduledExecutorService runner =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("release-jobs").unstarted(r));
  private volatile boolean failingQuietly;

  ReleaseJobs(
      ReleaseJobQueries queries,
      ReleaseService releases,
      AuditLog audit,
      DataSource dataSource,
      @Value("${registry.release-jobs.poll:3s}") Duration poll) {
    this.queries = queries;
    this.releases = releases;
    this.audit = audit;
    this.dataSource = dataSource;
    this.poll = poll;
    this.instance = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    runner.scheduleWithFixedDelay(
        this::runWaiting, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    runner.shutdownNow();
  }

  /**
   * Queues a release of the registry as it will be when the job runs.
   *
   * @param pageUrl the address of the release's page, for its citation
   * @throws ReleaseRefusedException when the version is malformed, or taken by a release or a job
   */
  @Transactional
  public ReleaseJob request(
      String version, @Nullable String notes, String by, String pageUrl, @Nullable String remote) {
    String v = ReleaseService.checkVersion(version);
    if (releases.find(v).isPresent()) {
      throw new ReleaseRefusedException("release.version.taken", v);
    }
    queries
        .insert(v, notes == null ? "" : notes.strip(), by, remote, pageUrl)
        .orElseThrow(() -> new ReleaseRefusedException("release.version.taken", v));
    audit.record(by, "release.request", v, null, remote);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            runner.execute(ReleaseJobs.this::runWaiting);
          }
        });
    return queries.latest(v).orElseThrow();
  }

  /** The newest job for {@code version}, if any. */
  @Transactional // on the primary: it must see what was just written (ReadReplica)
  public Optional<ReleaseJob> job(String version) {
    return queries.latest(version);
  }

  /** Jobs queued or running, and those that failed in the last week. */
  @Transactional // on the primary: it must see what was just written (ReadReplica)
  public List<ReleaseJob> unfinishedOrFailed() {
    return queries.unfinishedOrFailed();
  }

  /** Runs the jobs waiting, if this instance gets the lock; the runner's thread calls it. */
  void runWaiting() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      if (!lock(c, "pg_try_advisory_lock")) {
        return;
      }
      try {
        for (var job = queries.next(c); job.isPresent(); job = queries.next(c)) {
          run(c, job.get());
        }
      } finally {
        lock(c, "pg_advisory_unlock");
      }
      failingQuietly = false;
    } catch (SQLException | RuntimeException e) {
      if (!failingQuietly) {
        log.warn("Could not look for release jobs (tried again every {})", poll, e);
        failingQuietly = true;
      }
    }
  }

  private static boolean lock(Connection c, String function) throws SQLException {
    try (var s = c.createStatement();
        var r = s.executeQuery("select " + function + "(hashtext('release jobs'), 0)")) {
      return r.next() && r.getBoolean(1);
    }
  }

  private void run(Connection c, ReleaseJobQueries.Request job) {
    if (job.state().equals("running")) {
      // marked running, yet nobody holds the lock: the instance running it has stopped
      if (job.attempts() >= ATTEMPTS) {
        log.warn(
            "Release job {} ({}): its instance stopped {} times; failed",
            job.id(),
            job.version(),
            job.attempts());
        queries.finish(c, job.id(), "failed", "release.job.stopped");
        return;
      }
      log.warn(
          "Release job {} ({}): its instance stopped; running it again", job.id(), job.version());
    }
    queries.start(c, job.id(), instance, ReleaseService.FILES);
    log.info("Publishing release {} (job {})", job.version(), job.id());
    try {
      releases.publish(
          job.version(),
          job.notes(),
          job.by(),
          job.pageUrl(),
          job.from(),
          (step, done, rows) -> queries.progress(c, job.id(), step, done, rows));
      queries.finish(c, job.id(), "done", null);
      log.info("Published release {} (job {})", job.version(), job.id());
    } catch (ReleaseRefusedException e) {
      queries.finish(c, job.id(), "failed", e.messageKey());
    } catch (RuntimeException e) {
      log.error("Release job {} ({}) failed", job.id(), job.version(), e);
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      queries.finish(c, job.id(), "failed", why.length() > 500 ? why.substring(0, 500) + "…" : why);
    }
  }
}
