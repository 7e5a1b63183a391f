package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart's geometry, computed by hand: a 720 x 260 frame, the plot from x 64 to 712 (648 wide)
 * and from y 18 to 232 (214 high).
 */
class BarChartTest {

  private final WholeNumbers num = new WholeNumbers();

  private static List<BigDecimal> values(Integer... v) {
    return Arrays.stream(v).map(x -> x == null ? null : new BigDecimal(x)).toList();
  }

  @Test
  void barsStandOnAValueAxisWithRoundTicksAndSayTheirValues() {
    var drawn =
        BarChart.draw(
            "c",
            "Total by year",
            List.of(
                new BarChart.Category("2018", null, "/x?from=2018"),
                new BarChart.Category("2019", null, null)),
            List.of(new BarChart.Series("Total", values(50, 100))),
            num::whole,
            "flagged");
    String svg = drawn.svg();
    // two slots of 324; a bar is 48 wide in the middle of its slot: 64 + 138 = 202, 388 + 138 = 526
    // the axis goes to 100 in steps of 20: 50 is 107 high (from y 125), 100 fills the plot
    assertThat(svg)
        .contains("<rect x=\"202\" y=\"125\" width=\"48\" height=\"107\" fill=\"#00507a\">")
        .contains("<rect x=\"526\" y=\"18\" width=\"48\" height=\"214\" fill=\"#00507a\">")
        // the gridline of 20 at 232 - 42.8, its label 4 below it
        .contains("y1=\"189.2\" y2=\"189.2\"")
        .contains("y=\"193.2\" text-anchor=\"end\">20</text>")
        .contains(">0</text>")
        .contains(">100</text>")
        .doesNotContain(">120</text>")
        // a bar with a link is a link named by its numbers; one without is focusable
        .contains("<a class=\"bar\" href=\"/x?from=2018\" aria-label=\"2018: 50\">")
        .contains("<g class=\"bar\" tabindex=\"0\" role=\"img\" aria-label=\"2019: 100\">")
        // the value shown on hover and focus, above each bar
        .contains("class=\"value\" x=\"226\" y=\"121\" text-anchor=\"middle\">50</text>")
        .contains(">2018</text>")
        .contains(">2019</text>");
    // one series and no flags: no legend needed
    assertThat(drawn.legend()).isEmpty();
  }

  @Test
  void stackedPartsAddUpAndTheLegendNamesThem() {
    var drawn =
        BarChart.draw(
            "c",
            "By mission",
            List.of(
                new BarChart.Category("2018", "partial year", null),
                new BarChart.Category("2019", null, null)),
            List.of(
                new BarChart.Series("UNMISS", values(10, 20)),
                new BarChart.Series("MINUSMA", values(30, null))),
            num::whole,
            "partial or flagged");
    // totals 40 and 20: steps of 10 to 40; 10 is 53.5 high, 30 is 160.5 on top of it
    assertThat(drawn.svg())
        .contains("y=\"178.5\" width=\"48\" height=\"53.5\" fill=\"#00507a\"")
        .contains("y=\"18\" width=\"48\" height=\"160.5\" fill=\"#c25e00\"")
        .contains("aria-label=\"2018: 40 (UNMISS 10; MINUSMA 30) \u2013 partial year\"")
        .contains("aria-label=\"2019: 20 (UNMISS 20)\"")
        .containsOnlyOnce("fill=\"url(#c-hatch)\"")
        .containsOnlyOnce(">*</text>");
    assertThat(drawn.legend())
        .isEqualTo(
            "<ul class=\"legend\"><li><span class=\"swatch\" data-colour=\"0\"></span>UNMISS</li>"
                + "<li><span class=\"swatch\" data-colour=\"1\"></span>MINUSMA</li>"
                + "<li><span class=\"swatch hatched\"></span>* partial or flagged</li></ul>");
  }

  @Test
  void beyondEightSeriesTheSmallestAreAddedUpAsOthers() {
    List<Map.Entry<String, Map<String, BigDecimal>>> rows = new ArrayList<>();
    for (int i = 1; i <= 10; i++) { // series i has i in 2018 and 2 i in 2019
      Map<String, BigDecimal> v = new LinkedHashMap<>();
      v.put("2018", new BigDecimal(i));
      v.put("2019", new BigDecimal(2 * i));
      rows.add(Map.entry("S" + i, v));
    }
    var series = BarChart.series(List.of("2018", "2019"), rows, "Others");
    assertThat(series).hasSize(8);
    assertThat(series.stream().map(BarChart.Series::label))
        .containsExactly("S10", "S9", "S8", "S7", "S6", "S5", "S4", "Others");
    // S1 + S2 + S3 = 6 and 12
    assertThat(series.getLast().values()).containsExactly(new BigDecimal(6), new BigDecimal(12));
  }

  @Test
  void ticksAreRoundWholeNumbers() {
    assertThat(BarChart.step(7)).isEqualTo(2);
    assertThat(BarChart.step(100)).isEqualTo(20);
    assertThat(BarChart.step(1234)).isEqualTo(250);
    assertThat(BarChart.step(0)).isEqualTo(1);
  }

  @Test
  void aYearWithMarksIsHatchedAndNamesItsFlagsOrMonthsAndTheLegendSaysWhereToLook() {
    var messages = new org.springframework.context.support.StaticMessageSource();
    messages.addMessage("mission.chart.title", java.util.Locale.ROOT, "Personnel");
    messages.addMessage("chart.others", java.util.Locale.ROOT, "Others");
    messages.addMessage("chart.flagged.named", java.util.Locale.ROOT, "point at a bar");
    messages.addMessage("flag.partial_year", java.util.Locale.ROOT, "partial year");
    messages.addMessage("dep.coverage", java.util.Locale.ROOT, "{0} of 12 months");
    org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ROOT);
    try {
      // 2012 is a partial year (flag bit 1), 2013 has 9 months of snapshots, 2014 nothing
      var drawn =
          BarChart.byYear(
              "c",
              "mission.chart.title",
              List.of(2012, 2013, 2014),
              List.of(Map.entry("Norway", values(40, 30, 20))),
              Map.of(
                  2012,
                  new no.engagement.registry.figure.FigureQueries.Marks(1, 9),
                  2013,
                  new no.engagement.registry.figure.FigureQueries.Marks(0, 9)),
              messages,
              num::whole);
      assertThat(drawn.svg())
          .contains("2012: 40 \u2013 partial year")
          .contains("2013: 30 \u2013 9 of 12 months")
          .doesNotContain("2014: 20 \u2013");
      assertThat(drawn.svg().split("-hatch\\)").length - 1).as("hatched bars").isEqualTo(2);
      assertThat(drawn.legend()).contains("point at a bar");
    } finally {
      org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }
  }
}
