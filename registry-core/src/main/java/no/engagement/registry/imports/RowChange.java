package no.engagement.registry.imports;

import java.util.List;

/**
 * One row an import changes or removes, for people: the file row it comes from (0 for a removed
 * row, which the file no longer has), the row's natural key as text, and its columns before and
 * after.
 */
public record RowChange(
    int row, long firstLine, long lastLine, String key, List<ColumnChange> columns) {

  /** A column whose value differs; {@code after} is null for a removed row. */
  public record ColumnChange(String column, String before, String after) {}
}
