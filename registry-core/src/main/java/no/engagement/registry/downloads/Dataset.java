package no.engagement.registry.downloads;

import java.util.List;
import java.util.Optional;
import no.engagement.registry.export.CopyCsvTranscoder.Kind;

/**
 * A dataset researchers download whole. Its columns are those of the import template of the same
 * kind (so a downloaded file imports back unchanged), with codes where the registry keeps ids. Each
 * query orders its rows (by code, or by id where rows have no short key), so the same data gives
 * the same bytes. The queries are written in {@link DatasetQueries}.
 *
 * @param name the file name without ".csv", and the import kind it matches
 * @param key the columns that identify a row: the natural key of the import of the same kind
 * @param sql the query; its column names are the CSV header
 * @param countSql the query that counts the same rows, without sorting them
 * @param kinds what each column holds, in order
 */
public record Dataset(
    String name, List<String> key, String sql, String countSql, List<Kind> kinds) {

  public static final List<Dataset> ALL = DatasetQueries.all();

  public static Optional<Dataset> named(String name) {
    return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(Dataset::name).toList();
  }
}
