package no.engagement.registry.changes;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one import batch (or revert) changed: of everything, or of one mission, country or peace
 * process. {@code added}, {@code changed} and {@code removed} count rows; {@code edits} list them,
 * the first {@link ChangeService#EDITS} of them, each with its columns before and after.
 *
 * @param reverts the batch this one reverts, if it is a revert
 * @param revertedBy the revert that undid this batch, if one did
 */
public record Change(
    long batch,
    String kind,
    OffsetDateTime at,
    String status,
    Long reverts,
    Long revertedBy,
    long added,
    long changed,
    long removed,
    List<Edit> edits) {

  /**
   * One row added, changed or removed: its table, what it is about in words (for a personnel
   * figure: contributor, mission, year, type, gender, basis and source), and its columns that
   * differ (a figure added or removed: its count).
   */
  public record Edit(String table, String op, String subject, List<Column> columns) {}

  /** A column's value before and after (null: the row did not exist, or the value is empty). */
  public record Column(String name, String before, String after) {}
}
