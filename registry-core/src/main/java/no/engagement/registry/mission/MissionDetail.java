package no.engagement.registry.mission;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.engagement.registry.figure.FigureQueries;
import org.jspecify.annotations.Nullable;

/**
 * One mission with its hosts, links, personnel over time and sources; {@code marks}: the years
 * whose figures are flagged or cover fewer than twelve months, with their flags and months.
 */
public record MissionDetail(
    MissionRow mission,
    @Nullable String leadDepartment,
    @Nullable String hqLocation,
    @Nullable BigDecimal longitude,
    @Nullable BigDecimal latitude,
    List<String> regions,
    List<String> predecessors,
    List<String> successors,
    List<Integer> years,
    List<ContributorSeries> personnel,
    List<Statement> statements,
    List<Source> sources,
    String basis,
    List<FigureQueries.BasisFigures> bases,
    List<String> hostCodes,
    Map<Integer, FigureQueries.Marks> marks) {

  /** A contributor's yearly totals (in the page's basis, all genders), Norway first. */
  public record ContributorSeries(String iso3, String name, List<@Nullable BigDecimal> totals) {}

  /** A figure a policy text states for this mission, possibly together with others. */
  public record Statement(
      String contributor,
      int year,
      String type,
      BigDecimal count,
      @Nullable String missions,
      @Nullable String statedText,
      @Nullable Long sourceId,
      @Nullable String sourceTitle,
      @Nullable String sourceLanguage) {}

  /** A source the mission's facts cite. */
  public record Source(long id, String title, String language) {}

  /** The rows of the mission's CSV: one per contributor and year, with its flags and months. */
  public record PersonnelRow(
      String contributor, String name, int year, BigDecimal total, FigureQueries.Marks marks) {}
}
