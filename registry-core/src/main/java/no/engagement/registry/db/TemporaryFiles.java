package no.engagement.registry.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * The registry's own temporary files (release files being written, an upload's bytes for the
 * request that imports or previews them), in {@code <data>/tmp/<pid>}: never the machine's shared
 * temporary folder, where a killed run's files would stay for good. At start, the folders of
 * registries that no longer run are removed; whoever creates a file removes it when done. Together
 * they may hold at most {@code registry.temporary-files.max-total} (default 2 GB).
 */
@Component
public class TemporaryFiles {

  private static final Logger log = LoggerFactory.getLogger(TemporaryFiles.class);

  private final Path dir;
  private final long maxTotal;

  TemporaryFiles(
      RegistryProperties properties,
      @Value("${registry.temporary-files.max-total:2GB}") DataSize maxTotal) {
    this.maxTotal = maxTotal.toBytes();
    Path root = properties.dataDir().toAbsolutePath().normalize().resolve("tmp");
    try {
      Files.createDirectories(root);
      try (Stream<Path> folders = Files.list(root)) {
        for (Path folder : (Iterable<Path>) folders::iterator) {
          if (!alive(folder.getFileName().toString())) {
            log.info("Removing temporary files left by a registry that no longer runs: {}", folder);
            FileSystemUtils.deleteRecursively(folder);
          }
        }
      }
      dir = Files.createDirectories(root.resolve(Long.toString(ProcessHandle.current().pid())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the temporary folder " + root, e);
    }
  }

  private static boolean alive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)
          && Long.parseLong(pid) != ProcessHandle.current().pid();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The folder, for tests and for the README's account of where things live. */
  public Path folder() {
    return dir;
  }

  /** A new empty file; its creator deletes it. */
  public Path create(String prefix, String suffix) {
    try {
      return Files.createTempFile(dir, prefix, suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the files together stay within the limit (checked after writing one). */
  public boolean withinLimit() {
    try (Stream<Path> files = Files.list(dir)) {
      long total = 0;
      for (Path f : (Iterable<Path>) files::iterator) {
        total += Files.size(f);
      }
      return total <= maxTotal;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code file} if it is still there. */
  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the temporary file {}: {}", file, e.getMessage());
    }
  }
}
