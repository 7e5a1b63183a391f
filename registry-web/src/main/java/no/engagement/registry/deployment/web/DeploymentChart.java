package no.engagement.registry.deployment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.engagement.registry.deployment.DeploymentView;
import no.engagement.registry.web.BarChart;
import no.engagement.registry.web.WholeNumbers;

/**
 * The deployments screen's chart: the total of each year as a bar, stacked by the grouping the user
 * chose (the largest groups, the rest as one), each bar linking to that year's figures.
 */
final class DeploymentChart {

  private DeploymentChart() {}

  /**
   * The chart of {@code view}; {@code base} is the screen's query without years, grouping and
   * sorting, ending in {@code ?} or {@code &}.
   */
  static BarChart.Drawn of(
      DeploymentView view, String base, Rows.Texts texts, WholeNumbers num, String title) {
    List<BarChart.Category> categories = new ArrayList<>();
    List<String> years = new ArrayList<>();
    for (var t : view.trend()) {
      years.add(Integer.toString(t.year()));
      String flagged =
          t.flags() != 0
              ? texts.flagNames(t.flags())
              : t.coverage().partial() ? texts.coverage(t.coverage()) : null;
      String href =
          t.total() == null ? null : base + "from=" + t.year() + "&to=" + t.year() + "&group=none";
      categories.add(new BarChart.Category(years.getLast(), flagged, href));
    }
    List<BarChart.Series> series;
    if (view.stacks().isEmpty()) {
      List<BigDecimal> totals = view.trend().stream().map(DeploymentView.YearTotal::total).toList();
      series = List.of(new BarChart.Series(texts.message("dep.total"), totals));
    } else {
      Map<String, Map<String, BigDecimal>> byGroup = new LinkedHashMap<>();
      for (var s : view.stacks()) {
        byGroup
            .computeIfAbsent(s.label(), k -> new LinkedHashMap<>())
            .merge(Integer.toString(s.year()), s.total(), BigDecimal::add);
      }
      series =
          BarChart.series(years, List.copyOf(byGroup.entrySet()), texts.message("chart.others"));
    }
    return BarChart.draw(
        "trend-chart", title, categories, series, num::whole, texts.message("chart.flagged"));
  }
}
