package no.engagement.registry.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.engagement.registry.imports.ImportReport;
import no.engagement.registry.imports.ImportRequest;
import no.engagement.registry.imports.ImportService;
import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the files of {@code seed-data/} through the same validating import that staff use, in the
 * order of {@code seed-data/manifest.csv}, all in one transaction. A file already imported by the
 * seed user is skipped, so a restart loads nothing twice.
 */
@Service
public class SeedLoader {

  public static final String SEED_USER = "seed";
  private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

  private final ImportService imports;

  SeedLoader(ImportService imports) {
    this.imports = imports;
  }

  /** One line of the manifest. */
  record Entry(String file, String kind, @Nullable String source) {}

  @Transactional
  public List<ImportReport> loadMissing() {
    List<ImportReport> reports = new ArrayList<>();
    for (Entry e : manifest()) {
      if (imports.alreadyImported(e.file(), SEED_USER)) {
        continue;
      }
      var report =
          imports.importFile(
              new ImportRequest(e.kind(), e.file(), read(e.file()), SEED_USER, e.source(), false));
      log.info(
          "Seed {}: {} rows read, {} written, {} warnings",
          e.file(),
          report.rowsRead(),
          report.rowsWritten(),
          report.warnings().size());
      reports.add(report);
    }
    return reports;
  }

  /** The seed file of an import kind, as example rows for its template; null when none. */
  public static byte @Nullable [] seedFileOf(String kind) {
    return manifest().stream()
        .filter(e -> e.kind().equals(kind))
        .findFirst()
        .map(e -> read(e.file()))
        .orElse(null);
  }

  static List<Entry> manifest() {
    try (var parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new InputStreamReader(open("manifest.csv"), StandardCharsets.UTF_8))) {
      List<Entry> entries = new ArrayList<>();
      for (var line : parser) {
        if (line.size() >= 2 && !line.get(0).isBlank()) {
          String source = line.size() > 2 && !line.get(2).isBlank() ? line.get(2).strip() : null;
          entries.add(new Entry(line.get(0).strip(), line.get(1).strip(), source));
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(String file) {
    try (InputStream in = open(file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String file) {
    InputStream in = SeedLoader.class.getClassLoader().getResourceAsStream("seed-data/" + file);
    if (in == null) {
      throw new IllegalStateException("seed-data/" + file + " is not on the classpath");
    }
    return in;
  }
}
