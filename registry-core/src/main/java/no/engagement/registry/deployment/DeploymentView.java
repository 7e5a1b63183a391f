package no.engagement.registry.deployment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One answer of the deployments screen. */
public record DeploymentView(
    DeploymentFilter filter,
    BigDecimal total,
    long figures,
    List<YearTotal> trend,
    List<Group> groups,
    List<Figure> page,
    @Nullable Long nextAfter,
    List<OtherBasis> otherBases,
    boolean severalSources,
    List<FlagNote> flagNotes,
    List<YearGroup> stacks)
    implements no.engagement.registry.db.KeptResults.Weighed {

  @Override
  public int weight() {
    return 1 + (trend.size() + groups.size() + page.size() + stacks.size() + flagNotes.size()) / 16;
  }

  /**
   * One group's total in one year (the parts of the chart's stacked bars): the cells that add up to
   * the total, so a parent personnel type is never drawn beside its children. Empty without
   * grouping, and when grouped by year.
   */
  public record YearGroup(int year, @Nullable String code, String label, BigDecimal total) {}

  /**
   * The months of a year that a total's yearly figures stand for: the fewest and the most of them
   * (the same when they agree), or null for figures that are not yearly figures of months
   * (approximate statements).
   */
  public record Coverage(@Nullable Integer min, @Nullable Integer max) {
    public static final Coverage NONE = new Coverage(null, null);

    public boolean known() {
      return min != null;
    }

    /** Whether the figures stand for fewer than twelve months (some of them). */
    public boolean partial() {
      return min != null && min < 12;
    }

    /** The coverage of two totals added: the fewest and the most months of either. */
    Coverage and(Coverage o) {
      return new Coverage(either(min, o.min, Math::min), either(max, o.max, Math::max));
    }

    private static @Nullable Integer either(
        @Nullable Integer a, @Nullable Integer b, java.util.function.BinaryOperator<Integer> pick) {
      if (a == null) {
        return b;
      }
      return b == null ? a : pick.apply(a, b);
    }
  }

  /**
   * The quality flags, one bit each, in the order of the database's {@code figure_flag_code} (the
   * generated enum, read by {@link DeploymentQueries#FLAGS}).
   */
  public static final List<String> FLAGS = DeploymentQueries.FLAGS;

  /** The flags whose bits are set in {@code bits}, in the order of {@link #FLAGS}. */
  public static List<String> flags(int bits) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < FLAGS.size(); i++) {
      if ((bits & (1 << i)) != 0) {
        out.add(FLAGS.get(i));
      }
    }
    return out;
  }

  /**
   * The sum of one year, for the trend chart and its table, with its months and flags; {@code
   * total} is null for a flagged year in which the selection has no figures.
   */
  public record YearTotal(int year, @Nullable BigDecimal total, Coverage coverage, int flags) {}

  /**
   * One group with its total. {@code code} is what a filter takes to narrow to it, or null when the
   * group is a set no single filter names (a statement covering several missions). {@code depth} is
   * its level in the tree of personnel types (0 elsewhere): a parent type's total is the sum of its
   * children's, never added to them.
   */
  public record Group(
      @Nullable String code,
      String label,
      BigDecimal total,
      long figures,
      Coverage coverage,
      int flags,
      int depth) {}

  /**
   * One source's figure for a selection in one year and basis: the sum of its yearly figures there,
   * with their months and flags ({@code sourceId} null: figures that cite only their import batch).
   */
  public record SourceFigure(
      int year,
      String basis,
      @Nullable Long sourceId,
      @Nullable String source,
      @Nullable String language,
      BigDecimal total,
      long figures,
      Coverage coverage,
      int flags) {}

  /** The selection has this many figures in another basis. */
  public record OtherBasis(String basis, long figures) {}

  /** Why a year's figures carry a flag: the flag, its reason and the source it is about. */
  public record FlagNote(
      int year,
      String flag,
      @Nullable Integer monthsCovered,
      @Nullable String reason,
      long sourceId,
      String source) {}

  /** One personnel figure with where it comes from. */
  public record Figure(
      long id,
      String contributor,
      String contributorName,
      @Nullable String missions,
      int year,
      @Nullable LocalDate periodStart,
      @Nullable LocalDate periodEnd,
      String type,
      String typeName,
      String gender,
      BigDecimal count,
      String basis,
      boolean approximate,
      @Nullable String statedText,
      @Nullable Long sourceId,
      @Nullable String sourceTitle,
      @Nullable String sourceLanguage,
      @Nullable Long batchId,
      @Nullable String batchFile) {}
}
