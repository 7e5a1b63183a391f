package no.engagement.registry.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused because another registry runs on the data folder: said in two lines. */
class DataFolderInUseAnalyzer extends AbstractFailureAnalyzer<DataFolderInUseException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DataFolderInUseException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Stop the running registry first, or start this one with another REGISTRY_DATA_DIR.",
        cause);
  }
}
