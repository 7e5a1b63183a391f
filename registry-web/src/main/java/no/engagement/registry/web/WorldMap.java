package no.engagement.registry.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import no.engagement.registry.reference.ReferenceData;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A world map drawn on the server as SVG: countries shaded by a value in five classes (a
 * choropleth), some outlined as hosts, each shaded or outlined country a link to its page whose
 * accessible name says its number. The boundaries are Natural Earth's 1:110m countries (public
 * domain), projected and simplified once by scripts/generate-world-map into map/world-110m.tsv.
 */
@Component
public class WorldMap {

  /** Light to dark; the darkest classes hold the largest values. */
  static final String[] SHADES = {"#cfe0ec", "#9fc0d9", "#6698c0", "#2f6b9c", "#00416a"};

  private static final String LAND = "#dcdcdc";

  record Shape(String iso3, String name, String path) {}

  /** A map, its legend and the table of the same numbers (HTML). */
  public record Drawn(String svg, String legend, String table) {}

  /**
   * The map with the page's words: {@code title}, {@code valueMessage} (what a value counts) and
   * {@code hostMessage} (what an outline means) from the messages, country names from {@code
   * countries}, in the page's language; {@code link} as below.
   */
  public Drawn draw(
      String title,
      Map<String, BigDecimal> values,
      Collection<String> hosts,
      List<ReferenceData> countries,
      MessageSource messages,
      Function<BigDecimal, String> number,
      String valueMessage,
      String hostMessage,
      Function<String, String> link) {
    var locale = LocaleContextHolder.getLocale();
    // the same numbers in the same words and links are the same map: drawn once
    var key =
        List.of(
            title,
            new java.util.TreeMap<>(values),
            new java.util.TreeSet<>(hosts),
            countries,
            locale,
            valueMessage,
            hostMessage,
            link.apply("/countries/"));
    return drawn.get(
        key,
        k -> {
          Map<String, String> names = new HashMap<>();
          countries.forEach(c -> names.put(c.code(), c.name()));
          Function<String, String> name = code -> names.getOrDefault(code, code);
          String valueText = messages.getMessage(valueMessage, null, locale);
          String hostText = messages.getMessage(hostMessage, null, locale);
          var map = draw(title, values, hosts, name, number, valueText, hostText, link);
          var table = new StringBuilder("<table class=\"map-table\"><caption>");
          table.append(escape(title)).append("</caption><thead><tr><th scope=\"col\">");
          table.append(escape(messages.getMessage("map.country", null, locale)));
          table.append("</th><th scope=\"col\" class=\"num\">").append(escape(valueText));
          table
              .append("</th><th scope=\"col\">")
              .append(escape(hostText))
              .append("</th></tr></thead><tbody>");
          List<String> codes = new ArrayList<>(values.keySet());
          hosts.stream().filter(h -> !values.containsKey(h)).forEach(codes::add);
          codes.sort(
              java.util.Comparator.comparing(
                      (String c) -> values.getOrDefault(c, BigDecimal.valueOf(-1)))
                  .reversed()
                  .thenComparing(name));
          String yes = escape(messages.getMessage("map.yes", null, locale));
          for (String c : codes) {
            table.append("<tr><th scope=\"row\"><a href=\"");
            table.append(escape(link.apply("/countries/" + c))).append("\">");
            table.append(escape(name.apply(c))).append("</a></th><td class=\"num\">");
            table.append(values.containsKey(c) ? escape(number.apply(values.get(c))) : "");
            table.append("</td><td>").append(hosts.contains(c) ? yes : "").append("</td></tr>");
          }
          table.append("</tbody></table>");
          return new Drawn(map.svg(), map.legend(), table.toString());
        });
  }

  /** Maps drawn, up to about {@value #DRAWN_CHARS} characters of them. */
  private static final long DRAWN_CHARS = 8_000_000;

  private final com.github.benmanes.caffeine.cache.Cache<List<Object>, Drawn> drawn =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
          .maximumWeight(DRAWN_CHARS)
          .<List<Object>, Drawn>weigher(
              (k, d) -> d.svg().length() + d.legend().length() + d.table().length())
          .build();

  private final List<Shape> shapes = new ArrayList<>();
  private final String sphere;

