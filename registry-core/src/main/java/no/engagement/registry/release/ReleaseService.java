package no.engagement.registry.release;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.engagement.registry.audit.AuditLog;
import no.engagement.registry.db.TemporaryFiles;
import no.engagement.registry.downloads.Dataset;
import no.engagement.registry.downloads.DownloadService;
import no.engagement.registry.export.CsvDialect;
import no.engagement.registry.export.MeasuredOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases (docs/adr/0012). Publishing, in one transaction and one snapshot: copies the registry's
 * tables into the schema {@code release_<id>} (what pinned screens read), then writes every dataset
 * in both CSV dialects and the whole data package from that copy, storing each file's bytes with
 * its SHA-256 and row count. Database triggers refuse any later change to all of it, so a release
 * downloads byte for byte the same forever.
 */
@Service
public class ReleaseService {

  /** Letters, digits, '.', '_' and '-', starting with a letter or digit; at most 40. */
  public static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,39}");

  private static final int EXAMPLES = 20;

  private final ReleaseQueries queries;
  private final DownloadService downloads;
  private final AuditLog audit;
  private final TemporaryFiles temporaryFiles;

  ReleaseService(
      ReleaseQueries queries,
      DownloadService downloads,
      AuditLog audit,
      TemporaryFiles temporaryFiles) {
    this.temporaryFiles = temporaryFiles;
    this.queries = queries;
    this.downloads = downloads;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<Release> all() {
    return queries.all();
  }

  @Transactional(readOnly = true)
  public Optional<Release> find(String version) {
    if (version == null || !VERSION.matcher(version).matches()) {
      return Optional.empty();
    }
    return queries.byVersion(version);
  }

  @Transactional(readOnly = true)
  public List<ReleaseFile> files(Release release) {
    return queries.files(release.id());
  }

  /**
   * Publishes the registry as it is now as {@code version}.
   *
   * @param url the address of the release's page, for its citation
   * @throws ReleaseRefusedException when the version is malformed or taken
   */
  @Transactional(isolation = Isolation.REPEATABLE_READ, timeout = 3600)
  public Release publish(
      String version, String notes, String by, String url, @Nullable String remote) {
    return publish(version, notes, by, url, remote, (file, done, rows) -> {});
  }

  /** How far a publishing has come: after each file, its name, files written, rows written. */
  @FunctionalInterface
  public interface Progress {
    void written(String file, int filesDone, long rowsWritten);
  }

  /** The files a release holds: every dataset in both dialects, and the data package. */
  public static final int FILES = Dataset.ALL.size() * CsvDialect.values().length + 1;

  /** The version, stripped. @throws ReleaseRefusedException when it is malformed */
  static String checkVersion(String version) {
    String v = version == null ? "" : version.strip();
    if (!VERSION.matcher(v).matches()) {
      throw new ReleaseRefusedException("release.version.invalid", v);
    }
    return v;
  }

  /** Publishes as {@link #publish(String, String, String, String, String)}, telling progress. */
  @Transactional(isolation = Isolation.REPEATABLE_READ, timeout = 3600)
  public Release publish(
      String version,
      String notes,
      String by,
      String url,
      @Nullable String remote,
      Progress progress) {
    String v = checkVersion(version);
    if (queries.byVersion(v).isPresent()) {
      throw new ReleaseRefusedException("release.version.taken", v);
    }
    var release = queries.insert(v, notes == null ? "" : notes.strip(), by);
    queries.snapshot(release);
    queries.searchReleaseFirst(release);
    var files = new ArrayList<ReleaseFile>();
    long written = 0;
    for (var dataset : Dataset.ALL) {
      for (var dialect : CsvDialect.values()) {
        String name = fileName(dataset, dialect);
        try (var out = new ChunkWriter(release.id(), name)) {
          long rows = downloads.write(dataset, dialect, out, n -> {});
          files.add(
              out.store(
                  dataset.name(),
                  dialect == CsvDialect.RFC4180 ? "rfc4180" : "excel-nb",
                  "text/csv; charset=UTF-8",
                  rows));
          written += rows;
          progress.written(name, files.size(), written);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    String zipName = DownloadService.packageFileName(v);
    try (var out = new ChunkWriter(release.id(), zipName)) {
      var parts = downloads.writePackage(v, release.publishedAt().toInstant(), url, out);
      long rows = parts.stream().mapToLong(p -> p.rows() == null ? 0 : p.rows()).sum();
      files.add(out.store(null, null, "application/zip", rows));
      progress.written(zipName, files.size(), written);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (var f : files) {
      queries.insertFile(release.id(), f);
    }
    audit.record(by, "release.publish", v, files.size() + " files", remote);
    return release;
  }

  /** The name of a dataset's file in a release. */
  public static String fileName(Dataset dataset, CsvDialect dialect) {
    return dataset.name() + (dialect == CsvDialect.RFC4180 ? ".csv" : ".excel-nb.csv");
  }

  /** Writes a stored file of {@code release}, byte for byte as published. */
  @Transactional(readOnly = true)
  public void write(Release release, ReleaseFile file, OutputStream out) {
    try {
      for (int seq = 0; seq < file.chunks(); seq++) {
        out.write(queries.chunk(release.id(), file.name(), seq));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What changed from {@code from} to {@code to}, dataset by dataset. It writes nothing but
   * temporary tables (so the transaction is not read-only) and ends after two minutes at most;
   * {@link ReleaseDiffs} computes each pair once.
   */
  @Transactional(timeout = 120)
  public ReleaseDiff diff(Release from, Release to) {
    queries.statementTimeout(java.time.Duration.ofMinutes(2));
    var out = new ArrayList<ReleaseDiff.DatasetChanges>();
    for (var d : Dataset.ALL) {
      queries.stage(from, d.sql(), d.key(), "release_diff_a");
      queries.stage(to, d.sql(), d.key(), "release_diff_b");
      out.add(queries.compare(d.name(), "release_diff_a", "release_diff_b", EXAMPLES));
      queries.dropTemporary("release_diff_a");
      queries.dropTemporary("release_diff_b");
    }
    return new ReleaseDiff(from, to, out);
  }

  /**
   * Collects one release file in a temporary file (the connection is busy with COPY while it is
   * written), measuring it as it goes; {@link #store} then saves it in 1 MiB chunks.
   */
  private final class ChunkWriter extends OutputStream {

    private static final int CHUNK = 1 << 20;

    private final long releaseId;
    private final String name;
    private final Path file;
    private final OutputStream disk;
    private final MeasuredOutputStream measured;
    private int chunks;

    ChunkWriter(long releaseId, String name) throws IOException {
      this.releaseId = releaseId;
      this.name = name;
      this.file = temporaryFiles.create("release-", ".part");
      this.disk = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      this.measured = new MeasuredOutputStream(disk);
    }

    @Override
    public void write(int b) throws IOException {
      measured.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      measured.write(b, off, len);
    }

    /** Saves the file's bytes as chunks of the release; returns what the release says of it. */
    ReleaseFile store(
        @Nullable String dataset, @Nullable String dialect, String mediaType, long rows)
        throws IOException {
      disk.close();
      try (var in = Files.newInputStream(file)) {
        for (byte[] chunk = in.readNBytes(CHUNK); chunk.length > 0; chunk = in.readNBytes(CHUNK)) {
          queries.insertChunk(releaseId, name, chunks++, chunk);
        }
      }
      return new ReleaseFile(
          name, dataset, dialect, mediaType, rows, measured.bytes(), measured.sha256(), chunks);
    }

    @Override
    public void close() throws IOException {
      disk.close();
      Files.deleteIfExists(file);
    }
  }
}
