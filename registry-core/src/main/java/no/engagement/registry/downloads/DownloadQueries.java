package no.engagement.registry.downloads;

import static no.engagement.registry.jooq.Tables.SOURCE_DOCUMENT;

import java.io.OutputStream;
import java.util.List;
import no.engagement.registry.export.CopyCsvTranscoder;
import no.engagement.registry.export.CsvDialect;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** The downloads' door to the database: row counts and COPY (query) TO STDOUT. */
@Repository
class DownloadQueries {

  private final DSLContext dsl;

  DownloadQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A source as the licences of a data package name it. */
  record SourceLicence(
      String code,
      String title,
      String publisher,
      String url,
      String licence,
      String attribution) {}

  List<SourceLicence> sources() {
    var s = SOURCE_DOCUMENT;
    return dsl.select(s.CODE, s.TITLE, s.PUBLISHER, s.URL, s.LICENCE, s.ATTRIBUTION)
        .from(s)
        .orderBy(s.CODE)
        .fetch(Records.mapping(SourceLicence::new));
  }

  /** The years, contributors, hosts and last change of the data, and every source. */
  Coverage coverage() {
    var r =
        dsl.resultQuery(
                "select (select min(year) from personnel_figure) as first_year,"
                    + " (select max(year) from personnel_figure) as last_year,"
                    + " (select count(distinct contributor_iso3) from personnel_figure)"
                    + " as contributors,"
                    + " (select count(distinct iso3) from mission_host) as hosts,"
                    + " (select max(coalesce(finished_at, started_at)) from import_batch"
                    + " where status in ('committed', 'reverted')) as modified")
            .fetchSingle();
    return new Coverage(
        r.get("first_year", Integer.class),
        r.get("last_year", Integer.class),
        r.get("contributors", Long.class),
        r.get("hosts", Long.class),
        r.get("modified", java.time.OffsetDateTime.class),
        sources().stream()
            .map(s -> new Coverage.Source(s.code(), s.title(), s.publisher(), s.url(), s.licence()))
            .toList());
  }

  long count(Dataset dataset) {
    return dsl.resultQuery(dataset.countSql()).fetchOne(0, Long.class);
  }

  /** A download takes as long as the client reads: no statement timeout in this transaction. */
  void withoutStatementTimeout() {
    dsl.query("set local statement_timeout = 0").execute();
  }

  /** Streams the dataset through COPY in {@code dialect}, header first; returns the rows. */
  long copy(Dataset dataset, CsvDialect dialect, OutputStream out) {
    return dsl.connectionResult(
        c -> CopyCsvTranscoder.copy(c, dataset.sql(), dialect, dataset.kinds(), out));
  }
}
