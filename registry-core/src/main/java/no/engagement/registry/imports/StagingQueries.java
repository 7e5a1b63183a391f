package no.engagement.registry.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.stereotype.Repository;

/**
 * The rows of one file in a temporary staging table, filled with COPY, and the set-based SQL that
 * checks them against the registry and merges them: duplicate keys, what is added, changed,
 * unchanged or removed, and the merge with its history ({@code import_change}) that a revert puts
 * back (ADR 0010). Identifiers in the SQL come from the generated schema classes; values are bound.
 */
@Repository
class StagingQueries {

  static final String STAGE = "import_stage";
  private static final String NEW_ROWS = "import_new_rows";

  private final DSLContext dsl;

  StagingQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * What a kind writes into its table.
   *
   * @param columns the table columns the kind fills (not the batch)
   * @param key the natural key among them
   * @param replaces what a re-import replaces, or null
   */
  record Target(
      Table<?> table, List<Field<?>> columns, List<Field<?>> key, ImportSpec.Replaces replaces) {

    List<Field<?>> values() {
      return columns.stream().filter(c -> !key.contains(c)).toList();
    }

    boolean hasBatch() {
      return table.field("batch_id") != null;
    }
  }

  /** Receives the table rows of a file, each with the record it comes from. */
  interface Sink {
    void add(CsvRecord record, Map<Field<?>, Object> row);
  }

  /** Writes the rows of a file to a sink. */
  interface Rows {
    void writeTo(Sink sink);
  }

  /** A row whose key an earlier row of the file already has. */
  record Duplicate(int row, long firstLine, long lastLine, int firstRow) {}

