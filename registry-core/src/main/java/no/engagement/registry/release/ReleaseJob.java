package no.engagement.registry.release;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

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
    @Nullable String instance,
    @Nullable String step,
    int filesDone,
    int filesTotal,
    long rowsWritten,
    @Nullable String error,
    OffsetDateTime createdAt,
    @Nullable OffsetDateTime startedAt,
    @Nullable OffsetDateTime finishedAt) {

  public boolean finished() {
    return state.equals("done") || state.equals("failed");
  }
}
