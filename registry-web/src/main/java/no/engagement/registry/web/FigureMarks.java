package no.engagement.registry.web;

import java.util.ArrayList;
import java.util.Locale;
import no.engagement.registry.deployment.DeploymentView;
import no.engagement.registry.figure.FigureQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/** The words that mark flagged or partial figures, in the page's language. */
public final class FigureMarks {

  private FigureMarks() {}

  /** The names of the flags set in {@code bits}, joined ("partial year, estimated"). */
  public static String flagNames(int bits, MessageSource messages, Locale locale) {
    var names = new ArrayList<String>();
    for (String f : DeploymentView.flags(bits)) {
      names.add(messages.getMessage("flag." + f, null, locale));
    }
    return String.join(", ", names);
  }

  /** "7 of 12 months" or "7–12 of 12 months"; empty when the months are not known. */
  public static String coverage(
      @Nullable Integer min, @Nullable Integer max, MessageSource messages, Locale locale) {
    if (min == null) {
      return "";
    }
    return min.equals(max)
        ? messages.getMessage("dep.coverage", new Object[] {min}, locale)
        : messages.getMessage("dep.coverage.range", new Object[] {min, max}, locale);
  }

  /**
   * What a chart says of a year with {@code marks}: its flags, else the fewest months its figures
   * cover; null when there is nothing to mark.
   */
  public static @Nullable String of(
      FigureQueries.@Nullable Marks marks, MessageSource messages, Locale locale) {
    if (marks == null || marks.none()) {
      return null;
    }
    return marks.flags() != 0
        ? flagNames(marks.flags(), messages, locale)
        : coverage(marks.months(), marks.months(), messages, locale);
  }
}
