package no.engagement.registry.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

  /** Examples for the kinds no seed file shows: the yearly personnel figures staff fill in. */
  private static final Map<String, List<List<String>>> WRITTEN_EXAMPLES =
      Map.of(
          "personnel",
          List.of(
              List.of(
                  "NOR",
                  "UNMISS",
                  "2024",
                  "",
                  "",
                  "individual_police",
                  "female",
                  "4",
                  "annual_average",
                  "",
                  "",
                  ""),
              List.of(
                  "NOR",
                  "UNMISS",
                  "2024",
                  "",
                  "",
                  "individual_police",
                  "male",
                  "12",
                  "annual_average",
                  "",
                  "",
                  ""),
              List.of(
                  "NOR",
                  "UNTSO",
                  "2024",
                  "2024-06-01",
                  "2024-06-30",
                  "experts_on_mission",
                  "total",
                  "12",
                  "snapshot",
                  "",
                  "",
                  "")));

  /**
   * The template of a kind, with example rows: the first rows of {@code seedFile} (the seed file of
   * that kind, or null) mapped to the template's columns.
   */
  static ImportTemplate of(String kind, byte[] seedFile) {
    ImportSpec spec = ImportSpecs.get(kind);
    if (spec == null) {
      return null;
    }
    List<String> columns = spec.columns().stream().map(ImportSpec.Column::header).toList();
    List<String> required =
        spec.columns().stream()
            .filter(ImportSpec.Column::required)
            .map(ImportSpec.Column::header)
            .toList();
    List<List<String>> examples = new ArrayList<>(WRITTEN_EXAMPLES.getOrDefault(kind, List.of()));
    if (seedFile != null) {
      var parsed = CsvInput.parse(seedFile);
      Map<String, Integer> at = new HashMap<>();
      for (int i = 0; i < parsed.header().size(); i++) {
        at.put(parsed.header().get(i).toLowerCase(Locale.ROOT), i);
      }
      for (var record : parsed.records().stream().limit(3).toList()) {
        List<String> row = new ArrayList<>();
        for (String c : columns) {
          Integer i = at.get(c.toLowerCase(Locale.ROOT));
          String v = i == null ? null : record.cell(i);
          row.add(v == null ? "" : v);
        }
        examples.add(row);
      }
    }
    return new ImportTemplate(kind, columns, required, spec.key(), examples);
  }
}
