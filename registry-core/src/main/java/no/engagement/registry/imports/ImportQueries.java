package no.engagement.registry.imports;

import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.COUNTRY_ALIAS;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_ROLLUP;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_SERIES;
import static no.engagement.registry.jooq.Tables.FUNDING_PROGRAMME;
import static no.engagement.registry.jooq.Tables.IMPORT_BATCH;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.MISSION_SET_LABEL;
import static no.engagement.registry.jooq.Tables.ORGANISATION;
import static no.engagement.registry.jooq.Tables.PEACE_PROCESS;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE;
import static no.engagement.registry.jooq.Tables.REGION;
import static no.engagement.registry.jooq.Tables.SOURCE_DOCUMENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The import feature's only door to the database. */
@Repository
class ImportQueries {

  private static final int CHUNK = 1000;
  private final DSLContext dsl;

  ImportQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  DSLContext dsl() {
    return dsl;
  }

  Lookups lookups() {
    var l = new Lookups();
    dsl.select(COUNTRY.ISO3, COUNTRY.ISO2, COUNTRY.NAME_EN, COUNTRY.NAME_NB)
        .from(COUNTRY)
        .forEach(
            r -> {
              l.addCountryName(r.value1(), r.value1());
              l.addCountryName(r.value2(), r.value1());
              l.addCountryName(r.value3(), r.value1());
              l.addCountryName(r.value4(), r.value1());
            });
    dsl.select(COUNTRY_ALIAS.ALIAS, COUNTRY_ALIAS.ISO3)
        .from(COUNTRY_ALIAS)
        .forEach(r -> l.addCountryName(r.value1(), r.value2()));
    dsl.select(MISSION.ACRONYM, MISSION.ID)
        .from(MISSION)
        .forEach(r -> l.missions.put(Lookups.normaliseCode(r.value1()), r.value2()));
    dsl.select(ORGANISATION.CODE, ORGANISATION.ID)
        .from(ORGANISATION)
        .forEach(r -> l.organisations.put(r.value1(), r.value2()));
    dsl.select(SOURCE_DOCUMENT.CODE, SOURCE_DOCUMENT.ID)
        .from(SOURCE_DOCUMENT)
        .forEach(r -> l.sources.put(r.value1(), r.value2()));
    dsl.select(REGION.CODE).from(REGION).forEach(r -> l.regions.put(r.value1(), r.value1()));
    dsl.select(PEACE_PROCESS.CODE, PEACE_PROCESS.ID)
        .from(PEACE_PROCESS)
        .forEach(r -> l.processes.put(r.value1(), r.value2()));
    dsl.select(FUNDING_PROGRAMME.CODE, FUNDING_PROGRAMME.ID)
        .from(FUNDING_PROGRAMME)
        .forEach(r -> l.programmes.put(r.value1(), r.value2()));
    return l;
  }

  long insertBatch(ImportReport report, String user, Long sourceId) {
    return dsl.insertInto(IMPORT_BATCH)
        .set(IMPORT_BATCH.KIND, report.kind())
        .set(IMPORT_BATCH.FILE_NAME, report.fileName())
        .set(IMPORT_BATCH.SHA256, report.sha256())
        .set(IMPORT_BATCH.ENCODING, report.encoding())
        .set(IMPORT_BATCH.DELIMITER, String.valueOf(report.delimiter()))
        .set(IMPORT_BATCH.DECIMAL_MARK, String.valueOf(report.decimalMark()))
        .set(IMPORT_BATCH.IMPORTED_BY, user)
        .set(IMPORT_BATCH.STATUS, "committed")
        .set(IMPORT_BATCH.ROWS_READ, report.rowsRead())
        .set(IMPORT_BATCH.ROWS_INSERTED, 0)
        .set(IMPORT_BATCH.ROWS_UPDATED, 0)
        .set(IMPORT_BATCH.ROWS_UNCHANGED, 0)
        .set(IMPORT_BATCH.ROWS_DELETED, 0)
        .set(IMPORT_BATCH.SOURCE_ID, sourceId)
        .returning(IMPORT_BATCH.ID)
        .fetchOne()
        .getId();
  }

  /** Lifts the connection's statement timeout for the rest of this transaction only. */
  void withoutStatementTimeout() {
    dsl.query("set local statement_timeout = 0").execute();
  }

  void finishBatch(long batchId, int inserted) {
    dsl.update(IMPORT_BATCH)
        .set(IMPORT_BATCH.ROWS_INSERTED, inserted)
        .set(IMPORT_BATCH.FINISHED_AT, DSL.field("clock_timestamp()", OffsetDateTime.class))
        .where(IMPORT_BATCH.ID.eq(batchId))
        .execute();
  }

