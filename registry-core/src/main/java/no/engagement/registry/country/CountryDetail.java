package no.engagement.registry.country;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A country as contributor (its deployments by mission over time) and as host. */
public record CountryDetail(
    CountryRow country,
    String otherName,
    List<Integer> years,
    List<MissionSeries> contributions,
    List<HostedMission> hosted) {

  /** Yearly totals (annual averages, all genders) of the country's personnel in one mission. */
  public record MissionSeries(String acronym, List<BigDecimal> totals) {}

  public record HostedMission(
      String acronym, String name, String status, LocalDate startDate, LocalDate endDate) {}

  /** A row of the country's CSV: mission, year, total. */
  public record ContributionRow(String acronym, int year, BigDecimal total) {}
}
