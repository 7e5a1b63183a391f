package no.engagement.registry.downloads;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.LongConsumer;
import no.engagement.registry.export.CsvDialect;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whole datasets as CSV at COPY speed: PostgreSQL's own CSV, turned into the dialect as it streams.
 * Memory stays constant whatever the size; the row count (taken in the same snapshot) comes first.
 */
@Service
public class DownloadService {

  private final DownloadQueries queries;
  private final no.engagement.registry.db.KeptResults kept;

  DownloadService(DownloadQueries queries, no.engagement.registry.db.KeptResults kept) {
    this.kept = kept;
    this.queries = queries;
  }

  public List<Dataset> datasets() {
    return Dataset.ALL;
  }

  /** What the data cover, once per version of the data (KeptResults). */
  @Transactional(readOnly = true)
  public Coverage coverage() {
    return kept.get("coverage", java.util.List.of(), queries::coverage);
  }

  /**
   * Writes the whole registry as one Frictionless Data Package zip (see {@link DataPackage}), all
   * datasets from one snapshot; returns each file of the zip with its rows, bytes and SHA-256.
   *
   * @param version the release it is, or null for the current data
   * @param url where it is published, for its citation; null when unknown
   * @throws UncheckedIOException when the stream breaks; the caller must abort the response
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public List<PackagedFile> writePackage(
      String version, java.time.Instant created, String url, OutputStream out) {
    queries.withoutStatementTimeout();
    try {
      return DataPackage.write(queries, new DataPackage.Info(version, created, url), out).stream()
          .map(p -> new PackagedFile(p.path(), p.rows(), p.bytes(), p.sha256()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file inside the data package zip; rows is null for files that are not datasets. */
  public record PackagedFile(String path, Long rows, long bytes, String sha256) {}

  /** The data package's file name for {@code version} (null: the current data). */
  public static String packageFileName(String version) {
    return DataPackage.NAME + (version == null ? "" : "-" + version) + ".zip";
  }

  /** Rows per dataset, in one snapshot, counted once per version of the data (KeptResults). */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public java.util.Map<String, Long> counts() {
    return kept.get(
        "dataset rows",
        java.util.List.of(),
        () -> {
          var out = new java.util.LinkedHashMap<String, Long>();
          for (var d : Dataset.ALL) {
            out.put(d.name(), queries.count(d));
          }
          return java.util.Collections.unmodifiableMap(out);
        });
  }

  /**
   * Writes {@code dataset} to {@code out} in {@code dialect}. {@code rowCount} hears the number of
   * rows before the first byte is written (for a header); the rows written are exactly that many.
   *
   * @throws UncheckedIOException when the stream breaks; the caller must abort the response
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public long write(Dataset dataset, CsvDialect dialect, OutputStream out, LongConsumer rowCount) {
    queries.withoutStatementTimeout();
    rowCount.accept(queries.count(dataset));
    return queries.copy(dataset, dialect, out);
  }
}
