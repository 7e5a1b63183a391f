package no.engagement.registry.imports;

import java.util.List;

/**
 * What an import changes against the data the registry holds, by natural key: rows added, changed
 * (listed old → new, the first {@link #LISTED}), unchanged, and removed (the rows a re-import of a
 * year no longer has, listed the same way).
 */
public record ImportDiff(
    long added,
    long changed,
    long unchanged,
    long removed,
    List<RowChange> changes,
    List<RowChange> removals,
    List<String> complete) {

  /** How many changed and removed rows a report lists; the counts are always complete. */
  public static final int LISTED = 200;

  static ImportDiff onlyAdded(long added) {
    return new ImportDiff(added, 0, 0, 0, List.of(), List.of(), List.of());
  }
}
