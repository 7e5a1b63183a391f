package no.engagement.registry.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * One import template: its columns, the natural key, and how a valid row becomes rows of a table.
 *
 * @param kind the template's name ("missions", "personnel-un", ...)
 * @param table the table rows go to
 * @param columns the template's columns, matched to the header regardless of order and case
 * @param key headers of the columns that identify a row (duplicates in one file are errors)
 * @param constants values every row gets
 * @param expander turns one valid row into table rows; null maps each column to its target
 * @param ignoredHeaders extra headers that are known and skipped (e.g. an unnamed index column)
 * @param writer writes the table rows of one row itself; null stages them and merges by natural key
 * @param replaces what a file declared complete replaces, or null when a kind has no such choice;
 *     otherwise, and by default, an import only adds and changes rows
 */
record ImportSpec(
    String kind,
    Table<? extends TableRecord<?>> table,
    List<Column> columns,
    List<String> key,
    Map<Field<?>, Object> constants,
    Expander expander,
    List<String> ignoredHeaders,
    RowWriter writer,
    Replaces replaces) {

  /**
   * Rows of the table that a file declared complete takes the place of: those that share the values
   * of {@code by} with a row of the file (e.g. source and year) and have a value in each of {@code
   * present}. Those the file does not contain are removed.
   */
  record Replaces(List<Field<?>> by, List<Field<?>> present) {}

  /**
   * @param header the column's name in the file
   * @param required whether a blank cell is an error
   * @param cell how the text becomes a value
   * @param target the table column it fills, or null when only the expander uses it
   */
  record Column(String header, boolean required, Cell cell, Field<?> target) {}

  /** Valid values of one row, by header, with the record they came from. */
  record Row(CsvRecord record, Map<String, Object> values) {
    Object get(String header) {
      return values.get(header);
    }
  }

  @FunctionalInterface
  interface Expander {
    List<Map<Field<?>, Object>> expand(Row row, Problems warnings);
  }

  /** What a row writer did with a row. */
  enum Written {
    ADDED,
    CHANGED,
    UNCHANGED
  }

  /**
   * Writes what one valid row says when a plain merge into {@link #table} cannot; a row it changes
   * is recorded in {@code import_change}, so a revert puts it back.
   */
  @FunctionalInterface
  interface RowWriter {
    Written write(org.jooq.DSLContext dsl, Row row, long batchId, Long defaultSourceId);
  }

  /** Whether every row must cite a source document: personnel figures always do. */
  boolean requiresSource() {
    return table.getName().equals("personnel_figure");
  }

  List<Map<Field<?>, Object>> toTableRows(Row row, Problems warnings) {
    if (expander != null) {
      return expander.expand(row, warnings);
    }
    Map<Field<?>, Object> out = new LinkedHashMap<>(constants);
    for (Column c : columns) {
      if (c.target() != null) {
        out.put(c.target(), row.get(c.header()));
      }
    }
    return List.of(out);
  }

  static Column required(String header, Cell cell, Field<?> target) {
    return new Column(header, true, cell, target);
  }

  static Column optional(String header, Cell cell, Field<?> target) {
    return new Column(header, false, cell, target);
  }
}
