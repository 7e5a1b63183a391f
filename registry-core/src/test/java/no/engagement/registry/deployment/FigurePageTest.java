package no.engagement.registry.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import no.engagement.registry.RegistryTest;
import no.engagement.registry.deployment.DeploymentFilter.Grouping;
import no.engagement.registry.deployment.DeploymentFilter.Sort;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figure list (group=none) reads personnel_figure with its mission filter as an array of ids
 * and its joins in the written order: page after page, it must list exactly the figures that
 * independent SQL finds, including statements that cover a mission only through their set.
 */
@RegistryTest
class FigurePageTest {

  @Autowired DeploymentQueries queries;
  @Autowired JdbcTemplate sql;
  @Autowired TransactionTemplate transactions;

  @Test
  void everyPageTogetherListsTheFiguresIndependentSqlFinds() {
    int views = 0;
    int throughSets = 0;
    for (String basis : List.of("annual_average", "snapshot", "approximate_statement")) {
      for (var contributors : List.of(List.<String>of(), List.of("NOR"))) {
        for (var missions :
            List.of(List.of("UNMISS", "MINUSMA"), List.of("UNTSO"), List.of("UNFICYP"))) {
          var f =
              new DeploymentFilter(
                  contributors,
                  missions,
                  List.of(),
                  List.of(),
                  null,
                  null,
                  List.of(),
                  "total",
                  basis,
                  Grouping.NONE,
                  Sort.KEY);
          List<Long> paged = new ArrayList<>();
          long after = 0;
          while (true) { // pages of 7, as the screen walks them with ?after=
            long from = after;
            var page = transactions.execute(s -> queries.page(f, "en", from, 7));
            page.forEach(x -> paged.add(x.id()));
            if (page.size() < 7) {
              break;
            }
            after = page.getLast().id();
          }
          List<Long> expected =
              sql.queryForList(
                  "select f.id from personnel_figure f where f.basis = ?::basis_code"
                      + " and f.gender = 'total'"
                      + " and (cardinality(?::text[]) = 0 or f.contributor_iso3 = any(?::text[]))"
                      + " and (f.mission_id in (select id from mission where acronym = any(?::text[]))"
                      + "   or f.id in (select s.figure_id from personnel_figure_mission s"
                      + "     join mission m on m.id = s.mission_id where m.acronym = any(?::text[])))"
                      + " order by f.id",
                  Long.class,
                  basis,
                  array(contributors),
                  array(contributors),
                  array(missions),
                  array(missions));
          assertThat(paged).as("%s %s %s", basis, contributors, missions).isEqualTo(expected);
          throughSets +=
              sql.queryForObject(
                  "select count(*) from personnel_figure where mission_id is null and id = any(?::bigint[])",
                  Integer.class,
                  "{" + String.join(",", paged.stream().map(String::valueOf).toList()) + "}");
          views += paged.isEmpty() ? 0 : 1;
        }
      }
    }
    assertThat(views).as("views with figures").isGreaterThan(6);
    assertThat(throughSets).as("figures found through their set of missions").isPositive();
  }

  private static String array(List<String> values) {
    return "{" + String.join(",", values) + "}";
  }
}
