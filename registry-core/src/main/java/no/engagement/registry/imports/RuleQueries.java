package no.engagement.registry.imports;

import static no.engagement.registry.imports.StagingQueries.STAGE;
import static no.engagement.registry.imports.StagingQueries.matches;
import static no.engagement.registry.imports.StagingQueries.name;
import static no.engagement.registry.imports.StagingQueries.same;
import static no.engagement.registry.imports.StagingQueries.staged;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The rules the database enforces on a table, read from its catalog (check constraints, NOT NULL
 * columns, unique constraints), checked against the staged rows of a file before anything is
 * written: every row that breaks one is reported, by row, lines and column, so a dry run finds what
 * the commit would be refused for. Foreign keys need no check here: every column that refers to
 * another table is filled by looking its code up (an unknown code is an error of its cell).
 */
@Repository
class RuleQueries {

  /** A check constraint: its name, its definition and the columns it reads. */
  record Check(String name, String definition, String expression, List<String> columns) {}

  /** A unique constraint (or primary key) over {@code columns}. */
  record Unique(String name, List<String> columns, boolean nullsNotDistinct) {}

  /** A column of the table: its SQL type, whether NOT NULL, its default and identity. */
  record Column(String name, String type, boolean notNull, String defaultValue, boolean identity) {}

  /** The rules of one table. */
  record Rules(List<Column> columns, List<Check> checks, List<Unique> uniques) {}

  /** A rule a staged row breaks. */
  record Violation(int row, long firstLine, long lastLine, String rule, List<String> columns) {}

  private final DSLContext dsl;
  private final Map<String, Rules> cache = new ConcurrentHashMap<>();

  RuleQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The rules of {@code table}, read once (the schema does not change while the registry runs). */
  Rules rules(Table<?> table) {
    return cache.computeIfAbsent(table.getName(), this::load);
  }

  private Rules load(String table) {
    var columns =
        dsl.resultQuery(
                "select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,"
                    + " a.attnotnull as not_null, pg_get_expr(d.adbin, d.adrelid) as default_value,"
                    + " a.attidentity <> '' as identity from pg_attribute a"
                    + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
                    + " where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped"
                    + " order by a.attnum",
                table)
            .fetch(
                r ->
                    new Column(
                        r.get("name", String.class),
                        r.get("type", String.class),
                        r.get("not_null", Boolean.class),
                        r.get("default_value", String.class),
                        r.get("identity", Boolean.class)));
    var checks =
        dsl.resultQuery(
                "select c.conname as name, pg_get_constraintdef(c.oid) as definition,"
                    + " pg_get_expr(c.conbin, c.conrelid) as expression, array(select a.attname::text from unnest(c.conkey) k(n) join pg_attribute a"
                    + " on a.attrelid = c.conrelid and a.attnum = k.n order by a.attnum) as columns"
                    + " from pg_constraint c where c.conrelid = ?::regclass and c.contype = 'c'"
                    + " order by c.conname",
                table)
            .fetch(
                r ->
                    new Check(
                        r.get("name", String.class),
                        r.get("definition", String.class),
                        r.get("expression", String.class),
                        Arrays.asList(r.get("columns", String[].class))));
    var uniques =
        dsl.resultQuery(
                "select c.conname as name, array(select a.attname::text from unnest(c.conkey) with"
                    + " ordinality k(n, o) join pg_attribute a on a.attrelid = c.conrelid and"
                    + " a.attnum = k.n order by k.o) as columns, i.indnullsnotdistinct as nulls_not_distinct"
                    + " from pg_constraint c"
                    + " join pg_index i on i.indexrelid = c.conindid where c.conrelid = ?::regclass"
                    + " and c.contype in ('u', 'p') order by c.conname",
                table)
            .fetch(
                r ->
                    new Unique(
                        r.get("name", String.class),
                        Arrays.asList(r.get("columns", String[].class)),
                        r.get("nulls_not_distinct", Boolean.class)));
    return new Rules(columns, checks, uniques);
  }

