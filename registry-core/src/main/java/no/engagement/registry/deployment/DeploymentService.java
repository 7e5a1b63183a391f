package no.engagement.registry.deployment;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import no.engagement.registry.export.CsvDialect;
import no.engagement.registry.reference.ReferenceService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deployments: personnel figures filtered, grouped and totalled, and every figure behind them. */
@Service
@Transactional(readOnly = true)
public class DeploymentService {

  public static final int PAGE_SIZE = 100;
  private final DeploymentQueries queries;
  private final ReferenceService reference;
  private final no.engagement.registry.db.KeptResults kept;

  DeploymentService(
      DeploymentQueries queries,
      ReferenceService reference,
      no.engagement.registry.db.KeptResults kept) {
    this.queries = queries;
    this.reference = reference;
    this.kept = kept;
  }

  /**
   * The screen's answer: total, trend by year, and the groups (or, with grouping NONE, one page of
   * figures after the id {@code after}).
   *
   * <p>Kept per version of the data (KeptResults).
   *
   * @throws UnknownCodeException when a filter names a code the registry does not know
   */
  public DeploymentView view(DeploymentFilter filter, String lang, long after) {
    checkCodes(filter);
    return kept.get(
        "deployments", List.of(filter, lang, after), () -> computeView(filter, lang, after));
  }

  private DeploymentView computeView(DeploymentFilter filter, String lang, long after) {
    var cells = queries.cells(filter, lang);
    var counted = tops(filter, cells);
    BigDecimal total =
        counted.stream()
            .map(DeploymentQueries.Cell::total)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    long figures = counted.stream().mapToLong(DeploymentQueries.Cell::figures).sum();
    var byYear = new TreeMap<Integer, Tally>();
    counted.forEach(c -> byYear.merge(c.year(), Tally.of(c), Tally::plus));
    var notes = queries.flagNotes(filter);
    for (var n : notes) { // a flagged year without figures still says why it has none
      int bit = 1 << DeploymentView.FLAGS.indexOf(n.flag());
      var months = new DeploymentView.Coverage(n.monthsCovered(), n.monthsCovered());
      byYear.merge(
          n.year(),
          new Tally(null, 0, months, bit, 0),
          (a, b) -> a.total() == null ? a.plus(b) : a);
    }
    var trend =
        byYear.entrySet().stream()
            .map(
                e ->
                    new DeploymentView.YearTotal(
                        e.getKey(),
                        e.getValue().total(),
                        e.getValue().coverage(),
                        e.getValue().flags()))
            .toList();
    List<DeploymentView.Group> groups = List.of();
    List<DeploymentView.Figure> page = List.of();
    Long next = null;
    if (filter.group() == DeploymentFilter.Grouping.NONE) {
      page = new ArrayList<>(queries.page(filter, lang, after, PAGE_SIZE + 1));
      if (page.size() > PAGE_SIZE) {
        page = page.subList(0, PAGE_SIZE);
        next = page.getLast().id();
      }
    } else {
      groups = groups(filter, cells, lang);
    }
    var otherBases =
        queries.otherBases(filter).stream()
            .map(o -> new DeploymentView.OtherBasis(o.basis(), o.figures()))
            .toList();
    boolean severalSources = cells.stream().anyMatch(DeploymentQueries.Cell::severalSources);
    List<DeploymentView.YearGroup> stacks =
        filter.group() == DeploymentFilter.Grouping.NONE
                || filter.group() == DeploymentFilter.Grouping.YEAR
            ? List.of()
            : counted.stream()
                .filter(c -> c.total() != null)
                .map(c -> new DeploymentView.YearGroup(c.year(), c.code(), c.label(), c.total()))
                .toList();
    return new DeploymentView(
        filter,
        total,
        figures,
        trend,
        groups,
        page,
        next,
        otherBases,
        severalSources,
        notes,
        stacks);
  }

  /**
   * Cells added up: their total (null for a flagged year without figures), figures, months and
   * flags, and the place in the type tree of the first.
   */
  private record Tally(
      @Nullable BigDecimal total,
      long figures,
      DeploymentView.Coverage coverage,
      int flags,
      int order) {

    static Tally of(DeploymentQueries.Cell c) {
      return new Tally(
          c.total(),
          c.figures(),
          new DeploymentView.Coverage(c.monthsMin(), c.monthsMax()),
          c.flags(),
          c.order());
    }

    Tally plus(Tally o) {
      return new Tally(
          total == null ? o.total : o.total == null ? total : total.add(o.total),
          figures + o.figures,
          coverage.and(o.coverage),
          flags | o.flags,
          order);
    }
  }

  /**
   * The cells that make the total: grouped by type, a parent type's cell is the sum of the types
   * below it, so only the tops of the tree count (a type whose parent is not among the groups).
   */
  private static List<DeploymentQueries.Cell> tops(
      DeploymentFilter filter, List<DeploymentQueries.Cell> cells) {
    if (filter.group() != DeploymentFilter.Grouping.TYPE) {
      return cells;
    }
    Set<String> types = new HashSet<>();
    cells.forEach(c -> types.add(c.code()));
    return cells.stream().filter(c -> c.parent() == null || !types.contains(c.parent())).toList();
  }

  /**
   * The comparison of sources: for the view's selection (every basis), each source's figure per
   * year, side by side.
   *
   * @throws UnknownCodeException when a filter names a code the registry does not know
   */
  public List<DeploymentView.SourceFigure> bySource(DeploymentFilter filter) {
    checkCodes(filter);
    return queries.bySource(filter);
  }

  /**
   * The selection on a map: its total by contributing country (as the groups add it up, over the
   * years selected) and the countries that host its missions.
   */
  public record MapView(Map<String, BigDecimal> contributors, Set<String> hosts) {}

