package no.engagement.registry.imports;

import java.util.List;

/**
 * A template to fill in: the columns of an import kind, which are required, which form the natural
 * key, and example rows (from the seed file of that kind, or written for it).
 */
public record ImportTemplate(
    String kind,
    List<String> columns,
    List<String> required,
    List<String> key,
    List<List<String>> examples) {

  /** The columns that identify a row of {@code kind} (its natural key), in template order. */
  public static List<String> naturalKey(String kind) {
    var spec = ImportSpecs.get(kind);
    if (spec == null) {
      throw new IllegalArgumentException("no import kind " + kind);
    }
    return spec.key();
  }
}
