package no.engagement.registry.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * A chart of stacked bars drawn on the server as SVG: one bar per category (a year), one coloured
 * part per series (a mission, contributor or type), a value axis with ticks and labels, and each
 * bar's values in its accessible name, in a tooltip and as a label on hover and keyboard focus. A
 * flagged or partial category is hatched and marked with an asterisk. The page keeps the table of
 * the same numbers beside it; the chart needs no JavaScript.
 */
public final class BarChart {

  /** Colours with at least 3:1 contrast against white and against each other's neighbours. */
  static final String[] COLOURS = {
    "#00507a", "#c25e00", "#1b6e2f", "#8a1c7c", "#a4000f", "#5c5c00", "#00727d", "#5a5a5a"
  };

  /** The most series drawn; the rest are added up as one ("others"). */
  public static final int MAX_SERIES = COLOURS.length;

  private static final int WIDTH = 720;
  private static final int HEIGHT = 260;
  private static final int LEFT = 64;
  private static final int RIGHT = 8;
  private static final int TOP = 18;
  private static final int BOTTOM = 28;

  /** One bar: its label (the year), flags' text (null: none) and link (null: none). */
  public record Category(String label, @Nullable String flagged, @Nullable String href) {}

  /** One part of every bar: its label and its value per category (null or absent: none). */
  public record Series(String label, List<BigDecimal> values) {}

  /** The SVG and the legend (HTML) of one chart. */
  public record Drawn(String svg, String legend) {}

  private BarChart() {}

  /**
   * Values by category and series, in the order first seen, with the series beyond {@link
   * #MAX_SERIES} − 1 (the smallest in all) added up as one series named {@code others}.
   */
  public static List<Series> series(
      List<String> categories,
      List<Map.Entry<String, Map<String, BigDecimal>>> bySeries,
      String others) {
    List<Map.Entry<String, Map<String, BigDecimal>>> sorted = new ArrayList<>(bySeries);
    sorted.sort(
        Comparator.comparing(
                (Map.Entry<String, Map<String, BigDecimal>> e) ->
                    e.getValue().values().stream()
                        .filter(v -> v != null)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
            .reversed());
    List<Series> out = new ArrayList<>();
    Map<String, BigDecimal> rest = new LinkedHashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      var e = sorted.get(i);
      if (sorted.size() > MAX_SERIES && i >= MAX_SERIES - 1) {
        e.getValue()
            .forEach((k, v) -> rest.merge(k, v == null ? BigDecimal.ZERO : v, BigDecimal::add));
      } else {
        out.add(new Series(e.getKey(), categories.stream().map(e.getValue()::get).toList()));
      }
    }
    if (!rest.isEmpty()) {
      out.add(new Series(others, categories.stream().map(rest::get).toList()));
    }
    return out;
  }

  /**
   * A chart of yearly totals stacked by row (a contributor, a mission): each row's totals in the
   * order of {@code years}, null where it has none; a year in {@code marks} is hatched and its
   * flags or months named; the page's words from {@code messages}.
   */
  public static Drawn byYear(
      String id,
      String titleMessage,
      List<Integer> years,
      List<Map.Entry<String, List<BigDecimal>>> rows,
      Map<Integer, no.engagement.registry.figure.FigureQueries.Marks> marks,
      org.springframework.context.MessageSource messages,
      Function<BigDecimal, String> number) {
    var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    List<String> labels = years.stream().map(String::valueOf).toList();
    List<Map.Entry<String, Map<String, BigDecimal>>> bySeries = new ArrayList<>();
    for (var row : rows) {
      Map<String, BigDecimal> values = new LinkedHashMap<>();
      for (int i = 0; i < labels.size(); i++) {
        values.put(labels.get(i), row.getValue().get(i));
      }
      bySeries.add(Map.entry(row.getKey(), values));
    }
    return draw(
        id,
        messages.getMessage(titleMessage, null, locale),
        years.stream()
            .map(
                y ->
                    new Category(
                        String.valueOf(y), FigureMarks.of(marks.get(y), messages, locale), null))
            .toList(),
        series(labels, bySeries, messages.getMessage("chart.others", null, locale)),
        number,
        messages.getMessage("chart.flagged.named", null, locale));
  }

