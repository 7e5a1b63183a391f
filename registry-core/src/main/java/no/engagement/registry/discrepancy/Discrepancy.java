package no.engagement.registry.discrepancy;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Two sources that state the same figure (same contributor, personnel type and year) differently:
 * other missions, or another count. Both are kept; this shows them side by side.
 */
public record Discrepancy(String contributor, int year, String type, Side first, Side second) {

  /** What one source states. {@code missions} is each mission as stated: "Haiti (MINUSMA)". */
  public record Side(
      long sourceId,
      String title,
      String language,
      BigDecimal count,
      List<String> missions,
      @Nullable String statedText) {

    /** The acronyms of the missions, without the places as stated. */
    public List<String> acronyms() {
      return missions.stream().map(this::acronymOf).toList();
    }

    /** "MINUSMA" of "Haiti (MINUSMA)". */
    public String acronymOf(String asStated) {
      int open = asStated.lastIndexOf('(');
      return open >= 0 && asStated.endsWith(")")
          ? asStated.substring(open + 1, asStated.length() - 1)
          : asStated;
    }
  }

  /**
   * A place a source names for a mission that is not where the mission is: "Haiti (MINUSMA)", while
   * MINUSMA is the Mali mission.
   */
  public record PlaceMismatch(
      long sourceId,
      String title,
      String language,
      String statedPlace,
      String mission,
      @Nullable String hosts) {}

  /**
   * Two sources whose yearly figures for the same contributor, missions, personnel type, gender,
   * basis and year differ by more than the threshold: each with its figure, months and flags.
   */
  public record FigureDiscrepancy(
      String contributor,
      String contributorName,
      @Nullable String missions,
      List<String> acronyms,
      int year,
      String basis,
      String type,
      String typeName,
      String gender,
      SourceFigure first,
      SourceFigure second) {

    /** The second source's figure less the first's. */
    public BigDecimal difference() {
      return second.value().subtract(first.value());
    }
  }

  /** One source's yearly figure ({@code sourceId} null: import batches that cite no source). */
  public record SourceFigure(
      @Nullable Long sourceId,
      @Nullable String title,
      @Nullable String language,
      BigDecimal value,
      @Nullable Integer months,
      int flags) {}
}
