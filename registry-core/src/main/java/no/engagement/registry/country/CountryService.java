package no.engagement.registry.country;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import no.engagement.registry.db.KeptResults;
import no.engagement.registry.figure.FigureQueries;
import no.engagement.registry.mission.MissionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Countries: the list, and one country as contributor and as host. */
@Service
@Transactional(readOnly = true)
public class CountryService {

  private final CountryQueries queries;
  private final KeptResults kept;

  CountryService(CountryQueries queries, KeptResults kept) {
    this.queries = queries;
    this.kept = kept;
  }

  /** Every country with its counts, counted once per version of the data (KeptResults). */
  public List<CountryRow> countries(String lang) {
    return kept.get("countries", List.of(lang), () -> queries.countries("nb".equals(lang)));
  }

  /**
   * The country, or empty when the registry does not know it; its contributions in {@code basis}
   * (one of {@link MissionService#YEARLY_BASES}, or null for the first with figures). Gathered once
   * per version of the data (KeptResults).
   */
  public Optional<CountryDetail> country(String iso3, String lang, String basis) {
    boolean nb = "nb".equals(lang);
    // the row with its counts from the kept list of countries, not counted again
    return countries(lang).stream()
        .filter(c -> c.iso3().equals(iso3))
        .findFirst()
        .map(
            c ->
                kept.get(
                    "country",
                    List.of(iso3, lang, java.util.Objects.toString(basis, "")),
                    () -> country(c, nb, basis)));
  }

  private CountryDetail country(CountryRow c, boolean nb, String basis) {
    String iso3 = c.iso3();
    var bases = queries.bases(iso3);
    String shown = MissionService.basis(basis, bases);
    var rows = queries.contributions(iso3, shown);
    var years = new TreeSet<Integer>();
    rows.forEach(r -> years.add(r.year()));
    List<Integer> yearList = List.copyOf(years);
    var series = new LinkedHashMap<String, List<BigDecimal>>();
    for (var r : rows) {
      series
          .computeIfAbsent(
              r.acronym(),
              k -> {
                var totals = new ArrayList<BigDecimal>();
                yearList.forEach(y -> totals.add(null));
                return totals;
              })
          .set(yearList.indexOf(r.year()), r.total());
    }
    var contributions =
        series.entrySet().stream()
            .map(e -> new CountryDetail.MissionSeries(e.getKey(), e.getValue()))
            .toList();
    return new CountryDetail(
        c,
        queries.otherName(iso3, nb),
        yearList,
        contributions,
        queries.hosted(iso3, nb),
        shown,
        bases,
        queries.statements(iso3, nb),
        queries.stated(iso3, nb),
        FigureQueries.Marks.byYear(
            rows, CountryDetail.ContributionRow::year, CountryDetail.ContributionRow::marks));
  }

  /**
   * The country's personnel in the page's {@code basis} and {@code year} by host country, for its
   * map, once per version of the data (KeptResults).
   */
  public java.util.Map<String, BigDecimal> byHost(String iso3, String basis, int year) {
    return kept.get(
        "country by host", List.of(iso3, basis, year), () -> queries.byHost(iso3, basis, year));
  }

  /** The country's contributions in {@code basis} (that of its page) as rows for its CSV. */
  public List<CountryDetail.ContributionRow> contributions(String iso3, String basis) {
    return queries.contributions(iso3, MissionService.basis(basis, queries.bases(iso3)));
  }
}
