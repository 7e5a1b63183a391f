package no.engagement.registry.reference;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Code lists with names in bokmål or English, for filters and forms. */
@Service
@Transactional(readOnly = true)
public class ReferenceService {

  private final ReferenceQueries queries;

  ReferenceService(ReferenceQueries queries) {
    this.queries = queries;
  }

  public List<ReferenceData> countries(String lang) {
    return queries.countries("nb".equals(lang));
  }

  public List<ReferenceData> missions(String lang) {
    return queries.missions("nb".equals(lang));
  }

  public List<ReferenceData> regions(String lang) {
    return queries.regions("nb".equals(lang));
  }

  public List<ReferenceData> personnelTypes(String lang) {
    return queries.personnelTypes("nb".equals(lang));
  }
}
