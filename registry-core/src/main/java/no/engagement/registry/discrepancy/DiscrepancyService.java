package no.engagement.registry.discrepancy;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Facts on which sources disagree, kept both, shown side by side. */
@Service
@Transactional(readOnly = true)
public class DiscrepancyService {

  private final DiscrepancyQueries queries;

  DiscrepancyService(DiscrepancyQueries queries) {
    this.queries = queries;
  }

  public List<Discrepancy> statements(String lang) {
    return queries.statements("nb".equals(lang));
  }

  /**
   * Where two sources' yearly figures for the same contributor, missions, type, gender, basis and
   * year differ by more than {@code percent} per cent of the larger.
   */
  public List<Discrepancy.FigureDiscrepancy> figures(String lang, int percent) {
    return queries.figures("nb".equals(lang), percent);
  }

  public List<Discrepancy.PlaceMismatch> placeMismatches(String lang) {
    return queries.placeMismatches("nb".equals(lang));
  }
}
