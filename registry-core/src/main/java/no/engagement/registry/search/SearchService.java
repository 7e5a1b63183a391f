package no.engagement.registry.search;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds countries, missions, peace processes and programmes by name or code, in either language.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

  public static final int LIMIT_PER_KIND = 50;
  private final SearchQueries queries;

  SearchService(SearchQueries queries) {
    this.queries = queries;
  }

  public List<SearchHit> search(String q, String lang) {
    String query = q == null ? "" : q.strip();
    if (query.isEmpty()) {
      return List.of();
    }
    return queries.search(query, "nb".equals(lang), LIMIT_PER_KIND);
  }
}
