package no.engagement.registry.source;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Source documents and datasets, and every fact the registry takes from each. */
@Service
@Transactional(readOnly = true)
public class SourceService {

  /** A screen lists at most this many facts of one source; its CSV has all of them. */
  public static final int SCREEN_LIMIT = 500;

  private final SourceQueries queries;

  SourceService(SourceQueries queries) {
    this.queries = queries;
  }

  public List<SourceDocument> sources() {
    return queries.sources();
  }

  public Optional<SourceDocument> source(long id) {
    return queries.source(id);
  }

  public List<SourceFact> facts(long id, String lang, int limit) {
    return queries.facts(id, "nb".equals(lang), limit);
  }
}
