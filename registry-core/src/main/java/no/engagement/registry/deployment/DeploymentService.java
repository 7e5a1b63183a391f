package no.engagement.registry.deployment;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import no.engagement.registry.export.CsvDialect;
import no.engagement.registry.reference.ReferenceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deployments: personnel figures filtered, grouped and totalled, and every figure behind them. */
@Service
@Transactional(readOnly = true)
public class DeploymentService {

  public static final int PAGE_SIZE = 100;
  private final DeploymentQueries queries;
  private final ReferenceService reference;

  DeploymentService(DeploymentQueries queries, ReferenceService reference) {
    this.queries = queries;
    this.reference = reference;
  }

  /**
   * The screen's answer: total, trend by year, and the groups (or, with grouping NONE, one page of
   * figures after the id {@code after}).
   *
   * @throws UnknownCodeException when a filter names a code the registry does not know
   */
  public DeploymentView view(DeploymentFilter filter, String lang, long after) {
    checkCodes(filter);
    var cells = queries.cells(filter, lang);
    BigDecimal total =
        cells.stream().map(DeploymentQueries.Cell::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    long figures = cells.stream().mapToLong(DeploymentQueries.Cell::figures).sum();
    var byYear = new TreeMap<Integer, BigDecimal>();
    cells.forEach(c -> byYear.merge(c.year(), c.total(), BigDecimal::add));
    var trend =
        byYear.entrySet().stream()
            .map(e -> new DeploymentView.YearTotal(e.getKey(), e.getValue()))
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
    return new DeploymentView(filter, total, figures, trend, groups, page, next);
  }

  /** The groups of the view, all of them (for CSV). */
  public List<DeploymentView.Group> groups(DeploymentFilter filter, String lang) {
    checkCodes(filter);
    return groups(filter, queries.cells(filter, lang), lang);
  }

  private static List<DeploymentView.Group> groups(
      DeploymentFilter filter, List<DeploymentQueries.Cell> cells, String lang) {
    record Key(String code, String label) {}
    var sums = new LinkedHashMap<Key, BigDecimal>();
    var counts = new LinkedHashMap<Key, Long>();
    for (var c : cells) {
      var k = new Key(c.code(), c.label());
      sums.merge(k, c.total(), BigDecimal::add);
      counts.merge(k, c.figures(), Long::sum);
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
    return sums.entrySet().stream()
        .map(
            e ->
                new DeploymentView.Group(
                    e.getKey().code(), e.getKey().label(), e.getValue(), counts.get(e.getKey())))
        .sorted(order)
        .toList();
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
