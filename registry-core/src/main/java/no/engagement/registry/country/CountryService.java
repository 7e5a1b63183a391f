package no.engagement.registry.country;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Countries: the list, and one country as contributor and as host. */
@Service
@Transactional(readOnly = true)
public class CountryService {

  private final CountryQueries queries;

  CountryService(CountryQueries queries) {
    this.queries = queries;
  }

  public List<CountryRow> countries(String lang) {
    return queries.countries("nb".equals(lang));
  }

  public Optional<CountryDetail> country(String iso3, String lang) {
    boolean nb = "nb".equals(lang);
    return queries
        .country(iso3, nb)
        .map(
            c -> {
              var rows = queries.contributions(iso3);
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
                  queries.hosted(iso3, nb));
            });
  }

  public List<CountryDetail.ContributionRow> contributions(String iso3) {
    return queries.contributions(iso3);
  }
}
