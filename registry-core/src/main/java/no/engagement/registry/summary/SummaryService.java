package no.engagement.registry.summary;

import java.util.List;
import no.engagement.registry.db.KeptResults;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the registry holds, for the first page. */
@Service
@Transactional(readOnly = true)
public class SummaryService {

  private final SummaryQueries queries;
  private final KeptResults kept;

  SummaryService(SummaryQueries queries, KeptResults kept) {
    this.queries = queries;
    this.kept = kept;
  }

  /** Counted once per version of the data (KeptResults). */
  public RegistrySummary summary() {
    return kept.get("summary", List.of(), queries::summary);
  }
}
