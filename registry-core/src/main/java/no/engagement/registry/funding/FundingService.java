package no.engagement.registry.funding;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Funding programmes with partners, places and yearly allocations. */
@Service
@Transactional(readOnly = true)
public class FundingService {

  private final FundingQueries queries;

  FundingService(FundingQueries queries) {
    this.queries = queries;
  }

  public List<Programme> programmes(String lang) {
    return queries.programmes(queries.all(), "nb".equals(lang));
  }

  public List<Programme> ofCountry(String iso3, String lang) {
    return queries.programmes(queries.ofCountry(iso3), "nb".equals(lang));
  }
}
