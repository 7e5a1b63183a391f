package no.engagement.registry.deployment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import no.engagement.registry.deployment.DeploymentView;
import no.engagement.registry.web.WholeNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/**
 * The table rows written in Java: every text escaped, links only where a filter narrows to the row,
 * numbers as every screen writes them. (The pages around them: DeploymentScreenTest.)
 */
class RowsTest {

  private final WholeNumbers num = new WholeNumbers();
  private final Rows.Texts texts = new Rows.Texts(messages(), Locale.ENGLISH);

  private static StaticMessageSource messages() {
    var m = new StaticMessageSource();
    m.addMessage("dep.explain", Locale.ENGLISH, "Show \"the\" figures");
    m.addMessage("dep.about", Locale.ENGLISH, "about");
    m.addMessage("dep.batch", Locale.ENGLISH, "import batch {0} ({1})");
    m.addMessage("dep.coverage", Locale.ENGLISH, "{0} of 12 months");
    m.addMessage("dep.coverage.range", Locale.ENGLISH, "{0}\u2013{1} of 12 months");
    m.addMessage("dep.flagged", Locale.ENGLISH, "({0}: see the notes)");
    m.addMessage("flag.partial_year", Locale.ENGLISH, "partial <year>");
    m.addMessage("flag.estimated", Locale.ENGLISH, "estimated");
    m.addMessage("dep.total", Locale.ENGLISH, "Total");
    m.addMessage("chart.others", Locale.ENGLISH, "Others");
    m.addMessage("chart.flagged", Locale.ENGLISH, "partial or flagged");
    return m;
  }

  private static final DeploymentView.Coverage FULL = new DeploymentView.Coverage(12, 12);

  @Test
  void groupsLinkTheirTotalsOnlyWhereAFilterNarrowsToThem() {
    var rows =
        Rows.groups(
            List.of(
                new DeploymentController.GroupLink(
                    new DeploymentView.Group(
                        "CIV", "Côte d'Ivoire <CI>", new BigDecimal(12345), 3, FULL, 0, 0),
                    "/deployments?contributor=CIV&group=none"),
                new DeploymentController.GroupLink(
                    new DeploymentView.Group(
                        null,
                        "MINUSMA, UNMISS",
                        new BigDecimal("45.5"),
                        1,
                        DeploymentView.Coverage.NONE,
                        0,
                        0),
                    null)),
            texts,
            num);
    assertThat(rows)
        .isEqualTo(
            """
            <tr>
            <th scope="row">Côte d&#39;Ivoire &lt;CI&gt;</th>
            <td class="num"><a href="/deployments?contributor=CIV&amp;group=none" \
            title="Show &quot;the&quot; figures">12 345</a></td>
            <td>12 of 12 months</td>
            <td class="num">3</td>
            </tr>
            <tr>
            <th scope="row">MINUSMA, UNMISS</th>
            <td class="num"><span>46</span></td>
            <td></td>
            <td class="num">1</td>
            </tr>
            """);
  }

  @Test
  void figuresShowPeriodApproximationSourceBatchAndStatedText() {
    var statement =
        new DeploymentView.Figure(
            7,
            "NOR",
            "Norway",
            "MINUSMA, UNMISS",
            2019,
            null,
            null,
            "uniformed",
            "Uniformed",
            "total",
            new BigDecimal(45),
            "approximate_statement",
            true,
            "around \"45\" <people>",
            3L,
            "Report & annex",
            "nb",
            null,
            null);
    var imported =
        new DeploymentView.Figure(
            8,
            "SWE",
            "Sweden",
            "UNTSO",
            2019,
            LocalDate.of(2019, 1, 1),
            LocalDate.of(2019, 1, 31),
            "police",
            "Police",
            "female",
            new BigDecimal(1200),
            "snapshot",
            false,
            null,
            null,
            null,
            null,
            12L,
            "personnel <2019>.csv");
    assertThat(Rows.figures(List.of(statement, imported), texts, num))
        .isEqualTo(
            """
            <tr id="figure-7">
            <th scope="row">Norway</th>
            <td>MINUSMA, UNMISS</td>
            <td>2019</td>
            <td>Uniformed</td>
            <td class="num"><span>about </span><span>45</span></td>
            <td><a href="/sources/3" lang="nb">Report &amp; annex</a>
            <q lang="nb">around &quot;45&quot; &lt;people&gt;</q></td>
            </tr>
            <tr id="figure-8">
            <th scope="row">Sweden</th>
            <td>UNTSO</td>
            <td>2019-01-01 – 2019-01-31</td>
            <td>Police</td>
            <td class="num"><span>1 200</span></td>
            <td>
            <span class="batch">import batch 12 (personnel &lt;2019&gt;.csv)</span></td>
            </tr>
            """);
  }