  /**
   * The chart: {@code id} makes its SVG ids unique on the page, {@code title} names it, {@code
   * number} writes a value as the page does, {@code flaggedText} names the hatching in the legend.
   */
  public static Drawn draw(
      String id,
      String title,
      List<Category> categories,
      List<Series> series,
      Function<BigDecimal, String> number,
      String flaggedText) {
    int n = categories.size();
    BigDecimal[] totals = new BigDecimal[n];
    for (int c = 0; c < n; c++) {
      for (var s : series) {
        BigDecimal v = c < s.values().size() ? s.values().get(c) : null;
        if (v != null) {
          totals[c] = totals[c] == null ? v : totals[c].add(v);
        }
      }
    }
    BigDecimal max = BigDecimal.ZERO;
    for (var t : totals) {
      if (t != null && t.compareTo(max) > 0) {
        max = t;
      }
    }
    double step = step(max.doubleValue());
    double top = Math.max(step, Math.ceil(max.doubleValue() / step) * step);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    var b = new StringBuilder(2048 + n * 400);
    String esc = escape(id);
    b.append("<svg class=\"bar-chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"group\" aria-labelledby=\"")
        .append(esc)
        .append("-title\">\n<title id=\"")
        .append(esc)
        .append("-title\">")
        .append(escape(title))
        .append("</title>\n");
    b.append("<defs><pattern id=\"")
        .append(esc)
        .append("-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"")
        .append(" patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"6\" fill=\"#ffffff\"")
        .append(" fill-opacity=\"0.75\"></rect></pattern></defs>\n");
    // the value axis: gridlines and their labels
    b.append("<g class=\"axis\" aria-hidden=\"true\">\n");
    for (double v = 0; v <= top + step / 2; v += step) {
      double y = TOP + plotH - v / top * plotH;
      b.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(fmt(y))
          .append("\" y2=\"")
          .append(fmt(y))
          .append(v == 0 ? "\" stroke=\"#1b1b1b\"" : "\" stroke=\"#d0d0d0\"")
          .append("></line><text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(fmt(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(escape(number.apply(BigDecimal.valueOf(v))))
          .append("</text>\n");
    }
    b.append("</g>\n");
    if (n == 0) {
      return new Drawn(b.append("</svg>").toString(), "");
    }
    double slot = (double) plotW / n;
    double barW = Math.max(2, Math.min(slot * 0.72, 48));
    int labelEvery = (int) Math.ceil(n / 18.0);
    boolean anyFlag = false;
    for (int c = 0; c < n; c++) {
      var cat = categories.get(c);
      double x = LEFT + c * slot + (slot - barW) / 2;
      double mid = LEFT + c * slot + slot / 2;
      var name = new StringBuilder(cat.label()).append(": ");
      name.append(totals[c] == null ? "\u2013" : number.apply(totals[c]));
      if (series.size() > 1) {
        String sep = " (";
        for (var s : series) {
          BigDecimal v = c < s.values().size() ? s.values().get(c) : null;
          if (v != null) {
            name.append(sep).append(s.label()).append(' ').append(number.apply(v));
            sep = "; ";
          }
        }
        if (!" (".equals(sep)) {
          name.append(')');
        }
      }
      if (cat.flagged() != null) {
        name.append(" \u2013 ").append(cat.flagged());
        anyFlag = true;
      }
      String label = escape(name.toString());
      if (cat.href() != null) {
        b.append("<a class=\"bar\" href=\"").append(escape(cat.href())).append('"');
      } else {
        b.append("<g class=\"bar\" tabindex=\"0\" role=\"img\"");
      }
      b.append(" aria-label=\"").append(label).append("\">\n<title>").append(label);
      b.append("</title>\n");
      double y = TOP + plotH;
      for (int s = 0; s < series.size(); s++) {
        BigDecimal v = c < series.get(s).values().size() ? series.get(s).values().get(c) : null;
        if (v == null || v.signum() <= 0) {
          continue;
        }
        double h = v.doubleValue() / top * plotH;
        y -= h;
        b.append("<rect x=\"")
            .append(fmt(x))
            .append("\" y=\"")
            .append(fmt(y))
            .append("\" width=\"")
            .append(fmt(barW))
            .append("\" height=\"")
            .append(fmt(h))
            .append("\" fill=\"")
            .append(COLOURS[s % COLOURS.length])
            .append("\"></rect>\n");
      }
      if (cat.flagged() != null && totals[c] != null) {
        b.append("<rect x=\"")
            .append(fmt(x))
            .append("\" y=\"")
            .append(fmt(y))
            .append("\" width=\"")
            .append(fmt(barW))
            .append("\" height=\"")
            .append(fmt(TOP + plotH - y))
            .append("\" fill=\"url(#")
            .append(esc)
            .append("-hatch)\"></rect>\n");
      }
      // the hit area: the whole slot's height, so a short bar is as easy to point at
      b.append("<rect class=\"hit\" x=\"")
          .append(fmt(LEFT + c * slot))
          .append("\" y=\"")
          .append(TOP)
          .append("\" width=\"")
          .append(fmt(slot))
          .append("\" height=\"")
          .append(plotH)
          .append("\" fill=\"transparent\"></rect>\n");
      if (cat.flagged() != null) {
        b.append("<text class=\"mark\" x=\"")
            .append(fmt(mid))
            .append("\" y=\"")
            .append(fmt(Math.max(TOP, y - 3)))
            .append("\" text-anchor=\"middle\">*</text>\n");
      }
      if (totals[c] != null) {
        b.append("<text class=\"value\" x=\"")
            .append(fmt(mid))
            .append("\" y=\"")
            .append(fmt(Math.max(TOP - 4, y - (cat.flagged() != null ? 16 : 4))))
            .append("\" text-anchor=\"middle\">")
            .append(escape(number.apply(totals[c])))
            .append("</text>\n");
      }
      if (c % labelEvery == 0) {
        b.append("<text class=\"tick\" x=\"")
            .append(fmt(mid))
            .append("\" y=\"")
            .append(HEIGHT - 10)
            .append("\" text-anchor=\"middle\">")
            .append(escape(cat.label()))
            .append("</text>\n");
      }
      b.append(cat.href() != null ? "</a>\n" : "</g>\n");
    }
    b.append("</svg>");
    var legend = new StringBuilder();
    if (series.size() > 1 || anyFlag) {
      legend.append("<ul class=\"legend\">");
      if (series.size() > 1) {
        for (int s = 0; s < series.size(); s++) {
          legend
              .append("<li><span class=\"swatch\" data-colour=\"")
              .append(s % COLOURS.length)
              .append("\"></span>")
              .append(escape(series.get(s).label()))
              .append("</li>");
        }
      }
      if (anyFlag) {
        legend
            .append("<li><span class=\"swatch hatched\"></span>* ")
            .append(escape(flaggedText))
            .append("</li>");
      }
      legend.append("</ul>");
    }
    return new Drawn(b.toString(), legend.toString());
  }

  /** A round step for about four to six gridlines: 1, 2, 2.5 or 5 times a power of ten. */
  static double step(double max) {
    if (max <= 0) {
      return 1;
    }
    double raw = max / 5;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * power >= raw && (m != 2.5 || power >= 10)) { // whole numbers on the axis
        return Math.max(1, m * power);
      }
    }
    return 10 * power;
  }

  private static String fmt(double v) {
    return BigDecimal.valueOf(v)
        .setScale(1, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String escape(String s) {
    return HtmlUtils.htmlEscape(s, "UTF-8");
  }
}