  /** Creates the staging table (dropped at commit) and fills it with COPY as the rows come. */
  void stage(Target target, Rows rows) {
    dsl.query("drop table if exists " + STAGE).execute();
    dsl.query(
            "create temporary table "
                + STAGE
                + " on commit drop as select 0::integer as file_row, 0::bigint as first_line,"
                + " 0::bigint as last_line, "
                + list(target.columns(), "t.")
                + " from "
                + name(target.table())
                + " t with no data")
        .execute();
    String copy =
        "copy "
            + STAGE
            + " ("
            + list(target.columns(), "")
            + ", file_row, first_line, last_line) from stdin";
    dsl.connection(
        c -> {
          var pg = c.unwrap(PGConnection.class);
          try (Writer out =
              new BufferedWriter(
                  new OutputStreamWriter(
                      new PGCopyOutputStream(pg, copy, 1 << 16), StandardCharsets.UTF_8),
                  1 << 16)) {
            StringBuilder line = new StringBuilder(256);
            rows.writeTo(
                (record, row) -> {
                  line.setLength(0);
                  for (var f : target.columns()) {
                    copyValue(line, f.getDataType().convert(row.get(f)));
                    line.append('\t');
                  }
                  line.append(record.row())
                      .append('\t')
                      .append(record.firstLine())
                      .append('\t')
                      .append(record.lastLine())
                      .append('\n');
                  try {
                    out.append(line);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
          }
        });
    dsl.query("analyze " + STAGE).execute();
  }

  /** Rows of the file whose natural key an earlier row has, in file order. */
  List<Duplicate> duplicates(Target target, int limit) {
    String key = list(target.key(), "");
    return dsl.resultQuery(
            "select distinct file_row, first_line, last_line, first_row from (select file_row,"
                + " first_line, last_line, min(file_row) over (partition by "
                + key
                + ") as first_row from "
                + STAGE
                + ") d where file_row <> first_row order by file_row limit ?",
            limit)
        .fetch(
            r ->
                new Duplicate(
                    r.get("file_row", Integer.class),
                    r.get("first_line", Long.class),
                    r.get("last_line", Long.class),
                    r.get("first_row", Integer.class)));
  }

  /**
   * What merging the staged rows would do.
   *
   * @param names for key columns holding ids: id → code, so a person can read the key
   */
  ImportDiff diff(Target target, Map<String, Map<String, String>> names) {
    var counts =
        dsl.resultQuery(
                "select count(*) filter (where t.ctid is null) as added, count(*) filter (where"
                    + " t.ctid is not null and "
                    + differs(target)
                    + ") as changed, count(*) filter (where t.ctid is not null and not "
                    + differs(target)
                    + ") as unchanged from "
                    + STAGE
                    + " s left join "
                    + name(target.table())
                    + " t on "
                    + matches(target))
            .fetchOne();
    long removed =
        target.replaces() == null
            ? 0
            : dsl.resultQuery(
                    "select count(*) as removed from "
                        + name(target.table())
                        + " t where "
                        + removed(target))
                .fetchSingle()
                .get("removed", Long.class);
    long changed = counts.get("changed", Long.class);
    return new ImportDiff(
        counts.get("added", Long.class),
        changed,
        counts.get("unchanged", Long.class),
        removed,
        changed == 0 ? List.of() : changes(target, names),
        removals(target, names, removed),
        target.replaces() == null ? List.of() : scope(target, names));
  }

  /** The values of what a complete file replaces ("source · year"), as people know them. */
  private List<String> scope(Target target, Map<String, Map<String, String>> names) {
    var by = target.replaces().by();
    return dsl.resultQuery(
            "select distinct "
                + by.stream().map(f -> name(f) + "::text").collect(Collectors.joining(", "))
                + " from "
                + STAGE
                + " order by "
                + java.util.stream.IntStream.rangeClosed(1, by.size())
                    .mapToObj(Integer::toString)
                    .collect(Collectors.joining(", ")))
        .fetch(
            r -> {
              List<String> parts = new ArrayList<>();
              for (int i = 0; i < by.size(); i++) {
                parts.add(shown(names, by.get(i), String.valueOf(r.get(i, String.class))));
              }
              return String.join(" \u00b7 ", parts);
            });
  }

  /**
   * For a table whose key includes the source: how many of the staged rows another source already
   * states (the same key but the source), by that source's code. Two sources of one fact are
   * averaged on the screens, so a file that repeats another source's figures is worth a warning.
   */
  Map<String, Long> repeatsOfOtherSources(Target target, Map<String, Map<String, String>> names) {
    Field<?> source = target.table().field("source_id");
    if (source == null || !target.key().contains(source)) {
      return Map.of();
    }
    List<Field<?>> rest = target.key().stream().filter(f -> !f.equals(source)).toList();
    Map<String, Long> out = new LinkedHashMap<>();
    dsl.resultQuery(
            "select t.source_id::text as source, count(*) as repeats from "
                + STAGE
                + " s join "
                + name(target.table())
                + " t on "
                + same("s", "t", rest)
                + " and t.source_id is distinct from s.source_id group by 1 order by 2 desc, 1")
        .forEach(
            r -> {
              String code = shown(names, source, r.get("source", String.class));
              out.put(code == null ? "\u2014" : code, r.get("repeats", Long.class));
            });
    return out;
  }

  private List<RowChange> changes(Target target, Map<String, Map<String, String>> names) {
    List<String> select = new ArrayList<>();
    for (var k : target.key()) {
      select.add("t." + name(k) + "::text as " + alias("key", k));
    }
    for (var v : target.values()) {
      select.add("t." + name(v) + "::text as " + alias("before", v));
      select.add("(" + staged(v) + ")::text as " + alias("after", v));
    }
    return dsl.resultQuery(
            "select s.file_row, s.first_line, s.last_line, "
                + String.join(", ", select)
                + " from "
                + STAGE
                + " s join "
                + name(target.table())
                + " t on "
                + matches(target)
                + " where "
                + differs(target)
                + " order by s.file_row limit ?",
            ImportDiff.LISTED)
        .fetch(
            r -> {
              List<String> key = new ArrayList<>();
              for (var k : target.key()) {
                key.add(text(r, "key", k));
              }
              List<RowChange.ColumnChange> columns = new ArrayList<>();
              for (var v : target.values()) {
                String before = text(r, "before", v);
                String after = text(r, "after", v);
                if (!Objects.equals(before, after)) {
                  columns.add(
                      new RowChange.ColumnChange(
                          v.getName(), shown(names, v, before), shown(names, v, after)));
                }
              }
              return new RowChange(
                  r.get("file_row", Integer.class),
                  r.get("first_line", Long.class),
                  r.get("last_line", Long.class),
                  keyText(target, names, key),
                  columns);
            });
  }

  private List<RowChange> removals(
      Target target, Map<String, Map<String, String>> names, long removed) {
    if (removed == 0) {
      return List.of();
    }
    List<String> select = new ArrayList<>();
    for (var c : target.columns()) {
      select.add("t." + name(c) + "::text as " + alias("removed", c));
    }
    return dsl.resultQuery(
            "select "
                + String.join(", ", select)
                + " from "
                + name(target.table())
                + " t where "
                + removed(target)
                + " order by "
                + list(target.key(), "t.")
                + " limit ?",
            ImportDiff.LISTED)
        .fetch(r -> removedRow(target, names, r));
  }

  private RowChange removedRow(Target target, Map<String, Map<String, String>> names, Record r) {
    Map<String, String> row = new LinkedHashMap<>();
    for (var c : target.columns()) {
      row.put(c.getName(), text(r, "removed", c));
    }
    return removedRow(target, names, row);
  }

  private static RowChange removedRow(
      Target target, Map<String, Map<String, String>> names, Map<String, String> row) {
    List<String> key = target.key().stream().map(k -> row.get(k.getName())).toList();
    List<RowChange.ColumnChange> columns = new ArrayList<>();
    for (var v : target.values()) {
      String before = row.get(v.getName());
      if (before != null) {
        columns.add(new RowChange.ColumnChange(v.getName(), shown(names, v, before), null));
      }
    }
    return new RowChange(0, 0, 0, keyText(target, names, key), columns);
  }

  /** What a merge did. */
  record Merged(int added, int changed, int removed) {}

  /**
   * Merges the staged rows into the table as batch {@code batchId}: records the rows it changes and
   * removes in {@code import_change}, then removes, changes and adds.
   */
  Merged merge(Target target, long batchId, ImportDiff diff) {
    String table = name(target.table());
    boolean anyMatch = diff.changed() + diff.unchanged() > 0;
    // the rows to add, set aside before the table changes (a statement that inserts into the table
    // while it probes the same table for each row can turn quadratic); all of them when none
    // matched
    List<String> values =
        target.columns().stream()
            .map(c -> staged(c) + " as " + name(c))
            .collect(Collectors.toList());
    if (anyMatch && diff.added() > 0) {
      dsl.query("drop table if exists " + NEW_ROWS).execute();
      dsl.query(
              "create temporary table "
                  + NEW_ROWS
                  + " on commit drop as select "
                  + String.join(", ", values)
                  + " from "
                  + STAGE
                  + " s where not exists (select 1 from "
                  + table
                  + " t where "
                  + matches(target)
                  + ")")
          .execute();
    }
    String batchOf = target.hasBatch() ? "t.batch_id" : "null::bigint";
    List<String> newValues = new ArrayList<>();
    for (var v : target.values()) {
      newValues.add("'" + v.getName() + "'");
      newValues.add(staged(v));
    }
    if (target.hasBatch()) {
      newValues.add("'batch_id'");
      newValues.add("?::bigint");
    }
    String newRow =
        newValues.isEmpty()
            ? "to_jsonb(t)"
            : "to_jsonb(t) || jsonb_build_object(" + String.join(", ", newValues) + ")";
    List<Object> binds = new ArrayList<>(List.of(batchId, target.table().getName()));
    if (target.hasBatch()) {
      binds.add(batchId);
    }
    if (diff.changed() > 0) {
      dsl.query(
              "insert into import_change (batch_id, table_name, op, old_batch_id, old_row, new_row)"
                  + " select ?, ?, 'changed', "
                  + batchOf
                  + ", to_jsonb(t), "
                  + newRow
                  + " from "
                  + STAGE
                  + " s join "
                  + table
                  + " t on "
                  + matches(target)
                  + " where "
                  + differs(target),
              binds.toArray())
          .execute();
    }
    int removed = 0;
    if (target.replaces() != null && diff.removed() > 0) {
      dsl.query(
              "insert into import_change (batch_id, table_name, op, old_batch_id, old_row)"
                  + " select ?, ?, 'removed', "
                  + batchOf
                  + ", to_jsonb(t) from "
                  + table
                  + " t where "
                  + removed(target),
              batchId,
              target.table().getName())
          .execute();
      removed = dsl.query("delete from " + table + " t where " + removed(target)).execute();
    }
    List<String> set = new ArrayList<>();
    for (var v : target.values()) {
      set.add(name(v) + " = " + staged(v));
    }
    if (target.hasBatch()) {
      set.add("batch_id = ?");
    }
    int changed = 0;
    if (diff.changed() > 0 && !set.isEmpty()) {
      String update =
          "update "
              + table
              + " t set "
              + String.join(", ", set)
              + " from "
              + STAGE
              + " s where "
              + matches(target)
              + " and "
              + differs(target);
      changed =
          target.hasBatch() ? dsl.query(update, batchId).execute() : dsl.query(update).execute();
    }
    String columns = list(target.columns(), "");
    String insert =
        "insert into "
            + table
            + " ("
            + columns
            + (target.hasBatch() ? ", batch_id" : "")
            + ") select "
            + (anyMatch ? columns : String.join(", ", values))
            + (target.hasBatch() ? ", ?::bigint" : "")
            + " from "
            + (anyMatch ? NEW_ROWS : STAGE + " s");
    int added = 0;
    if (diff.added() > 0) {
      added =
          target.hasBatch() ? dsl.query(insert, batchId).execute() : dsl.query(insert).execute();
    }
    return new Merged(added, changed, removed);
  }

  /** The rows a batch changed or removed, from its history, the first {@link ImportDiff#LISTED}. */
  List<RowChange> history(Target target, long batchId, Map<String, Map<String, String>> names) {
    Map<Long, Map<String, String[]>> changes = new LinkedHashMap<>();
    Map<Long, String> ops = new LinkedHashMap<>();
    dsl.resultQuery(
            "select c.id, c.op, o.key as name, o.value as before, c.new_row ->> o.key as after"
                + " from (select * from"
                + " import_change where batch_id = ? order by id limit ?) c cross join lateral"
                + " jsonb_each_text(c.old_row) o order by c.id",
            batchId,
            ImportDiff.LISTED)
        .forEach(
            r -> {
              long id = r.get("id", Long.class);
              ops.put(id, r.get("op", String.class));
              changes
                  .computeIfAbsent(id, x -> new LinkedHashMap<>())
                  .put(
                      r.get("name", String.class),
                      new String[] {r.get("before", String.class), r.get("after", String.class)});
            });
    List<RowChange> out = new ArrayList<>();
    for (var e : changes.entrySet()) {
      var row = e.getValue();
      if ("removed".equals(ops.get(e.getKey()))) {
        Map<String, String> old = new LinkedHashMap<>();
        row.forEach((k, v) -> old.put(k, v[0]));
        out.add(removedRow(target, names, old));
        continue;
      }
      List<String> key =
          target.key().stream().map(k -> row.getOrDefault(k.getName(), new String[2])[0]).toList();
      List<RowChange.ColumnChange> columns = new ArrayList<>();
      for (var v : target.values()) {
        String[] pair = row.getOrDefault(v.getName(), new String[2]);
        if (!sameJsonText(pair[0], pair[1])) {
          columns.add(
              new RowChange.ColumnChange(
                  v.getName(), shown(names, v, pair[0]), shown(names, v, pair[1])));
        }
      }
      out.add(new RowChange(0, 0, 0, keyText(target, names, key), columns));
    }
    return out;
  }

  private static boolean sameJsonText(String a, String b) {
    if (Objects.equals(a, b)) {
      return true;
    }
    try {
      return a != null && b != null && new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String keyText(
      Target target, Map<String, Map<String, String>> names, List<String> values) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < target.key().size(); i++) {
      String v = values.get(i);
      if (v != null) {
        parts.add(shown(names, target.key().get(i), v));
      }
    }
    return String.join(" \u00b7 ", parts);
  }

  private static String shown(Map<String, Map<String, String>> names, Field<?> f, String value) {
    if (value == null) {
      return null;
    }
    var byId = names.get(f.getName());
    return byId == null ? value : byId.getOrDefault(value, value);
  }

  /** The column {@code c}'s value read as text under the alias of {@link #alias}. */
  private static String text(Record r, String role, Field<?> c) {
    return r.get(role + ":" + c.getName(), String.class);
  }

  /** "role:column", quoted: a name for one role of a column in a query's result. */
  private static String alias(String role, Field<?> c) {
    return DSL.quotedName(role + ":" + c.getName()).toString();
  }

  /** Table rows in scope of the file's replacement that the file does not have. */
  private static String removed(Target target) {
    var replaces = target.replaces();
    String scope = same("sc", "t", replaces.by());
    return replaces.present().stream()
            .map(f -> "t." + name(f) + " is not null and ")
            .collect(Collectors.joining())
        + "exists (select 1 from (select distinct "
        + list(replaces.by(), "")
        + " from "
        + STAGE
        + ") sc where "
        + scope
        + ") and not exists (select 1 from "
        + STAGE
        + " s where "
        + matches(target)
        + ")";
  }

  /**
   * The natural key of s (staged) and t (table) is the same. The keys treat nulls as equal; a
   * nullable column is compared through a stand-in for null of its own type, plus a null flag (so a
   * value equal to the stand-in still differs from null), so the join can hash: {@code IS NOT
   * DISTINCT FROM} cannot, and text casts or a merge join sorting a million rows are slow.
   */
  static String matches(Target target) {
    return same("s", "t", target.key());
  }

  /** Rows {@code a} and {@code b} have the same values in {@code fields}, nulls equal. */
  static String same(String a, String b, List<Field<?>> fields) {
    List<String> parts = new ArrayList<>();
    for (var k : fields) {
      String n = name(k);
      String standIn = standIn(k);
      if (k.getDataType().nullable() && standIn == null) {
        parts.add(a + "." + n + " is not distinct from " + b + "." + n);
      } else if (k.getDataType().nullable()) {
        parts.add(
            "coalesce("
                + a
                + "."
                + n
                + ", "
                + standIn
                + ") = coalesce("
                + b
                + "."
                + n
                + ", "
                + standIn
                + ")");
        parts.add("(" + a + "." + n + " is null) = (" + b + "." + n + " is null)");
      } else {
        parts.add(a + "." + n + " = " + b + "." + n);
      }
    }
    return String.join(" and ", parts);
  }

  private static String standIn(Field<?> f) {
    Class<?> type = f.getType();
    if (Number.class.isAssignableFrom(type)) {
      return "-1";
    }
    if (type == java.time.LocalDate.class) {
      return "'-infinity'::date";
    }
    if (type == String.class) {
      return "''";
    }
    return null; // no stand-in: compared with IS NOT DISTINCT FROM (filters, cannot hash)
  }

  /** A staged row differs from the table row with its key in a column the kind writes. */
  private static String differs(Target target) {
    var values = target.values();
    if (values.isEmpty()) {
      return "false";
    }
    return "(("
        + values.stream().map(StagingQueries::staged).collect(Collectors.joining(", "))
        + ") is distinct from ("
        + list(values, "t.")
        + "))";
  }

  /** A staged column as written: blank cells of columns with a default take the default. */
  static String staged(Field<?> f) {
    var type = f.getDataType();
    if (!type.nullable() && type.defaulted() && type.defaultValue() != null) {
      return "coalesce(s."
          + name(f)
          + ", "
          + DSL.using(org.jooq.SQLDialect.POSTGRES).renderInlined(type.defaultValue())
          + ")";
    }
    return "s." + name(f);
  }

  private static String list(List<Field<?>> fields, String prefix) {
    return fields.stream().map(f -> prefix + name(f)).collect(Collectors.joining(", "));
  }

  static String name(Field<?> f) {
    return "\"" + f.getName() + "\"";
  }

  static String name(Table<?> t) {
    return "\"" + t.getName() + "\"";
  }

  /** A value in COPY's text format. */
  private static void copyValue(StringBuilder out, Object v) {
    if (v == null) {
      out.append("\\N");
      return;
    }
    String s =
        switch (v) {
          case EnumType e -> e.getLiteral();
          case BigDecimal b -> b.toPlainString();
          case Boolean b -> b ? "t" : "f";
          default -> v.toString();
        };
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
  }
}
