package no.engagement.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.Field;
import org.junit.jupiter.api.Test;

/**
 * Every column of a table that an import fills is in that import's template (or set by it), except
 * the ones named here with their reason. A column added to a table and forgotten in its import
 * fails here by name; from the template, {@code DownloadsTest} and {@code DataPackageTest} carry it
 * on to the dataset and its codebook.
 */
class EveryColumnImportedTest {

  /**
   * Columns an import that maps each column to the table does not take (besides id and batch_id),
   * by kind, written out by hand with their reasons.
   */
  private static final Map<String, Set<String>> NOT_IMPORTED =
      Map.of(
          // the UN's own dataset id and its date of last update come with the UN's file only
          "missions", Set.of("source_last_update", "un_dataset_id"),
          // the UN's file has no bokmål names and is itself the source (set by the batch)
          "missions-un", Set.of("name_nb", "source_id"));

  @Test
  void everyColumnOfAnImportedTableIsInItsTemplate() {
    Map<String, Set<String>> missing = new TreeMap<>();
    for (String kind : ImportSpecs.kinds()) {
      var spec = ImportSpecs.get(kind);
      if (spec.expander() != null || spec.writer() != null) {
        continue; // its code writes the rows: personnel-un, personnel-statements
      }
      Set<String> filled = new TreeSet<>();
      spec.columns().stream()
          .filter(c -> c.target() != null)
          .forEach(c -> filled.add(c.target().getName()));
      spec.constants().keySet().forEach(f -> filled.add(f.getName()));
      for (Field<?> f : spec.table().fields()) {
        if (!filled.contains(f.getName())
            && !f.getName().equals("id")
            && !f.getName().equals("batch_id")) {
          missing.computeIfAbsent(kind, k -> new TreeSet<>()).add(f.getName());
        }
      }
    }
    assertThat(missing).isEqualTo(NOT_IMPORTED);
  }
}