  /**
   * Keeps what is derived from the written table up to date, in the import's own transaction: the
   * deployment series, their roll-ups and the labels of their mission sets, which the screens read.
   */
  void afterWrite(Table<?> table) {
    if (table.equals(PERSONNEL_FIGURE)) {
      for (var derived : List.of(DEPLOYMENT_SERIES, DEPLOYMENT_ROLLUP, MISSION_SET_LABEL)) {
        dsl.query("refresh materialized view {0}", derived).execute();
        dsl.query("analyze {0}", derived).execute();
      }
    }
  }

  private static final no.engagement.registry.jooq.tables.ImportBatch REVERT =
      IMPORT_BATCH.as("revert");

  private org.jooq.SelectOnConditionStep<?> batchQuery() {
    var B = IMPORT_BATCH;
    return dsl.select(
            B.ID,
            B.KIND,
            B.FILE_NAME,
            B.SHA256,
            B.ENCODING,
            B.DELIMITER,
            B.DECIMAL_MARK,
            B.IMPORTED_BY,
            B.STARTED_AT,
            B.FINISHED_AT,
            B.STATUS,
            B.ROWS_READ,
            B.ROWS_INSERTED,
            B.ROWS_DELETED,
            B.REVERTS_BATCH_ID,
            REVERT.ID)
        .from(B)
        .leftJoin(REVERT)
        .on(REVERT.REVERTS_BATCH_ID.eq(B.ID));
  }

  private static ImportBatch batch(org.jooq.Record r) {
    return new ImportBatch(
        r.get(0, Long.class),
        r.get(1, String.class),
        r.get(2, String.class),
        r.get(3, String.class),
        r.get(4, String.class),
        r.get(5, String.class),
        r.get(6, String.class),
        r.get(7, String.class),
        r.get(8, OffsetDateTime.class),
        r.get(9, OffsetDateTime.class),
        r.get(10, String.class),
        r.get(11, Integer.class),
        r.get(12, Integer.class),
        r.get(13, Integer.class),
        r.get(14, Long.class),
        r.get(15, Long.class));
  }

  /** The newest batches first. */
  List<ImportBatch> batches(int limit) {
    return batchQuery().orderBy(IMPORT_BATCH.ID.desc()).limit(limit).fetch(ImportQueries::batch);
  }

  java.util.Optional<ImportBatch> batch(long id) {
    return batchQuery().where(IMPORT_BATCH.ID.eq(id)).fetchOptional(ImportQueries::batch);
  }

  /** Committed batches of this kind with the same file content. */
  List<ImportBatch> sameContent(String kind, String sha256) {
    return batchQuery()
        .where(IMPORT_BATCH.KIND.eq(kind))
        .and(IMPORT_BATCH.SHA256.eq(sha256))
        .and(IMPORT_BATCH.STATUS.eq("committed"))
        .and(IMPORT_BATCH.REVERTS_BATCH_ID.isNull())
        .orderBy(IMPORT_BATCH.ID)
        .fetch(ImportQueries::batch);
  }

  /** Locks the batch row: two reverts of one batch cannot both go ahead. */
  void lockBatch(long id) {
    dsl.selectOne().from(IMPORT_BATCH).where(IMPORT_BATCH.ID.eq(id)).forUpdate().execute();
  }

  /** Deletes the rows a batch wrote (rows that depend on them go by ON DELETE CASCADE, or fail). */
  int deleteBatchRows(Table<?> table, long batchId) {
    Field<Long> batch = table.field("batch_id", Long.class);
    return dsl.deleteFrom(table).where(batch.eq(batchId)).execute();
  }

  /** Marks {@code original} reverted and records the revert as a batch of its own. */
  long recordRevert(ImportBatch original, int deleted, String user) {
    dsl.update(IMPORT_BATCH)
        .set(IMPORT_BATCH.STATUS, "reverted")
        .where(IMPORT_BATCH.ID.eq(original.id()))
        .execute();
    return dsl.insertInto(IMPORT_BATCH)
        .set(IMPORT_BATCH.KIND, original.kind())
        .set(IMPORT_BATCH.FILE_NAME, original.fileName())
        .set(IMPORT_BATCH.SHA256, original.sha256())
        .set(IMPORT_BATCH.ENCODING, original.encoding())
        .set(IMPORT_BATCH.DELIMITER, original.delimiter())
        .set(IMPORT_BATCH.DECIMAL_MARK, original.decimalMark())
        .set(IMPORT_BATCH.IMPORTED_BY, user)
        .set(IMPORT_BATCH.STATUS, "committed")
        .set(IMPORT_BATCH.ROWS_READ, 0)
        .set(IMPORT_BATCH.ROWS_INSERTED, 0)
        .set(IMPORT_BATCH.ROWS_UPDATED, 0)
        .set(IMPORT_BATCH.ROWS_UNCHANGED, 0)
        .set(IMPORT_BATCH.ROWS_DELETED, deleted)
        .set(IMPORT_BATCH.REVERTS_BATCH_ID, original.id())
        .set(IMPORT_BATCH.FINISHED_AT, DSL.field("clock_timestamp()", OffsetDateTime.class))
        .returning(IMPORT_BATCH.ID)
        .fetchOne()
        .getId();
  }

