package no.engagement.registry.deployment.web;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import no.engagement.registry.reference.ReferenceData;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@code <option>} elements of a long filter list (249 countries, twice), written as escaped
 * HTML in one pass: rendered by the template engine element by element they were most of the
 * screen's cost (see the closing note of issue 3 and scripts/bench).
 */
final class Options {

  private Options() {}

  static String html(
      List<ReferenceData> items,
      Collection<String> selected,
      Function<ReferenceData, String> text) {
    var b = new StringBuilder(items.size() * 48);
    for (var item : items) {
      b.append("<option value=\"").append(HtmlUtils.htmlEscape(item.code())).append('"');
      if (selected.contains(item.code())) {
        b.append(" selected");
      }
      b.append('>').append(HtmlUtils.htmlEscape(text.apply(item))).append("</option>\n");
    }
    return b.toString();
  }
}
