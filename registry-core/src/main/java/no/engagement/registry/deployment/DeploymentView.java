package no.engagement.registry.deployment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One answer of the deployments screen. */
public record DeploymentView(
    DeploymentFilter filter,
    BigDecimal total,
    long figures,
    List<YearTotal> trend,
    List<Group> groups,
    List<Figure> page,
    Long nextAfter) {

  /** The sum of one year, for the trend chart and its table. */
  public record YearTotal(int year, BigDecimal total) {}

  /**
   * One group with its total. {@code code} is what a filter takes to narrow to it, or null when the
   * group is a set no single filter names (a statement covering several missions).
   */
  public record Group(String code, String label, BigDecimal total, long figures) {}

  /** One personnel figure with where it comes from. */
  public record Figure(
      long id,
      String contributor,
      String contributorName,
      String missions,
      int year,
      LocalDate periodStart,
      LocalDate periodEnd,
      String type,
      String typeName,
      String gender,
      BigDecimal count,
      String basis,
      boolean approximate,
      String statedText,
      Long sourceId,
      String sourceTitle,
      String sourceLanguage,
      Long batchId,
      String batchFile) {}
}
