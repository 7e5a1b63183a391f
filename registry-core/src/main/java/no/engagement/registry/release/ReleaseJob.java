package no.engagement.registry.release;

import java.time.OffsetDateTime;

/**
 * A release asked for and published by whichever instance of the registry claims it ({@link
 * ReleaseJobs}).
 *
 * @param state queued, running, done or failed
 * @param step the file being written while running
 * @param error why it failed (a message key of the release bundle, or the failure's own text)
 */
public record ReleaseJob(
    long id,
    String version,
    String notes,
    String requestedBy,
    String state,
    int attempts,
    String instance,
    String step,
    int filesDone,
    int filesTotal,
    long rowsWritten,
    String error,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt) {

  public boolean finished() {
    return state.equals("done") || state.equals("failed");
  }
}
