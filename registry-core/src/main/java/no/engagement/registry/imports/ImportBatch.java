package no.engagement.registry.imports;

import java.time.OffsetDateTime;

/**
 * One import batch: what was imported, by whom and when, with its counts and status. A revert is a
 * batch of its own that names the batch it reverted.
 */
public record ImportBatch(
    long id,
    String kind,
    String fileName,
    String sha256,
    String encoding,
    String delimiter,
    String decimalMark,
    String importedBy,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    String status,
    int rowsRead,
    int rowsInserted,
    int rowsUpdated,
    int rowsUnchanged,
    int rowsDeleted,
    Long revertsBatchId,
    Long revertedByBatchId) {

  public boolean reverted() {
    return "reverted".equals(status);
  }

  public boolean isRevert() {
    return revertsBatchId != null;
  }
}
