package no.engagement.registry.process;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Peace processes, their parties, facilitators and milestones. */
@Service
@Transactional(readOnly = true)
public class ProcessService {

  private final ProcessQueries queries;

  ProcessService(ProcessQueries queries) {
    this.queries = queries;
  }

  public List<PeaceProcess> processes(String lang) {
    return queries.processes(queries.all(), "nb".equals(lang));
  }

  public Optional<PeaceProcess> process(String code, String lang) {
    return queries.processes(queries.byCode(code), "nb".equals(lang)).stream().findFirst();
  }

  /** The processes a country is the place of, a party to, or an actor in. */
  public List<PeaceProcess> ofCountry(String iso3, String lang) {
    return queries.processes(queries.ofCountry(iso3), "nb".equals(lang));
  }
}