  /** A row of a file whose natural key the table already holds, and the batch that wrote it. */
  record Present(int index, String batch) {}

  /**
   * The rows (by index in {@code rows}) whose natural key, the table's first unique key besides the
   * primary key, is already in the table: set-based, through a temporary table joined on the key
   * with IS NOT DISTINCT FROM (the keys treat nulls as equal).
   */
  List<Present> alreadyPresent(Table<?> table, List<Map<Field<?>, Object>> rows) {
    var key = table.getKeys().stream().filter(k -> !k.isPrimary()).findFirst().orElse(null);
    if (key == null || rows.isEmpty()) {
      return List.of();
    }
    List<? extends Field<?>> keyFields = key.getFields();
    var temp = DSL.table(DSL.name("import_key_check"));
    Field<Integer> index = DSL.field(DSL.name("import_key_check", "file_index"), Integer.class);
    dsl.query("drop table if exists import_key_check").execute();
    dsl.query(
            "create temporary table import_key_check on commit drop as"
                + " select {0}, 0 as file_index from {1} with no data",
            DSL.list(keyFields.stream().map(f -> DSL.field(DSL.name(f.getName()))).toList()), table)
        .execute();
    List<Field<?>> columns = new ArrayList<>();
    for (var f : keyFields) {
      columns.add(DSL.field(DSL.name(f.getName()), f.getDataType()));
    }
    columns.add(DSL.field(DSL.name("file_index"), Integer.class));
    for (int from = 0; from < rows.size(); from += CHUNK) {
      var insert = dsl.insertInto(temp, columns);
      for (int i = from; i < Math.min(rows.size(), from + CHUNK); i++) {
        List<Object> values = new ArrayList<>(columns.size());
        for (var f : keyFields) {
          values.add(f.getDataType().convert(rows.get(i).get(f)));
        }
        values.add(i);
        insert = insert.values(values);
      }
      ((org.jooq.Insert<?>) insert).execute();
    }
    var existing = table.as("existing");
    org.jooq.Condition on = DSL.trueCondition();
    for (var f : keyFields) {
      on =
          on.and(
              existing
                  .field(f.getName(), Object.class)
                  .isNotDistinctFrom(
                      DSL.field(DSL.name("import_key_check", f.getName()), Object.class)));
    }
    Field<Long> batch = existing.field("batch_id", Long.class);
    Field<Long> source = existing.field("source_id", Long.class);
    return dsl.select(
            index,
            batch == null ? DSL.inline((Long) null) : batch,
            source == null ? DSL.inline((Long) null) : source)
        .from(temp)
        .join(existing)
        .on(on)
        .orderBy(index)
        .fetch(
            r ->
                new Present(
                    r.value1(), r.value2() != null ? "#" + r.value2() : "source " + r.value3()));
  }

  boolean batchExists(String fileName, String user) {
    return dsl.fetchExists(
        IMPORT_BATCH, IMPORT_BATCH.FILE_NAME.eq(fileName).and(IMPORT_BATCH.IMPORTED_BY.eq(user)));
  }

  /** Inserts rows that all have the same columns, in multi-row statements of {@value CHUNK}. */
  int insertRows(Table<? extends TableRecord<?>> table, List<Map<Field<?>, Object>> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    List<Field<?>> fields = List.copyOf(rows.getFirst().keySet());
    int written = 0;
    for (int from = 0; from < rows.size(); from += CHUNK) {
      var insert = dsl.insertInto(table, fields);
      for (var row : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
        List<Object> values = new ArrayList<>(fields.size());
        for (Field<?> f : fields) {
          Object v = row.get(f);
          // a blank cell for a column with a default (e.g. "approximate") takes the default
          boolean useDefault =
              v == null && !f.getDataType().nullable() && f.getDataType().defaulted();
          values.add(useDefault ? DSL.defaultValue(f) : f.getDataType().convert(v));
        }
        insert = insert.values(values);
      }
      written += ((org.jooq.Insert<?>) insert).execute();
    }
    return written;
  }
}
