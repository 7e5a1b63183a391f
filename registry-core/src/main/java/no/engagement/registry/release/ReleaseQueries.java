package no.engagement.registry.release;

import static no.engagement.registry.jooq.Tables.RELEASE;
import static no.engagement.registry.jooq.Tables.RELEASE_FILE;
import static no.engagement.registry.jooq.Tables.RELEASE_FILE_CHUNK;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** The releases' door to the database: the release tables and the snapshot schemas. */
@Repository
class ReleaseQueries {

  /**
   * Tables of public that are not part of a release: accounts, sessions and uploads, audit,
   * history, the data's version, releases and their jobs.
   */
  private static final List<String> NOT_RELEASED =
      List.of(
          "account",
          "audit_event",
          "data_version",
          "import_change",
          "release",
          "release_file",
          "release_file_chunk",
          "release_job",
          "spring_session",
          "spring_session_attributes",
          "pending_upload",
          "pending_upload_chunk",
          "flyway_schema_history");

  private final DSLContext dsl;

  ReleaseQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  List<Release> all() {
    return dsl.select(
            RELEASE.ID, RELEASE.VERSION, RELEASE.NOTES, RELEASE.PUBLISHED_AT, RELEASE.PUBLISHED_BY)
        .from(RELEASE)
        .orderBy(RELEASE.PUBLISHED_AT.desc(), RELEASE.ID.desc())
        .fetch(Records.mapping(Release::new));
  }

  Optional<Release> byVersion(String version) {
    return dsl.select(
            RELEASE.ID, RELEASE.VERSION, RELEASE.NOTES, RELEASE.PUBLISHED_AT, RELEASE.PUBLISHED_BY)
        .from(RELEASE)
        .where(RELEASE.VERSION.eq(version))
        .fetchOptional(Records.mapping(Release::new));
  }

  Release insert(String version, String notes, String by) {
    return dsl.insertInto(RELEASE)
        .set(RELEASE.VERSION, version)
        .set(RELEASE.NOTES, notes)
        .set(RELEASE.PUBLISHED_BY, by)
        .returningResult(
            RELEASE.ID, RELEASE.VERSION, RELEASE.NOTES, RELEASE.PUBLISHED_AT, RELEASE.PUBLISHED_BY)
        .fetchOne(Records.mapping(Release::new));
  }

  /**
   * Copies every released table of public (data, reference tables and the deployment roll-ups) into
   * the release's schema with its indexes, and makes the copies refuse any change.
   */
  void snapshot(Release release) {
    String schema = release.schemaName();
    withoutStatementTimeout();
    dsl.query("create schema " + schema).execute();
    var tables =
        dsl.resultQuery(
                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and c.relkind in ('r', 'm')"
                    + " order by c.relname")
            .fetch(0, String.class);
    for (String t : tables) {
      if (NOT_RELEASED.contains(t)) {
        continue;
      }
      String copy = schema + "." + t;
      dsl.query("create table " + copy + " (like public." + t + " including all)").execute();
      dsl.query("insert into " + copy + " overriding system value select * from public." + t)
          .execute();
      dsl.query(
              "create trigger release_fixed before insert or update or delete or truncate on "
                  + copy
                  + " for each statement execute function public.release_is_fixed()")
          .execute();
      dsl.query("analyze " + copy).execute();
    }
  }

  /** Copying and comparing a million rows takes longer than a page may: no limit here. */
  void withoutStatementTimeout() {
    dsl.query("set local statement_timeout = 0").execute();
  }

  /** A limit on every statement of this transaction. */
  void statementTimeout(java.time.Duration limit) {
    dsl.query("set local statement_timeout = " + limit.toMillis()).execute();
  }

  /** Reads the release's schema before public until the transaction ends. */
  void searchReleaseFirst(Release release) {
    dsl.query("set local search_path to " + release.schemaName() + ", public").execute();
  }

