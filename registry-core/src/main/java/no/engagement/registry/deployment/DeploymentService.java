package no.engagement.registry.deployment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deployments: personnel figures filtered, grouped and totalled, and every figure behind them. */
@Service
@Transactional(readOnly = true)
public class DeploymentService {

  public static final int PAGE_SIZE = 100;
  private final DeploymentQueries queries;

  DeploymentService(DeploymentQueries queries) {
    this.queries = queries;
  }

  /**
   * The screen's answer: total, trend by year, and the groups (or, with grouping NONE, one page of
   * figures after the id {@code after}).
   *
   * @throws UnknownCodeException when a filter names a code the registry does not know
   */
  public DeploymentView view(DeploymentFilter filter, String lang, long after) {
    checkCodes(filter);
    var where = queries.where(filter);
    BigDecimal[] tc = queries.totalAndCount(where);
    var trend = queries.trend(where);
    List<DeploymentView.Group> groups = List.of();
    List<DeploymentView.Figure> page = List.of();
    Long next = null;
    if (filter.group() == DeploymentFilter.Grouping.NONE) {
      page = new ArrayList<>(queries.page(where, lang, after, PAGE_SIZE + 1));
      if (page.size() > PAGE_SIZE) {
        page = page.subList(0, PAGE_SIZE);
        next = page.getLast().id();
      }
    } else {
      groups = queries.groups(filter, where, lang);
    }
    return new DeploymentView(filter, tc[0], tc[1].longValue(), trend, groups, page, next);
  }

  /** The groups of the view, all of them (for CSV). */
  public List<DeploymentView.Group> groups(DeploymentFilter filter, String lang) {
    checkCodes(filter);
    return queries.groups(filter, queries.where(filter), lang);
  }

  /** Every figure of the view, streamed one by one inside this read-only transaction. */
  public void eachFigure(
      DeploymentFilter filter, String lang, Consumer<DeploymentView.Figure> sink) {
    checkCodes(filter);
    queries.eachFigure(queries.where(filter), lang, sink);
  }

  private void checkCodes(DeploymentFilter f) {
    check("contributor", f.contributors(), queries.knownCountries(f.contributors()));
    check("host", f.hosts(), queries.knownCountries(f.hosts()));
    check("mission", f.missions(), queries.knownMissions(f.missions()));
    check("region", f.regions(), queries.knownRegions(f.regions()));
  }

  private static void check(String parameter, List<String> codes, Set<String> known) {
    for (String code : codes) {
      if (!known.contains(code)) {
        throw new UnknownCodeException(parameter, code);
      }
    }
  }
}
