package no.engagement.registry.changes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * The change feeds' door to the database: import batches with their counts, and the rows a batch
 * added, changed or removed (from {@code import_change}, and the rows that still carry the batch).
 */
@Repository
class ChangeQueries {

  /** What a feed is about: a mission (by id), a country (by ISO3) or a peace process (by id). */
  enum About {
    MISSION,
    COUNTRY,
    PROCESS
  }

  /** How a personnel figure reads in a feed: "NOR · MINUSMA · 2019 · troops · total · …". */
  private static final String FIGURE_SUBJECT =
      "concat_ws(' \u00b7 ', %1$s->>'contributor_iso3',"
          + " (select acronym from mission where id = (%1$s->>'mission_id')::bigint),"
          + " %1$s->>'year', %1$s->>'period_start', %1$s->>'personnel_type', %1$s->>'gender',"
          + " %1$s->>'basis',"
          + " (select code from source_document where id = (%1$s->>'source_id')::bigint))";

  private static final String SUBJECT =
      "case %2$s when 'personnel_figure' then "
          + FIGURE_SUBJECT
          + " else concat_ws(' \u00b7 ', coalesce(%1$s->>'acronym', %1$s->>'code',"
          + " %1$s->>'actor_iso3', %1$s->>'party_iso3', %1$s->>'iso3', %1$s->>'id'),"
          + " %1$s->>'role', %1$s->>'occurred_on', %1$s->>'kind') end";

  /** Whether the row {@code %1$s} of table {@code %2$s} is about the subject {@code k}. */
  private static final Map<About, String> ABOUT =
      Map.of(
          About.MISSION,
          "((%2$s in ('personnel_figure', 'mission_host') and (%1$s->>'mission_id')::bigint = k.id)"
              + " or (%2$s = 'mission' and (%1$s->>'id')::bigint = k.id)"
              + " or (%2$s = 'personnel_figure' and exists (select 1 from personnel_figure_mission"
              + " pm where pm.figure_id = (%1$s->>'id')::bigint and pm.mission_id = k.id)))",
          About.COUNTRY,
          "((%2$s = 'personnel_figure' and %1$s->>'contributor_iso3' = k.code)"
              + " or (%2$s in ('country', 'mission_host') and %1$s->>'iso3' = k.code))",
          About.PROCESS,
          "((%2$s = 'peace_process' and (%1$s->>'id')::bigint = k.id)"
              + " or (%2$s in ('facilitator_role', 'peace_process_party',"
              + " 'peace_process_milestone') and (%1$s->>'process_id')::bigint = k.id))");

  /** The tables a subject's rows live in, with an id (so that added rows can be told apart). */
  private static final Map<About, List<String>> TABLES =
      Map.of(
          About.MISSION, List.of("personnel_figure", "mission"),
          About.COUNTRY, List.of("personnel_figure"),
          About.PROCESS,
              List.of(
                  "peace_process",
                  "facilitator_role",
                  "peace_process_party",
                  "peace_process_milestone"));

  /** A row's edit, from the change (or added row) {@code n}: its subject and its columns. */
  private static final String EDIT_COLUMNS =
      "n.table_name, n.op, ("
          + SUBJECT.formatted("coalesce(n.new_row, n.old_row)", "n.table_name")
          + ") as subject, (select coalesce(jsonb_agg(jsonb_build_object('name',"
          + " coalesce(o.key, w.key), 'before', o.value, 'after', w.value)"
          + " order by coalesce(o.key, w.key)), '[]'::jsonb)"
          + " from jsonb_each_text(coalesce(n.old_row, '{}'::jsonb)) o"
          + " full join jsonb_each_text(coalesce(n.new_row, '{}'::jsonb)) w on w.key = o.key"
          + " where case when n.op = 'changed' then coalesce(o.key, w.key) <> 'batch_id'"
          + " and o.value is distinct from w.value"
          + " else n.table_name = 'personnel_figure' and coalesce(o.key, w.key) = 'count' end)"
          + " as columns";

  private static final String BATCH_COLUMNS =
      "b.id, b.kind, coalesce(b.finished_at, b.started_at) as at, b.status, b.reverts_batch_id,"
          + " (select r.id from import_batch r where r.reverts_batch_id = b.id) as reverted_by";

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private final DSLContext dsl;

  ChangeQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The newest batches, newest first, with their counts and no edits. */
  List<Change> batches(int limit) {
    return dsl.resultQuery(
            "select "
                + BATCH_COLUMNS
                + ", b.rows_inserted, b.rows_updated, b.rows_deleted from import_batch b"
                + " where b.status in ('committed', 'reverted') order by b.id desc limit ?",
            limit)
        .fetch(
            r ->
                change(
                    r,
                    r.get("rows_inserted", Long.class),
                    r.get("rows_updated", Long.class),
                    r.get("rows_deleted", Long.class),
                    List.of()));
  }

