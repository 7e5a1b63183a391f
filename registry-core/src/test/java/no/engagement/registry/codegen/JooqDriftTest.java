package no.engagement.registry.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed jOOQ classes must be exactly what the migrations generate. With -Djooq.write=true
 * the test writes the fresh classes into src/generated/java instead of comparing.
 */
class JooqDriftTest {

  private static final Path COMMITTED = Path.of("src/generated/java");

  @Test
  void committedJooqCodeMatchesTheMigratedSchema() throws Exception {
    boolean write = Boolean.getBoolean("jooq.write");
    Path target = write ? COMMITTED : Path.of("target/jooq-drift/java");
    JooqCodegen.generate(Path.of("target/jooq-drift/pg"), 54339, target);
    if (write) {
      return;
    }
    Map<String, String> expected = read(target);
    Map<String, String> committed = read(COMMITTED);
    assertThat(expected).as("generated files").isNotEmpty();
    assertThat(committed.keySet())
        .as("jOOQ files differ from the migrated schema; regenerate with " + JooqCodegen.REGENERATE)
        .containsExactlyElementsOf(expected.keySet());
    expected.forEach(
        (file, text) ->
            assertThat(committed.get(file))
                .as(
                    file
                        + " differs from the migrated schema; regenerate with "
                        + JooqCodegen.REGENERATE)
                .isEqualTo(text));
  }

  private static Map<String, String> read(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }
}