  @Test
  void aMissingTextIsEmptyAsInTheTemplates() {
    assertThat(Rows.htmlEscape(null)).isEmpty();
    assertThat(Rows.htmlEscape("Côte d'Ivoire & <Ghana>"))
        .isEqualTo("Côte d&#39;Ivoire &amp; &lt;Ghana&gt;");
  }

  @Test
  void theTrendLinksEachYearToItsFigures() {
    var trend =
        List.of(
            new DeploymentView.YearTotal(2018, new BigDecimal(50), FULL, 0),
            new DeploymentView.YearTotal(2019, new BigDecimal(100), FULL, 0));
    assertThat(Rows.trend(trend, "/deployments?contributor=NOR&", texts, num))
        .isEqualTo(
            """
            <tr><th scope="row">2018</th><td class="num"><a href="/deployments?contributor=NOR&amp;\
            from=2018&amp;to=2018&amp;group=none" title="Show &quot;the&quot; figures">50</a>\
            </td><td>12 of 12 months</td></tr>
            <tr><th scope="row">2019</th><td class="num"><a href="/deployments?contributor=NOR&amp;\
            from=2019&amp;to=2019&amp;group=none" title="Show &quot;the&quot; figures">100</a>\
            </td><td>12 of 12 months</td></tr>
            """);
  }

  @Test
  void aFlaggedPartialYearIsMarkedInItsRowAndItsBarAndATypeBelowAnotherIsIndented() {
    var partial = new DeploymentView.Coverage(9, 12);
    var trend =
        List.of(
            new DeploymentView.YearTotal(2012, new BigDecimal(40), partial, 1),
            new DeploymentView.YearTotal(2013, new BigDecimal(60), FULL, 0));
    assertThat(Rows.trend(trend, "/deployments?", texts, num))
        .isEqualTo(
            """
            <tr><th scope="row">2012</th><td class="num"><a href="/deployments?\
            from=2012&amp;to=2012&amp;group=none" title="Show &quot;the&quot; figures">40</a>\
            <a class="flag" href="#flag-notes" title="partial &lt;year&gt;">\
            <span aria-hidden="true">*</span><span class="visually-hidden">\
            (partial &lt;year&gt;: see the notes)</span></a></td><td>9–12 of 12 months</td></tr>
            <tr><th scope="row">2013</th><td class="num"><a href="/deployments?\
            from=2013&amp;to=2013&amp;group=none" title="Show &quot;the&quot; figures">60</a>\
            </td><td>12 of 12 months</td></tr>
            """);
    var view =
        new DeploymentView(
            null,
            new BigDecimal(100),
            2,
            trend,
            List.of(),
            List.of(),
            null,
            List.of(),
            false,
            List.of(),
            List.of());
    String bars = DeploymentChart.of(view, "/deployments?", texts, num, "Total").svg();
    // the partial, flagged year: named with its flag, hatched and marked; the full year plain
    assertThat(bars)
        .contains("aria-label=\"2012: 40 \u2013 partial &lt;year&gt;\"")
        .contains("aria-label=\"2013: 60\"")
        .contains("href=\"/deployments?from=2013&amp;to=2013&amp;group=none\"")
        .containsOnlyOnce("-hatch)\"")
        .containsOnlyOnce(">*</text>");
    String groups =
        Rows.groups(
            List.of(
                new DeploymentController.GroupLink(
                    new DeploymentView.Group("troops", "Troops", new BigDecimal(5), 2, FULL, 3, 2),
                    null)),
            texts,
            num);
    assertThat(groups)
        .startsWith("<tr>\n<th scope=\"row\" class=\"depth-2\">Troops</th>")
        .contains("(partial &lt;year&gt;, estimated: see the notes)");
  }
}
