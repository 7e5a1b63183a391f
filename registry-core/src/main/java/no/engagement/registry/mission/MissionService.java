package no.engagement.registry.mission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Missions: the list, and one mission with its hosts, links, personnel and sources. */
@Service
@Transactional(readOnly = true)
public class MissionService {

  private final MissionQueries queries;

  MissionService(MissionQueries queries) {
    this.queries = queries;
  }

  public List<MissionRow> missions(String lang) {
    return queries.missions("nb".equals(lang));
  }

  /** The mission, or empty when no mission has that acronym. */
  public Optional<MissionDetail> mission(String acronym, String lang) {
    boolean nb = "nb".equals(lang);
    return queries
        .id(acronym)
        .map(
            id -> {
              var d = queries.detail(id, nb);
              var rows = queries.personnel(id, nb);
              var years = new TreeSet<Integer>();
              rows.forEach(r -> years.add(r.year()));
              List<Integer> yearList = List.copyOf(years);
              var series = new LinkedHashMap<String, MissionDetail.ContributorSeries>();
              for (var r : rows) {
                var s =
                    series.computeIfAbsent(
                        r.contributor(),
                        k -> {
                          var totals = new ArrayList<BigDecimal>();
                          yearList.forEach(y -> totals.add(null));
                          return new MissionDetail.ContributorSeries(
                              r.contributor(), r.name(), totals);
                        });
                s.totals().set(yearList.indexOf(r.year()), r.total());
              }
              return new MissionDetail(
                  d.mission(),
                  d.leadDepartment(),
                  d.hqLocation(),
                  d.longitude(),
                  d.latitude(),
                  d.regions(),
                  d.predecessors(),
                  d.successors(),
                  yearList,
                  List.copyOf(series.values()),
                  d.statements(),
                  d.sources());
            });
  }

  /** The mission's personnel as rows (contributor, year, total) for its CSV. */
  public List<MissionDetail.PersonnelRow> personnel(String acronym, String lang) {
    return queries
        .id(acronym)
        .map(id -> queries.personnel(id, "nb".equals(lang)))
        .orElse(List.of());
  }
}
