package no.engagement.registry.deployment.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import no.engagement.registry.deployment.DeploymentView;
import no.engagement.registry.web.FigureMarks;
import no.engagement.registry.web.WholeNumbers;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The rows of the deployments screen's long tables (the groups, the figure list, the trend and its
 * chart), written as escaped HTML in one pass. Rendered by the template engine cell by cell they
 * were a third of the screen's CPU under load (docs/adr/0014, scripts/bench). The tables' captions
 * and headers stay in the template; every text here comes from the view or from the messages the
 * controller passes in.
 */
final class Rows {

  private Rows() {}

  /**
   * The five characters HTML needs escaped, nothing else: the page is UTF-8. Null is empty, as
   * {@code th:text} writes it.
   */
  static String htmlEscape(String s) {
    if (s == null) {
      return "";
    }
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '<', '>', '&', '"', '\'' -> {
          return HtmlUtils.htmlEscape(s, "UTF-8");
        }
        default -> {}
      }
    }
    return s; // most names and codes have nothing to escape: no copy made
  }

  /** The rows' texts from the message bundle, in the page's language. */
  record Texts(MessageSource messages, Locale locale) {
    /** The message {@code code}, without arguments. */
    String message(String code) {
      return messages.getMessage(code, null, locale);
    }

    /** The title of an "explain this number" link. */
    String explain() {
      return message("dep.explain");
    }

    /** The word before an approximate count ("about"). */
    String about() {
      return message("dep.about");
    }

    /** "9 of 12 months", "9–12 of 12 months", or empty where the figures are not of months. */
    String coverage(DeploymentView.Coverage c) {
      return FigureMarks.coverage(c.min(), c.max(), messages, locale);
    }

    /** The names of the flags set in {@code bits}, joined ("partial year, estimated"). */
    String flagNames(int bits) {
      return FigureMarks.flagNames(bits, messages, locale);
    }

    /**
     * A flagged number's mark: an asterisk to see, the flags' names for screen readers, both
     * pointing at the notes below the table. Empty without flags.
     */
    String flagMark(int bits) {
      if (bits == 0) {
        return "";
      }
      String names = flagNames(bits);
      return "<a class=\"flag\" href=\"#flag-notes\" title=\""
          + htmlEscape(names)
          + "\"><span aria-hidden=\"true\">*</span><span class=\"visually-hidden\">"
          + htmlEscape(messages.getMessage("dep.flagged", new Object[] {names}, locale))
          + "</span></a>";
    }

    /** The import batch a figure came from. */
    String batch(long id, String file) {
      return messages.getMessage("dep.batch", new Object[] {Long.toString(id), file}, locale);
    }
  }

  /**
   * One row per group: its label, its total (linked where a filter narrows to the group), its
   * number of figures.
   */
  static String groups(List<DeploymentController.GroupLink> links, Texts texts, WholeNumbers num) {
    var b = new StringBuilder(links.size() * 160);
    String title = htmlEscape(texts.explain());
    for (var link : links) {
      var g = link.group();
      b.append("<tr>\n<th scope=\"row\"");
      if (g.depth() > 0) { // a type below another: indented under its parent
        b.append(" class=\"depth-").append(Math.min(g.depth(), 3)).append('"');
      }
      b.append('>').append(htmlEscape(g.label())).append("</th>\n");
      b.append("<td class=\"num\">");
      if (link.href() != null) {
        b.append("<a href=\"")
            .append(htmlEscape(link.href()))
            .append("\" title=\"")
            .append(title)
            .append("\">")
            .append(num.whole(g.total()))
            .append("</a>");
      } else {
        b.append("<span>").append(num.whole(g.total())).append("</span>");
      }
      b.append(texts.flagMark(g.flags()));
      b.append("</td>\n<td>").append(htmlEscape(texts.coverage(g.coverage())));
      b.append("</td>\n<td class=\"num\">").append(g.figures()).append("</td>\n</tr>\n");
    }
    return b.toString();
  }

  /** One row per figure: contributor, missions, period, type, count, and where it comes from. */
  static String figures(List<DeploymentView.Figure> page, Texts texts, WholeNumbers num) {
    var b = new StringBuilder(page.size() * 400);
    var batches = new HashMap<Long, String>(); // a page's figures share a few batches
    for (var x : page) {
      b.append("<tr id=\"figure-").append(x.id()).append("\">\n<th scope=\"row\">");
      b.append(htmlEscape(x.contributorName())).append("</th>\n<td>");
      b.append(htmlEscape(x.missions())).append("</td>\n<td>");
      if (x.periodStart() != null) {
        b.append(x.periodStart()).append(" \u2013 ").append(x.periodEnd());
      } else {
        b.append(x.year());
      }
      b.append("</td>\n<td>").append(htmlEscape(x.typeName())).append("</td>\n<td class=\"num\">");
      if (x.approximate()) {
        b.append("<span>").append(htmlEscape(texts.about())).append(" </span>");
      }
      b.append("<span>").append(num.whole(x.count())).append("</span></td>\n<td>");
      String lang = x.sourceLanguage() == null ? null : htmlEscape(x.sourceLanguage());
      if (x.sourceId() != null) {
        b.append("<a href=\"/sources/").append(x.sourceId()).append('"');
        if (lang != null) {
          b.append(" lang=\"").append(lang).append('"');
        }
        b.append('>').append(htmlEscape(x.sourceTitle())).append("</a>");
      }
      if (x.batchFile() != null) {
        b.append("\n<span class=\"batch\">")
            .append(
                batches.computeIfAbsent(
                    x.batchId(), id -> htmlEscape(texts.batch(id, x.batchFile()))))
            .append("</span>");
      }
      if (x.statedText() != null) {
        b.append("\n<q"); // apart from the source's title, as the words they are
        if (lang != null) {
          b.append(" lang=\"").append(lang).append('"');
        }
        b.append('>').append(htmlEscape(x.statedText())).append("</q>");
      }
      b.append("</td>\n</tr>\n");
    }
    return b.toString();
  }

  /** The yearly totals, each linking to the figures of its year ({@code base} ends in & or ?). */
  static String trend(
      List<DeploymentView.YearTotal> trend, String base, Texts texts, WholeNumbers num) {
    var b = new StringBuilder(trend.size() * 200);
    String title = htmlEscape(texts.explain());
    String href = htmlEscape(base);
    for (var t : trend) {
      b.append("<tr><th scope=\"row\">").append(t.year()).append("</th>");
      if (t.total() == null) { // a flagged year without figures: the mark says why
        b.append("<td class=\"num\"><span>\u2014</span>").append(texts.flagMark(t.flags()));
        b.append("</td><td>")
            .append(htmlEscape(texts.coverage(t.coverage())))
            .append("</td></tr>\n");
        continue;
      }
      b.append("<td class=\"num\"><a href=\"").append(href);
      b.append("from=").append(t.year()).append("&amp;to=").append(t.year());
      b.append("&amp;group=none\" title=\"").append(title).append("\">");
      b.append(num.whole(t.total())).append("</a>").append(texts.flagMark(t.flags()));
      b.append("</td><td>").append(htmlEscape(texts.coverage(t.coverage()))).append("</td></tr>\n");
    }
    return b.toString();
  }
}