  void insertChunk(long releaseId, String name, int seq, byte[] data) {
    dsl.insertInto(RELEASE_FILE_CHUNK)
        .set(RELEASE_FILE_CHUNK.RELEASE_ID, releaseId)
        .set(RELEASE_FILE_CHUNK.NAME, name)
        .set(RELEASE_FILE_CHUNK.SEQ, seq)
        .set(RELEASE_FILE_CHUNK.DATA, data)
        .execute();
  }

  void insertFile(long releaseId, ReleaseFile f) {
    dsl.insertInto(RELEASE_FILE)
        .set(RELEASE_FILE.RELEASE_ID, releaseId)
        .set(RELEASE_FILE.NAME, f.name())
        .set(RELEASE_FILE.DATASET, f.dataset())
        .set(RELEASE_FILE.DIALECT, f.dialect())
        .set(RELEASE_FILE.MEDIA_TYPE, f.mediaType())
        .set(RELEASE_FILE.ROWS, f.rows())
        .set(RELEASE_FILE.BYTES, f.bytes())
        .set(RELEASE_FILE.SHA256, f.sha256())
        .set(RELEASE_FILE.CHUNKS, f.chunks())
        .execute();
  }

  List<ReleaseFile> files(long releaseId) {
    var f = RELEASE_FILE;
    return dsl.select(
            f.NAME, f.DATASET, f.DIALECT, f.MEDIA_TYPE, f.ROWS, f.BYTES, f.SHA256, f.CHUNKS)
        .from(f)
        .where(f.RELEASE_ID.eq(releaseId))
        .orderBy(f.DATASET.asc().nullsFirst(), f.NAME)
        .fetch(Records.mapping(ReleaseFile::new));
  }

  byte[] chunk(long releaseId, String name, int seq) {
    var c = RELEASE_FILE_CHUNK;
    return dsl.select(c.DATA)
        .from(c)
        .where(c.RELEASE_ID.eq(releaseId), c.NAME.eq(name), c.SEQ.eq(seq))
        .fetchOne(c.DATA);
  }

  /**
   * Rows of {@code sql} read in {@code release}'s schema, into the temporary table {@code into}
   * with a text key (the key columns as one row value: NULL and empty stay apart) and the row.
   */
  void stage(Release release, String sql, List<String> key, String into) {
    searchReleaseFirst(release);
    dsl.query(
            "create temporary table "
                + into
                + " on commit drop as select row("
                + String.join(", ", key.stream().map(k -> "d." + k).toList())
                + ")::text as k, row(d.*)::text as r from ("
                + sql
                + ") d")
        .execute();
    dsl.query("create index on " + into + " (k)").execute();
  }

  /** Counts and examples of added, changed and removed keys from table a to table b. */
  ReleaseDiff.DatasetChanges compare(String name, String a, String b, int examples) {
    String joined = "from " + a + " a full join " + b + " b on a.k = b.k";
    var counts =
        dsl.resultQuery(
                "select count(*) filter (where a.k is null) as added, count(*) filter (where a.k"
                    + " is not null and b.k is not null and a.r <> b.r) as changed,"
                    + " count(*) filter (where b.k is null) as removed "
                    + joined)
            .fetchOne();
    var added =
        dsl.resultQuery(
                "select b.k " + joined + " where a.k is null order by b.k limit " + examples)
            .fetch(0, String.class);
    var changed =
        dsl.resultQuery(
                "select a.r || ' → ' || b.r "
                    + joined
                    + " where a.r <> b.r order by a.k limit "
                    + examples)
            .fetch(0, String.class);
    var removed =
        dsl.resultQuery(
                "select a.k " + joined + " where b.k is null order by a.k limit " + examples)
            .fetch(0, String.class);
    return new ReleaseDiff.DatasetChanges(
        name,
        counts.get("added", Long.class),
        counts.get("changed", Long.class),
        counts.get("removed", Long.class),
        added,
        changed,
        removed);
  }

  void dropTemporary(String table) {
    dsl.query("drop table if exists " + table).execute();
  }
}