  /**
   * The staged rows that break a rule of the table, at most {@code limit}, in file order. Each row
   * is checked as it would be written: the file's values, the stored values of the columns the file
   * does not write (for a row it changes) or their defaults (for a row it adds).
   */
  List<Violation> violations(StagingQueries.Target target, int limit) {
    Rules rules = rules(target.table());
    Set<String> staged = new HashSet<>();
    target.columns().forEach(f -> staged.add(f.getName()));
    boolean joined =
        rules.columns().stream()
            .anyMatch(
                c -> !c.identity() && !c.name().equals("batch_id") && !staged.contains(c.name()));
    List<String> select = new ArrayList<>(List.of("s.file_row", "s.first_line", "s.last_line"));
    Map<String, Field<?>> fields =
        target.columns().stream().collect(Collectors.toMap(Field::getName, Function.identity()));
    for (var c : rules.columns()) {
      String q = "\"" + c.name() + "\"";
      String value;
      if (staged.contains(c.name())) {
        value = staged(fields.get(c.name()));
      } else if (c.name().equals("batch_id")) {
        value = "0::bigint"; // every written row has its batch
      } else if (c.identity() || c.defaultValue() == null || c.defaultValue().contains("nextval")) {
        value = joined ? "t." + q : "null::" + c.type();
      } else {
        String byDefault = "(" + c.defaultValue() + ")::" + c.type();
        value =
            joined
                ? "case when t.ctid is null then " + byDefault + " else t." + q + " end"
                : byDefault;
      }
      select.add(value + " as " + q);
    }
    String merged =
        "(select "
            + String.join(", ", select)
            + " from "
            + STAGE
            + " s"
            + (joined ? " left join " + name(target.table()) + " t on " + matches(target) : "")
            + ") m";
    List<String> tests = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<List<String>> reads = new ArrayList<>();
    for (var check : rules.checks()) {
      tests.add("not coalesce((" + check.expression() + "), true)");
      names.add(check.name());
      reads.add(check.columns());
    }
    for (var c : rules.columns()) {
      if (c.notNull() && !c.identity()) {
        tests.add("m.\"" + c.name() + "\" is null");
        names.add("not_null:" + c.name());
        reads.add(List.of(c.name()));
      }
    }
    List<Violation> out = new ArrayList<>();
    if (!tests.isEmpty()) {
      List<String> flags = new ArrayList<>();
      for (int i = 0; i < tests.size(); i++) {
        flags.add("(" + tests.get(i) + ")");
      }
      dsl.resultQuery(
              "select m.file_row, m.first_line, m.last_line, array["
                  + String.join(", ", flags)
                  + "] as broken from "
                  + merged
                  + " where "
                  + String.join(" or ", flags)
                  + " order by m.file_row limit ?",
              limit)
          .forEach(
              r -> {
                Boolean[] broken = r.get("broken", Boolean[].class);
                for (int i = 0; i < broken.length; i++) {
                  if (Boolean.TRUE.equals(broken[i])) {
                    out.add(
                        new Violation(
                            r.get("file_row", Integer.class),
                            r.get("first_line", Long.class),
                            r.get("last_line", Long.class),
                            names.get(i),
                            reads.get(i)));
                  }
                }
              });
    }
    Set<String> key = new HashSet<>();
    target.key().forEach(f -> key.add(f.getName()));
    for (var unique : rules.uniques()) {
      boolean generated =
          unique.columns().stream()
              .anyMatch(
                  n -> rules.columns().stream().anyMatch(c -> c.name().equals(n) && c.identity()));
      if (generated || new HashSet<>(unique.columns()).equals(key)) {
        continue; // a new id each; the natural key's repeats are reported as duplicate keys
      }
      out.addAll(uniqueViolations(target, merged, unique, fields, limit));
    }
    out.sort(java.util.Comparator.comparingInt(Violation::row));
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  private List<Violation> uniqueViolations(
      StagingQueries.Target target,
      String merged,
      Unique unique,
      Map<String, Field<?>> fields,
      int limit) {
    String cols =
        unique.columns().stream().map(c -> "m.\"" + c + "\"").collect(Collectors.joining(", "));
    String present =
        unique.nullsNotDistinct()
            ? "true"
            : unique.columns().stream()
                .map(c -> "m.\"" + c + "\" is not null")
                .collect(Collectors.joining(" and "));
    List<Field<?>> uniqueFields = new ArrayList<>();
    for (String c : unique.columns()) {
      Field<?> f = fields.get(c);
      if (f == null) {
        f = target.table().field(c);
      }
      uniqueFields.add(f);
    }
    String sql =
        "select file_row, first_line, last_line from (select m.file_row, m.first_line,"
            + " m.last_line, min(m.file_row) over (partition by "
            + cols
            + ") as first_row, exists (select 1 from "
            + name(target.table())
            + " t where "
            + same("m", "t", uniqueFields)
            + " and not ("
            + same("m", "t", target.key())
            + ")) as taken from "
            + merged
            + " where "
            + present
            + ") d where file_row <> first_row or taken order by file_row limit ?";
    return dsl.resultQuery(sql, limit)
        .fetch(
            r ->
                new Violation(
                    r.get("file_row", Integer.class),
                    r.get("first_line", Long.class),
                    r.get("last_line", Long.class),
                    unique.name(),
                    unique.columns()));
  }

  /** The columns of a constraint, by its name (for a refusal the database reports itself). */
  List<String> columnsOf(Table<?> table, String constraint) {
    Rules rules = rules(table);
    for (var c : rules.checks()) {
      if (c.name().equals(constraint)) {
        return c.columns();
      }
    }
    for (var u : rules.uniques()) {
      if (u.name().equals(constraint)) {
        return u.columns();
      }
    }
    return List.of();
  }

  /** The definition of a rule ("CHECK ((period_end >= period_start))"), for its message. */
  String definition(Table<?> table, String rule) {
    Rules rules = rules(table);
    if (rule.startsWith("not_null:")) {
      return rule.substring("not_null:".length()) + " NOT NULL";
    }
    for (var c : rules.checks()) {
      if (c.name().equals(rule)) {
        return c.definition();
      }
    }
    for (var u : rules.uniques()) {
      if (u.name().equals(rule)) {
        return (u.nullsNotDistinct() ? "UNIQUE NULLS NOT DISTINCT (" : "UNIQUE (")
            + String.join(", ", u.columns())
            + ")";
      }
    }
    return rule;
  }
}
