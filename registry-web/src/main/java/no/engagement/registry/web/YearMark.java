package no.engagement.registry.web;

import java.util.List;
import java.util.Map;
import no.engagement.registry.deployment.DeploymentView;
import no.engagement.registry.figure.FigureQueries;
import org.jspecify.annotations.Nullable;

/**
 * A year whose figures are flagged or cover fewer than twelve months, as the JSON of a screen gives
 * it: the flags as words, and the fewest months its figures stand for (null: not known).
 */
public record YearMark(int year, List<String> flags, @Nullable Integer months) {

  /** The marks of a chart's years, in the order of the years. */
  public static List<YearMark> of(Map<Integer, FigureQueries.Marks> marks) {
    return marks.entrySet().stream()
        .map(
            e ->
                new YearMark(
                    e.getKey(), DeploymentView.flags(e.getValue().flags()), e.getValue().months()))
        .toList();
  }
}
