package no.engagement.registry.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.engagement.registry.RegistryTest;
import no.engagement.registry.deployment.DeploymentFilter.Grouping;
import no.engagement.registry.deployment.DeploymentFilter.Sort;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The screen reads the smallest roll-up of the series that keeps what it filters and groups by
 * (V3__deployment_rollup.sql). Every such answer must equal the same view summed from the series
 * themselves (level 0), and the series must equal independent SQL over the figures.
 */
@RegistryTest
class DeploymentRollupTest {

  @Autowired DeploymentQueries queries;
  @Autowired JdbcTemplate sql;

  private static DeploymentFilter filter(
      List<String> contributors,
      List<String> missions,
      List<String> hosts,
      List<String> regions,
      List<String> types,
      String basis,
      String gender,
      Grouping group) {
    return new DeploymentFilter(
        contributors, missions, hosts, regions, 2012, 2021, types, gender, basis, group, Sort.KEY);
  }

  @Test
  void everyRollupLevelGivesTheSameCellsAsTheSeries() {
    List<List<String>> contributors = List.of(List.of(), List.of("NOR", "GHA"));
    List<List<String>> missions = List.of(List.of(), List.of("UNMISS", "MINUSMA"));
    List<List<String>> hosts = List.of(List.of(), List.of("LBN"));
    List<List<String>> regions = List.of(List.of(), List.of("MIDDLE-EAST"));
    List<List<String>> types = List.of(List.of(), List.of("individual_police"));
    int views = 0;
    int nonEmpty = 0;
    for (String basis : List.of("annual_average", "approximate_statement")) {
      for (Grouping group : List.of(Grouping.values())) {
        for (var c : contributors) {
          for (var m : missions) {
            for (var h : hosts) {
              for (var r : regions) {
                for (var t : types) {
                  var f = filter(c, m, h, r, t, basis, "total", group);
                  var fromRollup = sorted(queries.cells(f, "en"));
                  var fromSeries = sorted(queries.cells(f, "en", (short) 0));
                  assertThat(fromRollup).as("%s", f).isEqualTo(fromSeries);
                  views++;
                  nonEmpty += fromRollup.isEmpty() ? 0 : 1;
                }
              }
            }
          }
        }
      }
    }
    assertThat(views).isEqualTo(2 * Grouping.values().length * 32);
    assertThat(nonEmpty).as("views with figures behind them").isGreaterThan(views / 4);
  }

  @Test
  void theLevelKeepsExactlyTheDimensionsTheViewNeeds() {
    var none = List.<String>of();
    assertThat(
            DeploymentQueries.level(
                filter(none, none, none, none, none, "snapshot", "total", Grouping.YEAR)))
        .isEqualTo((short) 7);
    assertThat(
            DeploymentQueries.level(
                filter(List.of("NOR"), none, none, none, none, "snapshot", "total", Grouping.YEAR)))
        .isEqualTo((short) 3);
    assertThat(
            DeploymentQueries.level(
                filter(
                    none,
                    none,
                    none,
                    List.of("MIDDLE-EAST"),
                    none,
                    "snapshot",
                    "total",
                    Grouping.TYPE)))
        .isEqualTo((short) 4);
    assertThat(
            DeploymentQueries.level(
                filter(
                    List.of("NOR"),
                    none,
                    none,
                    none,
                    List.of("troops"),
                    "snapshot",
                    "total",
                    Grouping.HOST)))
        .isEqualTo((short) 0);
  }

  @Test
  void theSeriesTotalEqualsIndependentSqlOverTheFigures() {
    // Norway's 2019 annual averages: the mean of each series (contributor, missions, type, year),
    // summed, computed here straight from personnel_figure
    BigDecimal expected =
        sql.queryForObject(
            "select sum(mean) from (select round(avg(count), 2) as mean from personnel_figure"
                + " where contributor_iso3 = 'NOR' and year = 2019 and basis = 'annual_average'"
                + " and gender = 'total' group by mission_id, personnel_type) s",
            BigDecimal.class);
    var f =
        new DeploymentFilter(
            List.of("NOR"),
            List.of(),
            List.of(),
            List.of(),
            2019,
            2019,
            List.of(),
            "total",
            "annual_average",
            Grouping.YEAR,
            Sort.KEY);
    var cells = queries.cells(f, "en");
    assertThat(cells).hasSize(1);
    assertThat(expected).isPositive();
    assertThat(cells.getFirst().total()).isEqualByComparingTo(expected);
  }

  private static List<DeploymentQueries.Cell> sorted(List<DeploymentQueries.Cell> cells) {
    var out = new ArrayList<>(cells);
    out.replaceAll(
        c ->
            new DeploymentQueries.Cell(
                c.code(),
                c.label(),
                c.year(),
                c.total().stripTrailingZeros(),
                c.figures(),
                c.monthsMin(),
                c.monthsMax(),
                c.flags(),
                c.severalSources(),
                c.parent(),
                c.order()));
    out.sort(
        Comparator.comparing(DeploymentQueries.Cell::label)
            .thenComparing(DeploymentQueries.Cell::year)
            .thenComparing(DeploymentQueries.Cell::total));
    return out;
  }
}