  /** One batch with its counts and the rows it changed or removed (the first {@code edits}). */
  Optional<Change> batch(long id, int edits) {
    var batch =
        dsl.resultQuery(
                "select "
                    + BATCH_COLUMNS
                    + ", b.rows_inserted, b.rows_updated, b.rows_deleted from import_batch b"
                    + " where b.id = ? and b.status in ('committed', 'reverted')",
                id)
            .fetchOptional();
    if (batch.isEmpty()) {
      return Optional.empty();
    }
    var r = batch.get();
    var rows =
        dsl.resultQuery(
                "select "
                    + EDIT_COLUMNS
                    + " from import_change n where n.batch_id = ?"
                    + " order by n.id limit ?",
                id,
                edits)
            .fetch(this::edit);
    return Optional.of(
        change(
            r,
            r.get("rows_inserted", Long.class),
            r.get("rows_updated", Long.class),
            r.get("rows_deleted", Long.class),
            rows));
  }

  /** Whether the registry has a country of this ISO 3166 alpha-3 code. */
  boolean countryExists(String iso3) {
    return dsl.resultQuery("select 1 from country where iso3 = ?", iso3)
        .fetchOptional()
        .isPresent();
  }

  /** The id of a mission by its acronym, or of a peace process by its code. */
  Optional<Long> id(About about, String code) {
    String sql =
        about == About.MISSION
            ? "select id from mission where upper(acronym) = upper(?)"
            : "select id from peace_process where code = ?";
    return dsl.resultQuery(sql, code).fetchOptional(r -> r.get("id", Long.class));
  }

  /**
   * The newest {@code limit} batches that added, changed or removed rows about a subject, each with
   * those rows (the first {@code edits} of each) and their counts.
   */
  List<Change> about(About about, Long id, String code, int limit, int edits) {
    String predicateOld = ABOUT.get(about).formatted("c.old_row", "c.table_name");
    String predicateNew = ABOUT.get(about).formatted("c.new_row", "c.table_name");
    var union = new StringBuilder();
    union.append(
        "select c.id as change_id, c.batch_id, c.table_name, c.op, c.old_row, c.new_row"
            + " from import_change c, k where "
            + predicateOld
            + " or (c.new_row is not null and "
            + predicateNew
            + ")");
    for (String table : TABLES.get(about)) {
      union.append(
          " union all select null, t.batch_id, '%1$s', 'added', null, to_jsonb(t) from %1$s t, k"
                  .formatted(table)
              + " where t.batch_id is not null and "
              + ABOUT.get(about).formatted("to_jsonb(t)", "'" + table + "'")
              + " and not exists (select 1 from import_change c where c.batch_id = t.batch_id"
              + " and c.table_name = '%s' and c.op = 'changed'".formatted(table)
              + " and (c.old_row->>'id')::bigint = t.id)");
    }
    String sql =
        "with k as (select ?::bigint as id, ?::text as code), e as ("
            + union
            + "), recent as (select batch_id from e group by batch_id order by batch_id desc limit ?),"
            + " n as (select e.*, row_number() over (partition by e.batch_id order by"
            + " e.change_id nulls last, e.new_row->>'id') as nth,"
            + " count(*) filter (where op = 'added') over (partition by e.batch_id) as added,"
            + " count(*) filter (where op = 'changed') over (partition by e.batch_id) as changed,"
            + " count(*) filter (where op = 'removed') over (partition by e.batch_id) as removed"
            + " from e join recent using (batch_id))"
            + " select "
            + BATCH_COLUMNS
            + ", n.added, n.changed, n.removed, "
            + EDIT_COLUMNS
            + " from n join import_batch b on b.id = n.batch_id where n.nth <= ?"
            + " order by b.id desc, n.nth";
    var out = new LinkedHashMap<Long, Change>();
    var rows = new LinkedHashMap<Long, List<Record>>();
    for (var r : dsl.resultQuery(sql, id, code, limit, edits).fetch()) {
      long batch = r.get("id", Long.class);
      out.putIfAbsent(
          batch,
          change(
              r,
              r.get("added", Long.class),
              r.get("changed", Long.class),
              r.get("removed", Long.class),
              List.of()));
      rows.computeIfAbsent(batch, b -> new ArrayList<>()).add(r);
    }
    var result = new ArrayList<Change>();
    out.forEach(
        (batch, c) ->
            result.add(
                new Change(
                    c.batch(),
                    c.kind(),
                    c.at(),
                    c.status(),
                    c.reverts(),
                    c.revertedBy(),
                    c.added(),
                    c.changed(),
                    c.removed(),
                    rows.get(batch).stream().map(this::edit).toList())));
    return result;
  }

  private static Change change(
      Record r, Long added, Long changed, Long removed, List<Change.Edit> edits) {
    return new Change(
        r.get("id", Long.class),
        r.get("kind", String.class),
        r.get("at", OffsetDateTime.class),
        r.get("status", String.class),
        r.get("reverts_batch_id", Long.class),
        r.get("reverted_by", Long.class),
        added,
        changed,
        removed,
        edits);
  }

  /** One row's edit: its subject in words and its columns before and after. */
  private Change.Edit edit(Record r) {
    var columns = new ArrayList<Change.Column>();
    for (var c : JSON.readTree(r.get("columns", String.class))) {
      columns.add(
          new Change.Column(
              c.path("name").asString(),
              c.path("before").isNull() ? null : c.path("before").asString(),
              c.path("after").isNull() ? null : c.path("after").asString()));
    }
    return new Change.Edit(
        r.get("table_name", String.class),
        r.get("op", String.class),
        r.get("subject", String.class),
        List.copyOf(columns));
  }
}
