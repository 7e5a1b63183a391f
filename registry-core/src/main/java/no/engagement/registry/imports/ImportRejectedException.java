package no.engagement.registry.imports;

import java.util.Locale;
import java.util.stream.Collectors;

/** An import that found errors: nothing of it was written. */
public class ImportRejectedException extends RuntimeException {

  private final ImportReport report;

  public ImportRejectedException(ImportReport report) {
    super(
        "Import of "
            + report.fileName()
            + " ("
            + report.kind()
            + ") rejected with "
            + report.errors().size()
            + " error(s):\n"
            + report.errors().stream()
                .limit(50)
                .map(p -> "  " + p.message(Locale.ENGLISH))
                .collect(Collectors.joining("\n")));
    this.report = report;
  }

  public ImportReport report() {
    return report;
  }
}
