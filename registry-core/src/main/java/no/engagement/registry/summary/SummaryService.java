package no.engagement.registry.summary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the registry holds, for the first page. */
@Service
@Transactional(readOnly = true)
public class SummaryService {

  private final SummaryQueries queries;

  SummaryService(SummaryQueries queries) {
    this.queries = queries;
  }

  public RegistrySummary summary() {
    return queries.summary();
  }
}
