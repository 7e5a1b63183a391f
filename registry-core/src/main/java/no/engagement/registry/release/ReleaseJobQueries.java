package no.engagement.registry.release;

import static no.engagement.registry.jooq.Tables.RELEASE_JOB;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Release jobs in the table every instance shares. */
@Repository
class ReleaseJobQueries {

  /** The input of a job: what the admin asked for. */
  record Request(
      long id,
      String version,
      String notes,
      String by,
      @Nullable String from,
      String pageUrl,
      String state,
      int attempts) {}

  private static final List<SelectField<?>> JOB =
      List.of(
          RELEASE_JOB.ID,
          RELEASE_JOB.VERSION,
          RELEASE_JOB.NOTES,
          RELEASE_JOB.REQUESTED_BY,
          RELEASE_JOB.STATE,
          RELEASE_JOB.ATTEMPTS,
          RELEASE_JOB.INSTANCE,
          RELEASE_JOB.STEP,
          RELEASE_JOB.FILES_DONE,
          RELEASE_JOB.FILES_TOTAL,
          RELEASE_JOB.ROWS_WRITTEN,
          RELEASE_JOB.ERROR,
          RELEASE_JOB.CREATED_AT,
          RELEASE_JOB.STARTED_AT,
          RELEASE_JOB.FINISHED_AT);

  private final DSLContext dsl;

  ReleaseJobQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A new queued job; empty when a live or finished job has the version already. */
  Optional<Long> insert(
      String version, String notes, String by, @Nullable String from, String pageUrl) {
    return dsl.insertInto(RELEASE_JOB)
        .set(RELEASE_JOB.VERSION, version)
        .set(RELEASE_JOB.NOTES, notes)
        .set(RELEASE_JOB.REQUESTED_BY, by)
        .set(RELEASE_JOB.REQUESTED_FROM, from)
        .set(RELEASE_JOB.PAGE_URL, pageUrl)
        .onConflictDoNothing()
        .returningResult(RELEASE_JOB.ID)
        .fetchOptional(RELEASE_JOB.ID);
  }

  Optional<ReleaseJob> latest(String version) {
    return dsl.select(JOB)
        .from(RELEASE_JOB)
        .where(RELEASE_JOB.VERSION.eq(version))
        .orderBy(RELEASE_JOB.ID.desc())
        .limit(1)
        .fetchOptional(r -> r.into(ReleaseJob.class));
  }

  /** Jobs queued or running, and those that failed in the last week; newest first. */
  List<ReleaseJob> unfinishedOrFailed() {
    return dsl.select(JOB)
        .from(RELEASE_JOB)
        .where(RELEASE_JOB.STATE.in("queued", "running"))
        .or(
            RELEASE_JOB
                .STATE
                .eq("failed")
                .and(RELEASE_JOB.CREATED_AT.gt(DSL.currentOffsetDateTime().minus(DSL.inline(7)))))
        .orderBy(RELEASE_JOB.ID.desc())
        .limit(20)
        .fetch(r -> r.into(ReleaseJob.class));
  }

  // The runner's statements: on the connection that holds the runner's lock, each committed at
  // once, so that every instance sees a job's progress as it goes.

  /** This repository's jOOQ configuration on the runner's own connection. */
  private DSLContext on(Connection c) {
    return dsl.configuration().derive(new DefaultConnectionProvider(c)).dsl();
  }

  /** The oldest job still to run (queued, or running without a runner), if any. */
  Optional<Request> next(Connection c) {
    var j = RELEASE_JOB;
    return on(c)
        .select(
            j.ID,
            j.VERSION,
            j.NOTES,
            j.REQUESTED_BY,
            j.REQUESTED_FROM,
            j.PAGE_URL,
            j.STATE,
            j.ATTEMPTS)
        .from(j)
        .where(j.STATE.in("queued", "running"))
        .orderBy(j.ID)
        .limit(1)
        .fetchOptional(Records.mapping(Request::new));
  }

  void start(Connection c, long id, String instance, int filesTotal) {
    on(c)
        .update(RELEASE_JOB)
        .set(RELEASE_JOB.STATE, "running")
        .set(RELEASE_JOB.ATTEMPTS, RELEASE_JOB.ATTEMPTS.plus(1))
        .set(RELEASE_JOB.INSTANCE, instance)
        .set(RELEASE_JOB.STARTED_AT, DSL.currentOffsetDateTime())
        .set(RELEASE_JOB.STEP, (String) null)
        .set(RELEASE_JOB.FILES_DONE, 0)
        .set(RELEASE_JOB.FILES_TOTAL, filesTotal)
        .set(RELEASE_JOB.ROWS_WRITTEN, 0L)
        .set(RELEASE_JOB.ERROR, (String) null)
        .where(RELEASE_JOB.ID.eq(id))
        .execute();
  }

  void progress(Connection c, long id, String step, int filesDone, long rowsWritten) {
    on(c)
        .update(RELEASE_JOB)
        .set(RELEASE_JOB.STEP, step)
        .set(RELEASE_JOB.FILES_DONE, filesDone)
        .set(RELEASE_JOB.ROWS_WRITTEN, rowsWritten)
        .where(RELEASE_JOB.ID.eq(id))
        .execute();
  }

  void finish(Connection c, long id, String state, @Nullable String error) {
    on(c)
        .update(RELEASE_JOB)
        .set(RELEASE_JOB.STATE, state)
        .set(RELEASE_JOB.ERROR, error)
        .set(RELEASE_JOB.STEP, (String) null)
        .set(RELEASE_JOB.FINISHED_AT, DSL.currentOffsetDateTime())
        .where(RELEASE_JOB.ID.eq(id))
        .execute();
  }
}
