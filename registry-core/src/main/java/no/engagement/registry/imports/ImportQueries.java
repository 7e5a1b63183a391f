package no.engagement.registry.imports;

import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.COUNTRY_ALIAS;
import static no.engagement.registry.jooq.Tables.DATA_VERSION;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_ROLLUP;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_SERIES;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_SOURCE_SERIES;
import static no.engagement.registry.jooq.Tables.FIGURE_FLAG;
import static no.engagement.registry.jooq.Tables.FUNDING_PROGRAMME;
import static no.engagement.registry.jooq.Tables.IMPORT_BATCH;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.MISSION_ALIAS;
import static no.engagement.registry.jooq.Tables.MISSION_SET_LABEL;
import static no.engagement.registry.jooq.Tables.ORGANISATION;
import static no.engagement.registry.jooq.Tables.PEACE_PROCESS;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE;
import static no.engagement.registry.jooq.Tables.REGION;
import static no.engagement.registry.jooq.Tables.SOURCE_DOCUMENT;
import static no.engagement.registry.jooq.Tables.SOURCE_FACT_COUNT;
import static no.engagement.registry.jooq.Tables.SOURCE_TRANSLATION;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.row;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.SelectOnConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The import feature's only door to the database. */
@Repository
class ImportQueries {

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
              String iso3 = r.get(COUNTRY.ISO3);
              l.addCountryName(iso3, iso3);
              l.addCountryName(r.get(COUNTRY.ISO2), iso3);
              l.addCountryName(r.get(COUNTRY.NAME_EN), iso3);
              l.addCountryName(r.get(COUNTRY.NAME_NB), iso3);
            });
    dsl.select(COUNTRY_ALIAS.ALIAS, COUNTRY_ALIAS.ISO3)
        .from(COUNTRY_ALIAS)
        .forEach(r -> l.addCountryName(r.get(COUNTRY_ALIAS.ALIAS), r.get(COUNTRY_ALIAS.ISO3)));
    dsl.select(MISSION.ACRONYM, MISSION.ID)
        .from(MISSION)
        .forEach(
            r -> {
              l.missions.put(Lookups.normaliseCode(r.get(MISSION.ACRONYM)), r.get(MISSION.ID));
              l.acronyms.put(r.get(MISSION.ID), r.get(MISSION.ACRONYM));
            });
    dsl.select(MISSION_ALIAS.ALIAS, MISSION_ALIAS.MISSION_ID)
        .from(MISSION_ALIAS)
        .forEach(
            r ->
                l.missions.putIfAbsent(
                    Lookups.normaliseCode(r.get(MISSION_ALIAS.ALIAS)),
                    r.get(MISSION_ALIAS.MISSION_ID)));
    dsl.select(ORGANISATION.CODE, ORGANISATION.ID)
        .from(ORGANISATION)
        .forEach(r -> l.organisations.put(r.get(ORGANISATION.CODE), r.get(ORGANISATION.ID)));
    dsl.select(SOURCE_DOCUMENT.CODE, SOURCE_DOCUMENT.ID)
        .from(SOURCE_DOCUMENT)
        .forEach(r -> l.sources.put(r.get(SOURCE_DOCUMENT.CODE), r.get(SOURCE_DOCUMENT.ID)));
    dsl.select(REGION.CODE)
        .from(REGION)
        .forEach(r -> l.regions.put(r.get(REGION.CODE), r.get(REGION.CODE)));
    dsl.select(PEACE_PROCESS.CODE, PEACE_PROCESS.ID)
        .from(PEACE_PROCESS)
        .forEach(r -> l.processes.put(r.get(PEACE_PROCESS.CODE), r.get(PEACE_PROCESS.ID)));
    dsl.select(FUNDING_PROGRAMME.CODE, FUNDING_PROGRAMME.ID)
        .from(FUNDING_PROGRAMME)
        .forEach(r -> l.programmes.put(r.get(FUNDING_PROGRAMME.CODE), r.get(FUNDING_PROGRAMME.ID)));
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

  /**
   * For the rest of this transaction only: no statement timeout (a large import takes longer than a
   * web request may), and the default plan cache mode. The connections' {@code force_custom_plan}
   * (good for the screens' queries) would otherwise re-plan each of the foreign-key checks
   * PostgreSQL runs for every row written: three times slower for 1M rows. And working memory for
   * hashing a million staged rows against the table.
   */
  void forBulkWork() {
    dsl.query("set local statement_timeout = 0").execute();
    dsl.query("set local plan_cache_mode = auto").execute();
    // the staged rows are joined with the table by hash, in memory: a merge join sorts both sides
    dsl.query("set local work_mem = '128MB'").execute();
    dsl.query("set local enable_mergejoin = off").execute();
  }

  void finishBatch(long batchId, long inserted, long updated, long unchanged, long deleted) {
    dsl.update(IMPORT_BATCH)
        .set(IMPORT_BATCH.ROWS_INSERTED, (int) inserted)
        .set(IMPORT_BATCH.ROWS_UPDATED, (int) updated)
        .set(IMPORT_BATCH.ROWS_UNCHANGED, (int) unchanged)
        .set(IMPORT_BATCH.ROWS_DELETED, (int) deleted)
        .set(IMPORT_BATCH.FINISHED_AT, DSL.field("clock_timestamp()", OffsetDateTime.class))
        .where(IMPORT_BATCH.ID.eq(batchId))
        .execute();
  }

  /**
   * Keeps what is derived from the written table up to date, in the import's own transaction: the
   * counts of facts citing each source; for figures also the sources' yearly series, the deployment
   * series, their roll-ups and the labels of their mission sets, which the screens read. Figures,
   * their flags and the links between translations all decide what the series count.
   */
  void afterWrite(Table<?> table) {
    // every kind of fact cites a source: the source screens' counts (V13__screens_at_scale.sql),
    // refreshed without keeping readers waiting, one import at a time and from what the one
    // before committed (the lock is taken before the refresh's statement takes its snapshot)
    dsl.query("select pg_advisory_xact_lock(hashtext('source counts'), 0)").execute();
    dsl.query("refresh materialized view concurrently {0}", SOURCE_FACT_COUNT).execute();
    // the data has changed: what the screens kept for the version before no longer holds
    dsl.update(DATA_VERSION).set(DATA_VERSION.VERSION, DATA_VERSION.VERSION.plus(1)).execute();
    if (table.equals(PERSONNEL_FIGURE)
        || table.equals(FIGURE_FLAG)
        || table.equals(SOURCE_TRANSLATION)) {
      // one refresh at a time, whichever instance and import asks: the next waits for this
      // transaction's end, then refreshes from what it committed
      dsl.query("select pg_advisory_xact_lock(hashtext('roll-ups'), 0)").execute();
      // the sources' series are written for hash joins and aggregates: sorting a million figures
      // by their country codes' collation took 5 of the refresh's 20 s
      // (V9__figures_that_add_up.sql)
      // with the written figures' statistics: planned on stale ones it took 17 s, not 5
      dsl.query("analyze {0}", PERSONNEL_FIGURE).execute();
      dsl.query("set local enable_sort = off").execute();
      dsl.query("refresh materialized view {0}", DEPLOYMENT_SOURCE_SERIES).execute();
      dsl.query("set local enable_sort = on").execute();
      dsl.query("analyze {0}", DEPLOYMENT_SOURCE_SERIES).execute();
      for (var derived : List.of(DEPLOYMENT_SERIES, DEPLOYMENT_ROLLUP, MISSION_SET_LABEL)) {
        dsl.query("refresh materialized view {0}", derived).execute();
        dsl.query("analyze {0}", derived).execute();
      }
    }
  }

  private static final no.engagement.registry.jooq.tables.ImportBatch REVERT =
      IMPORT_BATCH.as("revert");

  /** A batch as a record, with the id of the batch that reverted it (null: none). */
  private static final Field<ImportBatch> BATCH =
      field(
          row(
                  IMPORT_BATCH.ID,
                  IMPORT_BATCH.KIND,
                  IMPORT_BATCH.FILE_NAME,
                  IMPORT_BATCH.SHA256,
                  IMPORT_BATCH.ENCODING,
                  IMPORT_BATCH.DELIMITER,
                  IMPORT_BATCH.DECIMAL_MARK,
                  IMPORT_BATCH.IMPORTED_BY,
                  IMPORT_BATCH.STARTED_AT,
                  IMPORT_BATCH.FINISHED_AT,
                  IMPORT_BATCH.STATUS,
                  IMPORT_BATCH.ROWS_READ,
                  IMPORT_BATCH.ROWS_INSERTED,
                  IMPORT_BATCH.ROWS_UPDATED,
                  IMPORT_BATCH.ROWS_UNCHANGED,
                  IMPORT_BATCH.ROWS_DELETED,
                  IMPORT_BATCH.REVERTS_BATCH_ID,
                  REVERT.ID)
              .mapping(ImportBatch::new));

  private SelectOnConditionStep<Record1<ImportBatch>> batchQuery() {
    return dsl.select(BATCH)
        .from(IMPORT_BATCH)
        .leftJoin(REVERT)
        .on(REVERT.REVERTS_BATCH_ID.eq(IMPORT_BATCH.ID));
  }

  /** The newest batches first. */
  List<ImportBatch> batches(int limit) {
    return batchQuery().orderBy(IMPORT_BATCH.ID.desc()).limit(limit).fetch(BATCH);
  }

  java.util.Optional<ImportBatch> batch(long id) {
    return batchQuery().where(IMPORT_BATCH.ID.eq(id)).fetchOptional(BATCH);
  }

  /** Committed batches of this kind with the same file content. */
  List<ImportBatch> sameContent(String kind, String sha256) {
    return batchQuery()
        .where(IMPORT_BATCH.KIND.eq(kind))
        .and(IMPORT_BATCH.SHA256.eq(sha256))
        .and(IMPORT_BATCH.STATUS.eq("committed"))
        .and(IMPORT_BATCH.REVERTS_BATCH_ID.isNull())
        .orderBy(IMPORT_BATCH.ID)
        .fetch(BATCH);
  }

  /** Locks the batch row: two reverts of one batch cannot both go ahead. */
  /**
   * Takes the lock that makes writes to {@code table} (imports and reverts) run one after the
   * other, held until this transaction ends; waits up to {@code wait} for it. Taken before an
   * import compares its file with the table, so the second of two imports compares with what the
   * first wrote.
   *
   * @return false when another transaction held it for all of {@code wait}
   */
  boolean serialiseWrites(Table<?> table, java.time.Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    String key = "import " + table.getName();
    while (true) {
      Boolean taken =
          dsl.select(DSL.field("pg_try_advisory_xact_lock(hashtext({0}))", Boolean.class, key))
              .fetchOne(0, Boolean.class);
      if (Boolean.TRUE.equals(taken)) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  void lockBatch(long id) {
    dsl.selectOne().from(IMPORT_BATCH).where(IMPORT_BATCH.ID.eq(id)).forUpdate().execute();
  }

  /** Marks {@code original} reverted and records the revert as a batch of its own. */
  long recordRevert(ImportBatch original, int deleted, int restored, String user) {
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
        .set(IMPORT_BATCH.ROWS_UPDATED, restored)
        .set(IMPORT_BATCH.ROWS_UNCHANGED, 0)
        .set(IMPORT_BATCH.ROWS_DELETED, deleted)
        .set(IMPORT_BATCH.REVERTS_BATCH_ID, original.id())
        .set(IMPORT_BATCH.FINISHED_AT, DSL.field("clock_timestamp()", OffsetDateTime.class))
        .returning(IMPORT_BATCH.ID)
        .fetchOne()
        .getId();
  }

  /** The source documents rows can cite: code and title, by code. */
  List<ImportService.SourceOption> sources() {
    return dsl.select(SOURCE_DOCUMENT.CODE, SOURCE_DOCUMENT.TITLE)
        .from(SOURCE_DOCUMENT)
        .orderBy(SOURCE_DOCUMENT.CODE)
        .fetch(mapping(ImportService.SourceOption::new));
  }

  boolean batchExists(String fileName, String user) {
    return dsl.fetchExists(
        IMPORT_BATCH, IMPORT_BATCH.FILE_NAME.eq(fileName).and(IMPORT_BATCH.IMPORTED_BY.eq(user)));
  }
}
