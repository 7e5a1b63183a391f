package no.engagement.registry.imports;

import java.util.List;

/**
 * What an import found and did. {@code batchId} is set only when the import was committed.
 *
 * @param rowsRead data rows in the file (blank lines not counted)
 * @param rowsWritten table rows the import adds or changes (one file row can become several)
 * @param diff what the import changes against the registry's data; null when the file has errors
 */
public record ImportReport(
    String kind,
    String fileName,
    String sha256,
    String encoding,
    char delimiter,
    char decimalMark,
    int rowsRead,
    int rowsWritten,
    List<Problem> errors,
    List<Problem> warnings,
    ImportDiff diff,
    Long batchId) {

  public boolean ok() {
    return errors.isEmpty();
  }
}
