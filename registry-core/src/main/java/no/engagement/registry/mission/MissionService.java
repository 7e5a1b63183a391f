package no.engagement.registry.mission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import no.engagement.registry.db.KeptResults;
import no.engagement.registry.figure.FigureQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Missions: the list, and one mission with its hosts, links, personnel and sources. */
@Service
@Transactional(readOnly = true)
public class MissionService {

  private final MissionQueries queries;
  private final KeptResults kept;

  MissionService(MissionQueries queries, KeptResults kept) {
    this.queries = queries;
    this.kept = kept;
  }

  public List<MissionRow> missions(String lang) {
    return queries.missions("nb".equals(lang));
  }

  /** The bases a page of yearly figures shows, in the order it prefers them. */
  public static final List<String> YEARLY_BASES = List.of("annual_average", "snapshot");

  /**
   * The basis to show: {@code asked} if given, else the first of {@link #YEARLY_BASES} with figures
   * (annual averages when there are none).
   */
  public static String basis(String asked, List<FigureQueries.BasisFigures> bases) {
    if (asked != null) {
      return asked;
    }
    return bases.stream()
        .map(FigureQueries.BasisFigures::basis)
        .filter(YEARLY_BASES::contains)
        .findFirst()
        .orElse(YEARLY_BASES.getFirst());
  }

  /**
   * The mission, or empty when no mission has that acronym; its personnel in {@code basis} (one of
   * {@link #YEARLY_BASES}, or null for the first with figures). Gathered once per version of the
   * data (KeptResults).
   */
  public Optional<MissionDetail> mission(String acronym, String lang, String basis) {
    boolean nb = "nb".equals(lang);
    return queries
        .id(acronym)
        .map(
            id ->
                kept.get(
                    "mission",
                    List.of(id, lang, Objects.toString(basis, "")),
                    () -> mission(id, nb, basis)));
  }

  private MissionDetail mission(long id, boolean nb, String basis) {
    var d = queries.detail(id, nb);
    var bases = queries.bases(id);
    String shown = basis(basis, bases);
    var rows = queries.personnel(id, nb, shown);
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
                return new MissionDetail.ContributorSeries(r.contributor(), r.name(), totals);
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
        d.sources(),
        shown,
        bases,
        d.hostCodes(),
        FigureQueries.Marks.byYear(
            rows, MissionDetail.PersonnelRow::year, MissionDetail.PersonnelRow::marks));
  }

  /**
   * The mission's personnel in {@code basis} as rows (contributor, year, total) for its CSV; the
   * basis is that of the page ({@link #basis}).
   */
  public List<MissionDetail.PersonnelRow> personnel(String acronym, String lang, String basis) {
    return queries
        .id(acronym)
        .map(id -> queries.personnel(id, "nb".equals(lang), basis(basis, queries.bases(id))))
        .orElse(List.of());
  }
}