  /**
   * The view's selection on a map (not for gender "all", which lists figures one by one).
   *
   * @throws UnknownCodeException when a filter names a code the registry does not know
   */
  public MapView map(DeploymentFilter filter, String lang) {
    checkCodes(filter);
    // the same selection in any grouping or order is the same map: kept per version of the data
    var selection =
        filter.grouped(DeploymentFilter.Grouping.CONTRIBUTOR).sorted(DeploymentFilter.Sort.KEY);
    return kept.get("deployments map", List.of(selection, lang), () -> mapOf(selection, lang));
  }

  private MapView mapOf(DeploymentFilter filter, String lang) {
    var contributors = new java.util.TreeMap<String, BigDecimal>();
    for (var c : queries.cells(filter.grouped(DeploymentFilter.Grouping.CONTRIBUTOR), lang)) {
      if (c.code() != null && c.total() != null) {
        contributors.merge(c.code(), c.total(), BigDecimal::add);
      }
    }
    var hosts = new java.util.TreeSet<String>();
    for (var c : queries.cells(filter.grouped(DeploymentFilter.Grouping.HOST), lang)) {
      if (c.code() != null) {
        hosts.add(c.code());
      }
    }
    return new MapView(
        java.util.Collections.unmodifiableMap(contributors),
        java.util.Collections.unmodifiableSet(hosts));
  }

  /** The groups of the view, all of them (for CSV). */
  public List<DeploymentView.Group> groups(DeploymentFilter filter, String lang) {
    checkCodes(filter);
    return groups(filter, queries.cells(filter, lang), lang);
  }

  private static List<DeploymentView.Group> groups(
      DeploymentFilter filter, List<DeploymentQueries.Cell> cells, String lang) {
    record Key(@Nullable String code, String label) {}
    var sums = new LinkedHashMap<Key, Tally>();
    var parents = new HashMap<String, String>();
    for (var c : cells) {
      sums.merge(new Key(c.code(), c.label()), Tally.of(c), Tally::plus);
      if (c.parent() != null) {
        parents.put(c.code(), c.parent());
      }
    }
    var collator = Collator.getInstance(Locale.forLanguageTag(lang));
    Comparator<DeploymentView.Group> byKey =
        filter.group() == DeploymentFilter.Grouping.YEAR
            ? Comparator.comparing(g -> Integer.valueOf(g.label()))
            : Comparator.comparing(DeploymentView.Group::label, collator);
    Comparator<DeploymentView.Group> order =
        switch (filter.sort()) {
          case TOTAL -> Comparator.comparing(DeploymentView.Group::total).thenComparing(byKey);
          case TOTAL_DESC ->
              Comparator.comparing(DeploymentView.Group::total).reversed().thenComparing(byKey);
          case KEY_DESC -> byKey.reversed();
          default -> byKey;
        };
    Set<String> codes = new HashSet<>();
    sums.keySet().forEach(k -> codes.add(k.code()));
    var groups =
        sums.entrySet().stream()
            .map(
                e ->
                    new DeploymentView.Group(
                        e.getKey().code(),
                        e.getKey().label(),
                        // a group sums the cells of the roll-up, each of which has a total
                        java.util.Objects.requireNonNull(e.getValue().total(), "a group's total"),
                        e.getValue().figures(),
                        e.getValue().coverage(),
                        e.getValue().flags(),
                        depth(e.getKey().code(), parents, codes)));
    if (filter.group() == DeploymentFilter.Grouping.TYPE) { // the tree, in its own order
      var place = new HashMap<String, Integer>();
      sums.forEach((k, v) -> place.put(k.code(), v.order()));
      return groups.sorted(Comparator.comparing(g -> place.get(g.code()))).toList();
    }
    return groups.sorted(order).toList();
  }

  /** How many of the type's ancestors are among the groups. */
  private static int depth(@Nullable String code, Map<String, String> parents, Set<String> codes) {
    int depth = 0;
    for (String p = parents.get(code); p != null && codes.contains(p); p = parents.get(p)) {
      depth++;
    }
    return depth;
  }

  /**
   * Every figure of the view as CSV in {@code dialect}, streamed from PostgreSQL's COPY through the
   * transcoder (memory stays constant); returns the rows written. The codes are checked before the
   * first byte (call {@link #checkCodes} before opening {@code out} to answer a bad one with a
   * page).
   *
   * @throws UnknownCodeException when a filter names a code the registry does not know
   * @throws UncheckedIOException when the stream breaks; the caller must abort the response
   */
  public long writeFigures(
      DeploymentFilter filter, String lang, CsvDialect dialect, OutputStream out) {
    checkCodes(filter);
    return queries.copyFigures(filter, lang, dialect, out);
  }

  /**
   * Checks the filter's codes, for a caller that must know before it opens its stream. Codes in the
   * kept reference lists need no query; any other is looked up in the database, which has the last
   * import's codes.
   *
   * @throws UnknownCodeException when a filter names a code the registry does not know
   */
  public void checkCodes(DeploymentFilter f) {
    check("contributor", f.contributors(), reference::listsCountries, queries::knownCountries);
    check("host", f.hosts(), reference::listsCountries, queries::knownCountries);
    check("mission", f.missions(), reference::listsMissions, queries::knownMissions);
    check("region", f.regions(), reference::listsRegions, queries::knownRegions);
  }

  private static void check(
      String parameter,
      List<String> codes,
      Predicate<List<String>> listed,
      Function<List<String>, Set<String>> lookup) {
    if (codes.isEmpty() || listed.test(codes)) {
      return;
    }
    Set<String> known = lookup.apply(codes);
    for (String code : codes) {
      if (!known.contains(code)) {
        throw new UnknownCodeException(parameter, code);
      }
    }
  }
}
