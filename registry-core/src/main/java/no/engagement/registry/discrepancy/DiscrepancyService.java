package no.engagement.registry.discrepancy;

import java.util.List;
import no.engagement.registry.db.KeptResults;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Facts on which sources disagree, kept both, shown side by side. */
@Service
@Transactional(readOnly = true)
public class DiscrepancyService {

  private final DiscrepancyQueries queries;
  private final KeptResults kept;

  DiscrepancyService(DiscrepancyQueries queries, KeptResults kept) {
    this.queries = queries;
    this.kept = kept;
  }

  // each list is compared once per version of the data (KeptResults)

  public List<Discrepancy> statements(String lang) {
    return kept.get(
        "discrepant statements", List.of(lang), () -> queries.statements("nb".equals(lang)));
  }

  /**
   * Where two sources' yearly figures for the same contributor, missions, type, gender, basis and
   * year differ by more than {@code percent} per cent of the larger.
   */
  public List<Discrepancy.FigureDiscrepancy> figures(String lang, int percent) {
    return kept.get(
        "discrepant figures",
        List.of(lang, percent),
        () -> queries.figures("nb".equals(lang), percent));
  }

  public List<Discrepancy.PlaceMismatch> placeMismatches(String lang) {
    return kept.get(
        "place mismatches", List.of(lang), () -> queries.placeMismatches("nb".equals(lang)));
  }
}
