package no.engagement.registry.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Release jobs: queued by a request, run by whoever holds the lock for release jobs (one at a
 * time), their progress the release's own counts, and a job whose instance stopped run again, or
 * failed after the second time, with nothing of it published. Checked against the tables with plain
 * SQL.
 */
@RegistryTest
class ReleaseJobsTest {

  @Autowired ReleaseJobs jobs;
  @Autowired JdbcTemplate sql;
  @Autowired DataSource dataSource;

  private static String version() {
    return "2051." + UUID.randomUUID().toString().substring(0, 8);
  }

  private String state(String version) {
    return sql.queryForObject(
        "select state from release_job where version = ? order by id desc limit 1",
        String.class,
        version);
  }

  private void awaitState(String version, String state) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!state.equals(state(version)) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(state(version)).isEqualTo(state);
  }

  private int releases(String version) {
    return sql.queryForObject(
        "select count(*) from release where version = ?", Integer.class, version);
  }

  @Test
  void aRequestedReleaseIsPublishedByTheJobWithItsProgressTheReleasesOwnCounts() throws Exception {
    String v = version();
    var job =
        jobs.request(v, " notes ", "jobs-test", "http://example.org/releases/" + v, "10.0.0.1");
    assertThat(job.state()).isIn("queued", "running", "done");
    awaitState(v, "done");
    assertThat(releases(v)).isEqualTo(1);
    var row =
        sql.queryForMap(
            "select files_done, files_total, rows_written, attempts, error, instance"
                + " from release_job where version = ?",
            v);
    long files =
        sql.queryForObject(
            "select count(*) from release_file f join release r on r.id = f.release_id"
                + " where r.version = ?",
            Long.class,
            v);
    long rows =
        sql.queryForObject(
            "select sum(f.rows) from release_file f join release r on r.id = f.release_id"
                + " where r.version = ? and f.dataset is not null",
            Long.class,
            v);
    assertThat(((Number) row.get("files_done")).longValue()).isEqualTo(files).isEqualTo(53);
    assertThat(((Number) row.get("files_total")).longValue()).isEqualTo(files);
    assertThat(((Number) row.get("rows_written")).longValue()).isEqualTo(rows).isPositive();
    assertThat(row.get("attempts")).isEqualTo(1);
    assertThat(row.get("error")).isNull();
    assertThat(row.get("instance")).asString().contains("@");
    assertThat(sql.queryForObject("select notes from release where version = ?", String.class, v))
        .isEqualTo("notes");
    assertThatThrownBy(() -> jobs.request(v, "", "jobs-test", "x", null))
        .isInstanceOf(ReleaseRefusedException.class)
        .extracting("messageKey")
        .isEqualTo("release.version.taken");
    assertThat(
            sql.queryForObject(
                "select count(*) from information_schema.tables where table_schema = ?"
                    + " and table_name in ('spring_session', 'spring_session_attributes',"
                    + " 'pending_upload', 'pending_upload_chunk', 'release_job', 'account')",
                Integer.class,
                "release_"
                    + sql.queryForObject(
                        "select id from release where version = ?", Long.class, v)))
        .as("no sessions, uploads, jobs or accounts in a release")
        .isZero();
  }

  @Test
  void whileAnotherInstanceHoldsTheLockNoJobRunsHere() throws Exception {
    String v = version();
    try (var other = dataSource.getConnection()) {
      other.setAutoCommit(true);
      other.createStatement().execute("select pg_advisory_lock(hashtext('release jobs'), 0)");
      jobs.request(v, "", "jobs-test", "x", null);
      jobs.runWaiting();
      Thread.sleep(500);
      assertThat(state(v)).isEqualTo("queued");
      assertThat(releases(v)).isZero();
      other.createStatement().execute("select pg_advisory_unlock(hashtext('release jobs'), 0)");
    }
    jobs.runWaiting();
    awaitState(v, "done");
    assertThat(releases(v)).isEqualTo(1);
  }

  @Test
  void aJobWhoseInstanceStoppedIsRunAgainOnceThenFailedWithNothingPublished() throws Exception {
    // as an instance that died while publishing leaves them: marked running, nobody holding the
    // lock, the publishing transaction rolled back
    String again = version();
    String failed = version();
    try (var other = dataSource.getConnection()) {
      // held, so that the poller does not take the rows before both are in place
      other.setAutoCommit(true);
      other.createStatement().execute("select pg_advisory_lock(hashtext('release jobs'), 0)");
      for (var v : java.util.List.of(again, failed)) {
        sql.update(
            "insert into release_job (version, notes, requested_by, page_url, state, attempts,"
                + " instance, files_done, files_total) values (?, '', 'jobs-test', 'x', 'running',"
                + " ?, '1@gone', 7, 53)",
            v,
            v.equals(again) ? 1 : ReleaseJobs.ATTEMPTS);
      }
      other.createStatement().execute("select pg_advisory_unlock(hashtext('release jobs'), 0)");
    }
    jobs.runWaiting();
    awaitState(again, "done");
    awaitState(failed, "failed");
    assertThat(releases(again)).isEqualTo(1);
    assertThat(
            sql.queryForObject(
                "select attempts from release_job where version = ?", Integer.class, again))
        .isEqualTo(2);
    assertThat(releases(failed)).isZero();
    assertThat(
            sql.queryForObject(
                "select error from release_job where version = ?", String.class, failed))
        .isEqualTo("release.job.stopped");
    // the version of a failed job is free again
    jobs.request(failed, "", "jobs-test", "x", null);
    awaitState(failed, "done");
    assertThat(releases(failed)).isEqualTo(1);
  }
}
