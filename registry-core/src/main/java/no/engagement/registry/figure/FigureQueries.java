package no.engagement.registry.figure;

import static no.engagement.registry.jooq.Tables.DEPLOYMENT_SERIES;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE_MISSION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.util.List;
import no.engagement.registry.jooq.enums.BasisCode;
import no.engagement.registry.jooq.enums.GenderCode;
import no.engagement.registry.jooq.tables.PersonnelFigure;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record6;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * SQL about personnel figures that several features share. A statement covering several missions
 * has no mission_id of its own but rows in personnel_figure_mission; every screen names it the same
 * way.
 */
public final class FigureQueries {

  private FigureQueries() {}

  /**
   * The basis of approximate statements as a literal in the SQL: a bind parameter is cast from text
   * by a function the planner does not fold, so it could not prove that a query wants only
   * statements and use the index that holds only them (personnel_figure_statements).
   */
  public static final Field<BasisCode> STATEMENT = DSL.inline(BasisCode.approximate_statement);

  /** "MINUSMA + UNMISS + UNTSO" for a statement covering several missions, else the acronym. */
  public static Field<String> missions(PersonnelFigure f) {
    var own = MISSION.as("own_mission");
    return missions(f, field(select(own.ACRONYM).from(own).where(own.ID.eq(f.MISSION_ID))));
  }

  /** The same, where the caller has already joined the figure's own mission's acronym. */
  public static Field<String> missions(PersonnelFigure f, Field<String> ownAcronym) {
    var set = MISSION.as("set_mission");
    Field<String> setLabel =
        field(
            select(DSL.stringAgg(set.ACRONYM, " + ").orderBy(set.ACRONYM))
                .from(PERSONNEL_FIGURE_MISSION)
                .join(set)
                .on(set.ID.eq(PERSONNEL_FIGURE_MISSION.MISSION_ID))
                .where(PERSONNEL_FIGURE_MISSION.FIGURE_ID.eq(f.ID)));
    return when(f.MISSION_ID.isNull(), setLabel).else_(ownAcronym);
  }

  /**
   * What marks a year's figures on a chart: its flags (bits in the order of {@code
   * figure_flag_code}) and the fewest months its figures cover (null: unknown, as for statements).
   */
  public record Marks(int flags, @Nullable Integer months) {

    /** No flags, twelve months: nothing to mark. */
    public boolean none() {
      return flags == 0 && (months == null || months >= 12);
    }

    /**
     * The years of {@code rows} with something to mark, each with the marks of all its rows
     * together.
     */
    public static <T> java.util.Map<Integer, Marks> byYear(
        List<T> rows,
        java.util.function.ToIntFunction<T> year,
        java.util.function.Function<T, Marks> marks) {
      var all = new java.util.TreeMap<Integer, Marks>();
      rows.forEach(r -> all.merge(year.applyAsInt(r), marks.apply(r), Marks::and));
      all.values().removeIf(Marks::none);
      return java.util.Collections.unmodifiableMap(all);
    }

    /** The marks of two sets of figures shown together. */
    public Marks and(Marks o) {
      Integer mine = months;
      Integer theirs = o.months;
      Integer fewest =
          mine == null ? theirs : theirs == null ? mine : Integer.valueOf(Math.min(mine, theirs));
      return new Marks(flags | o.flags, fewest);
    }
  }

  /** A basis with yearly figures for a subject, and how many figures stand behind them. */
  public record BasisFigures(String basis, long figures) {}

  /**
   * The bases of the deployment series where {@code where} holds, each with its figures: annual
   * averages first, then snapshots, then approximate statements (the order of the enum).
   */
  public static List<BasisFigures> bases(DSLContext dsl, Condition where) {
    var S = DEPLOYMENT_SERIES;
    return dsl.select(S.BASIS.cast(String.class), DSL.sum(S.FIGURES).cast(Long.class))
        .from(S)
        .where(where)
        .groupBy(S.BASIS)
        .orderBy(DSL.field("array_position(enum_range(null::basis_code), {0})", S.BASIS).desc())
        .fetch(Records.mapping(BasisFigures::new));
  }

  /**
   * The deployment series of one basis where {@code where} holds, all genders, per contributor, set
   * of missions and year: for each personnel type, the total where a source gives one, else its
   * women and men added. Types below another are already left out of the series where the type
   * above them is given, so the types add up. With each total its flags (their bits, as {@code
   * deployment_series.flags}) and the fewest months any of its figures covers (null: unknown).
   */
  public static Table<Record6<String, Long[], Integer, BigDecimal, Short, Short>> allGenders(
      Condition where, BasisCode basis) {
    var S = DEPLOYMENT_SERIES;
    Field<BigDecimal> total = DSL.sum(S.MEAN).filterWhere(S.GENDER.eq(GenderCode.total));
    Field<BigDecimal> split = DSL.sum(S.MEAN).filterWhere(S.GENDER.ne(GenderCode.total));
    var perType =
        select(
                S.CONTRIBUTOR_ISO3.cast(String.class).as("contributor"),
                S.MISSION_IDS.as("mission_ids"),
                S.YEAR.cast(Integer.class).as("year"),
                DSL.coalesce(total, split).as("value"),
                DSL.bitOrAgg(S.FLAGS).as("flags"),
                DSL.min(S.MONTHS_MIN).as("months"))
            .from(S)
            .where(where)
            .and(S.BASIS.eq(basis))
            .groupBy(S.CONTRIBUTOR_ISO3, S.MISSION_IDS, S.PERSONNEL_TYPE, S.YEAR)
            .asTable("per_type");
    Field<String> contributor = perType.field("contributor", String.class);
    Field<Long[]> missionIds = perType.field("mission_ids", Long[].class);
    Field<Integer> year = perType.field("year", Integer.class);
    return select(
            contributor,
            missionIds,
            year,
            DSL.sum(perType.field("value", BigDecimal.class)).as("total"),
            DSL.bitOrAgg(perType.field("flags", Short.class)).as("flags"),
            DSL.min(perType.field("months", Short.class)).as("months"))
        .from(perType)
        .groupBy(contributor, missionIds, year)
        .asTable("all_genders");
  }
}
