package no.engagement.registry.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of a file to import, readable more than once: an import reads a file in a few streaming
 * passes instead of holding it, or its rows, in memory.
 */
@FunctionalInterface
public interface ImportContent {

  InputStream open() throws IOException;

  static ImportContent of(byte[] bytes) {
    return () -> new ByteArrayInputStream(bytes);
  }

  static ImportContent of(Path file) {
    return () -> Files.newInputStream(file);
  }
}
