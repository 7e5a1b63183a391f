package no.engagement.registry.deployment.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import no.engagement.registry.reference.ReferenceData;

/**
 * The {@code <option>} elements of a filter list from the reference data (249 countries, twice;
 * missions, regions, personnel types), written as escaped HTML in one pass: rendered by the
 * template engine element by element they were most of the screen's cost (docs/adr/0014,
 * scripts/bench, scripts/bench). One instance per select. Its list's escaped codes and texts are
 * kept for as long as the reference service hands out the same list (it caches its lists for a
 * short while), so a request only joins them and marks the selected ones; a different list (every
 * code, when the view has chosen one outside the usual list) is escaped anew.
 */
final class Options {

  private final Function<ReferenceData, String> text;
  private final Map<String, Escaped> byLanguage = new ConcurrentHashMap<>();

  /** A list escaped once: the same list instance gives the same HTML. */
  private record Escaped(List<ReferenceData> source, String[] values, String[] texts) {}

  /** Options whose visible text is {@code text} of each item. */
  Options(Function<ReferenceData, String> text) {
    this.text = text;
  }

  /**
   * The options a filter offers: the codes it can find ({@code some}: contributors and missions
   * with figures, hosts of missions), or {@code every} code when the view has chosen another, so
   * the form keeps the choice.
   */
  String html(
      String lang,
      List<ReferenceData> some,
      Supplier<List<ReferenceData>> every,
      Collection<String> selected) {
    boolean all = selected.stream().allMatch(c -> some.stream().anyMatch(o -> o.code().equals(c)));
    return html(lang, all ? some : every.get(), selected);
  }

  String html(String lang, List<ReferenceData> items, Collection<String> selected) {
    Escaped e = byLanguage.get(lang);
    if (e == null || e.source() != items) { // the reference service has reloaded its list
      var values = new String[items.size()];
      var texts = new String[items.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = Rows.htmlEscape(items.get(i).code());
        texts[i] = Rows.htmlEscape(text.apply(items.get(i)));
      }
      e = new Escaped(items, values, texts);
      byLanguage.put(lang, e);
    }
    var b = new StringBuilder(items.size() * 48);
    for (int i = 0; i < e.values().length; i++) {
      b.append("<option value=\"").append(e.values()[i]).append('"');
      if (selected.contains(items.get(i).code())) {
        b.append(" selected");
      }
      b.append('>').append(e.texts()[i]).append("</option>\n");
    }
    return b.toString();
  }

  /**
   * The {@code <option>} elements of a fixed list of words (basis, gender, grouping, order), each
   * shown as the message {@code prefix + word}: written here for the same reason as the lists
   * above, since the template's loops over them were a tenth of the screen's CPU.
   */
  static String words(String prefix, List<String> words, String selected, Rows.Texts texts) {
    var b = new StringBuilder(words.size() * 48);
    for (String w : words) {
      String value = Rows.htmlEscape(w);
      b.append("<option value=\"").append(value).append('"');
      if (w.equals(selected)) {
        b.append(" selected");
      }
      b.append('>').append(Rows.htmlEscape(texts.message(prefix + w))).append("</option>\n");
    }
    return b.toString();
  }
}