  WorldMap() {
    String outline = "";
    try (var in =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource("map/world-110m.tsv").getInputStream(),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 3);
        if (f[0].equals("SPHERE")) {
          outline = f[2];
        } else {
          shapes.add(new Shape(f[0], f[1], f[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The world map (map/world-110m.tsv) is missing", e);
    }
    sphere = outline;
  }

  /** The codes the map can draw. */
  Set<String> codes() {
    return Set.copyOf(shapes.stream().map(Shape::iso3).filter(c -> !c.isEmpty()).toList());
  }

  /**
   * The map: {@code values} by ISO 3166 alpha-3 code shade their countries, {@code hosts} are
   * outlined; {@code names} names a code (its page's language), {@code number} writes a value,
   * {@code valueText} and {@code hostText} name the two in the legend and in each country's name,
   * {@code link} makes a country page's link (a pinned release keeps its pin).
   */
  public Drawn draw(
      String title,
      Map<String, BigDecimal> values,
      Collection<String> hosts,
      Function<String, String> names,
      Function<BigDecimal, String> number,
      String valueText,
      String hostText,
      Function<String, String> link) {
    BigDecimal[] breaks = breaks(values.values());
    var b = new StringBuilder(48_000);
    b.append("<svg class=\"world-map\" viewBox=\"0 0 960 470\" role=\"group\" aria-label=\"")
        .append(escape(title))
        .append("\">\n<path d=\"")
        .append(sphere)
        .append("\" fill=\"#f1f5f8\" aria-hidden=\"true\"></path>\n<g aria-hidden=\"true\">");
    for (var s : shapes) {
      if (!values.containsKey(s.iso3()) && !hosts.contains(s.iso3())) {
        b.append("<path d=\"")
            .append(s.path())
            .append("\" fill=\"" + LAND + "\" stroke=\"#ffffff\" stroke-width=\"0.5\"></path>");
      }
    }
    b.append("</g>\n");
    for (var s : shapes) {
      BigDecimal v = values.get(s.iso3());
      boolean host = hosts.contains(s.iso3());
      if (v == null && !host) {
        continue;
      }
      var name = new StringBuilder(names.apply(s.iso3()));
      if (v != null) {
        name.append(": ").append(number.apply(v)).append(' ').append(valueText);
      }
      if (host) {
        name.append(v != null ? "; " : ": ").append(hostText);
      }
      String label = escape(name.toString());
      b.append("<a href=\"")
          .append(escape(link.apply("/countries/" + s.iso3())))
          .append("\" aria-label=\"")
          .append(label)
          .append("\"><title>")
          .append(label)
          .append("</title><path d=\"")
          .append(s.path())
          .append("\" fill=\"")
          .append(v == null ? LAND : SHADES[shade(v, breaks)])
          .append(
              host
                  ? "\" stroke=\"#c25e00\" stroke-width=\"2.5\" class=\"host\"></path></a>\n"
                  : "\" stroke=\"#ffffff\" stroke-width=\"0.5\"></path></a>\n");
    }
    b.append("</svg>");
    var legend = new StringBuilder("<ul class=\"legend\">");
    // each shade with the smallest and largest value it holds
    BigDecimal[] min = new BigDecimal[SHADES.length];
    BigDecimal[] max = new BigDecimal[SHADES.length];
    for (var v : values.values()) {
      int i = shade(v, breaks);
      min[i] = min[i] == null || v.compareTo(min[i]) < 0 ? v : min[i];
      max[i] = max[i] == null || v.compareTo(max[i]) > 0 ? v : max[i];
    }
    for (int i = 0; i < SHADES.length; i++) {
      if (min[i] == null) {
        continue;
      }
      String from = number.apply(min[i]);
      String to = number.apply(max[i]);
      legend
          .append("<li><span class=\"swatch\" data-shade=\"")
          .append(i)
          .append("\"></span>")
          .append(escape(from.equals(to) ? from : from + "\u2013" + to))
          .append("</li>");
    }
    if (!hosts.isEmpty()) {
      legend
          .append("<li><span class=\"swatch host\"></span>")
          .append(escape(hostText))
          .append("</li>");
    }
    return new Drawn(b.toString(), legend.append("</ul>").toString(), "");
  }

  /**
   * The four upper bounds of the lower classes: the values' quintiles, so that each shade holds
   * about as many countries.
   */
  static BigDecimal[] breaks(Collection<BigDecimal> values) {
    var sorted = values.stream().sorted().toList();
    BigDecimal[] out = new BigDecimal[SHADES.length - 1];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          sorted.isEmpty()
              ? BigDecimal.ZERO
              : sorted.get(Math.min(sorted.size() - 1, (sorted.size() * (i + 1)) / SHADES.length));
    }
    return out;
  }

  /** The class of a value: the first whose upper bound is above it. */
  static int shade(BigDecimal v, BigDecimal[] breaks) {
    for (int i = 0; i < breaks.length; i++) {
      if (v.compareTo(breaks[i]) < 0) {
        return i;
      }
    }
    return breaks.length;
  }

  private static String escape(String s) {
    return HtmlUtils.htmlEscape(s, "UTF-8");
  }
}
