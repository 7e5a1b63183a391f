package no.engagement.registry.country;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.engagement.registry.figure.FigureQueries;
import org.jspecify.annotations.Nullable;

/**
 * A country as contributor (its deployments by mission over time) and as host; {@code marks}: the
 * years whose figures are flagged or cover fewer than twelve months.
 */
public record CountryDetail(
    CountryRow country,
    String otherName,
    List<Integer> years,
    List<MissionSeries> contributions,
    List<HostedMission> hosted,
    String basis,
    List<FigureQueries.BasisFigures> bases,
    List<Statement> statements,
    List<StatedFigure> stated,
    java.util.Map<Integer, FigureQueries.Marks> marks) {

  /** A statement a source makes about the country, with its value if it has one. */
  public record Statement(
      String code,
      String text,
      @Nullable BigDecimal value,
      @Nullable String unit,
      boolean approximate,
      @Nullable Long sourceId,
      @Nullable String sourceTitle) {}

  /** A personnel figure of the country as a policy text states it (approximate). */
  public record StatedFigure(
      int year,
      String type,
      BigDecimal count,
      @Nullable String missions,
      @Nullable String statedText,
      @Nullable Long sourceId,
      @Nullable String sourceTitle,
      @Nullable String sourceLanguage) {}

  /** Yearly totals (in the page's basis, all genders) of the country's personnel in one mission. */
  public record MissionSeries(String acronym, List<@Nullable BigDecimal> totals) {}

  public record HostedMission(
      String acronym,
      String name,
      String status,
      @Nullable LocalDate startDate,
      @Nullable LocalDate endDate) {}

  /** A row of the country's CSV: mission, year, total. */
  public record ContributionRow(
      String acronym, int year, BigDecimal total, FigureQueries.Marks marks) {}
}
