package no.engagement.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README documents every import template: a row per kind naming each of its columns. */
class TemplatesDocumentedTest {

  @Test
  void everyKindAndColumnIsInTheReadme() throws Exception {
    var readme = Files.readAllLines(Path.of("../README.md"));
    for (String kind : ImportSpecs.kinds()) {
      var row =
          readme.stream().filter(l -> l.startsWith("| `" + kind + "` |")).findFirst().orElse(null);
      assertThat(row).as("README row of the template %s", kind).isNotNull();
      var spec = ImportSpecs.get(kind);
      for (var column : spec.columns()) {
        String shown = column.required() ? "**" + column.header() + "**" : column.header() + " (";
        assertThat(row).as("README row of %s, column %s", kind, column.header()).contains(shown);
      }
      for (String key : spec.key()) {
        assertThat(row.substring(row.lastIndexOf('|', row.length() - 2)))
            .as("README: natural key of %s", kind)
            .contains(key);
      }
    }
  }
}
