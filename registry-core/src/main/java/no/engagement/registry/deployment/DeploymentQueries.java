package no.engagement.registry.deployment;

import static no.engagement.registry.export.CopyCsvTranscoder.Kind.NUMBER;
import static no.engagement.registry.export.CopyCsvTranscoder.Kind.PLAIN;
import static no.engagement.registry.export.CopyCsvTranscoder.Kind.TEXT;
import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_ROLLUP;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_SOURCE_SERIES;
import static no.engagement.registry.jooq.Tables.FIGURE_FLAG;
import static no.engagement.registry.jooq.Tables.IMPORT_BATCH;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.MISSION_HOST;
import static no.engagement.registry.jooq.Tables.MISSION_REGION;
import static no.engagement.registry.jooq.Tables.MISSION_SET_LABEL;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE_MISSION;
import static no.engagement.registry.jooq.Tables.PERSONNEL_TYPE;
import static no.engagement.registry.jooq.Tables.PERSONNEL_TYPE_SUBTREE;
import static no.engagement.registry.jooq.Tables.REGION;
import static no.engagement.registry.jooq.Tables.REGION_COUNTRY;
import static no.engagement.registry.jooq.Tables.SOURCE_DOCUMENT;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import no.engagement.registry.export.CopyCsvTranscoder;
import no.engagement.registry.export.CopyCsvTranscoder.Kind;
import no.engagement.registry.export.CsvDialect;
import no.engagement.registry.figure.FigureQueries;
import no.engagement.registry.jooq.enums.BasisCode;
import no.engagement.registry.jooq.enums.FigureFlagCode;
import no.engagement.registry.jooq.enums.GenderCode;
import no.engagement.registry.jooq.enums.PersonnelTypeCode;
import no.engagement.registry.jooq.tables.Country;
import no.engagement.registry.jooq.tables.Mission;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The deployment feature's only door to the database. */
@Repository
class DeploymentQueries {

  private static final Country CONTRIBUTOR = COUNTRY.as("contributor");
  private static final Mission M = MISSION.as("m");

  /** The personnel types the database knows, in the order of their enum (parents first). */
  static final List<String> TYPES =
      Arrays.stream(PersonnelTypeCode.values()).map(PersonnelTypeCode::getLiteral).toList();

  /** The bases, the default first, then in the order of their enum. */
  static final List<String> BASES =
      defaultFirst(
          DeploymentFilter.DEFAULT_BASIS,
          Arrays.stream(BasisCode.values()).map(BasisCode::getLiteral).toList());

  /** The genders, the default (total) first, then in the order of their enum. */
  static final List<String> GENDERS =
      defaultFirst(
          DeploymentFilter.DEFAULT_GENDER,
          Arrays.stream(GenderCode.values()).map(GenderCode::getLiteral).toList());

  private static List<String> defaultFirst(String first, List<String> all) {
    var out = new java.util.ArrayList<String>(all.size());
    out.add(first);
    all.stream().filter(w -> !w.equals(first)).forEach(out::add);
    return List.copyOf(out);
  }

  /** The quality flags' codes in the order of their enum: bit i of a flags value is flag i. */
  static final List<String> FLAGS =
      Arrays.stream(FigureFlagCode.values()).map(FigureFlagCode::getLiteral).toList();

  private final DSLContext dsl;

  DeploymentQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  Set<String> knownCountries(Collection<String> codes) {
    return Set.copyOf(
        dsl.select(COUNTRY.ISO3).from(COUNTRY).where(COUNTRY.ISO3.in(codes)).fetch(COUNTRY.ISO3));
  }

  Set<String> knownMissions(Collection<String> acronyms) {
    return Set.copyOf(
        dsl.select(MISSION.ACRONYM)
            .from(MISSION)
            .where(MISSION.ACRONYM.in(acronyms))
            .fetch(MISSION.ACRONYM));
  }

  Set<String> knownRegions(Collection<String> codes) {
    return Set.copyOf(
        dsl.select(REGION.CODE).from(REGION).where(REGION.CODE.in(codes)).fetch(REGION.CODE));
  }

  /**
   * The filter's values by the name of their parameter in the SQL. A name is there only when its
   * filter is set, so the names also tell the query's shape: a query is rendered once per shape and
   * run with these values ({@link #run}).
   */
  private static Map<String, Object> values(DeploymentFilter f) {
    var v = new LinkedHashMap<String, Object>();
    v.put("basis", BasisCode.lookupLiteral(f.basis()));
    if (!"all".equals(f.gender())) {
      v.put("gender", GenderCode.lookupLiteral(f.gender()));
    }
    putCodes(v, "contributors", f.contributors());
    if (f.from() != null) {
      v.put("from", f.from().shortValue());
    }
    if (f.to() != null) {
      v.put("to", f.to().shortValue());
    }
    if (!f.types().isEmpty()) {
      v.put(
          "types",
          f.types().stream()
              .map(PersonnelTypeCode::lookupLiteral)
              .toArray(PersonnelTypeCode[]::new));
    }
    putCodes(v, "missions", f.missions());
    putCodes(v, "hosts", f.hosts());
    putCodes(v, "regions", f.regions());
    return v;
  }

  private static void putCodes(Map<String, Object> v, String name, List<String> codes) {
    if (!codes.isEmpty()) {
      v.put(name, codes.toArray(String[]::new));
    }
  }

  /** The parameter {@code name} with its value from {@code v}. */
  private static <T> Param<T> param(Map<String, Object> v, String name, Class<T> type) {
    return DSL.param(name, type.cast(v.get(name)));
  }

  /** The columns a filter reads, in the figures table or in the series view. */
  private record Columns(
      Field<BasisCode> basis,
      Field<GenderCode> gender,
      Field<String> contributor,
      Field<Short> year,
      Field<PersonnelTypeCode> type) {}

  /** The filter as one SQL condition on PERSONNEL_FIGURE. */
  private static Condition where(Map<String, Object> v) {
    var F = PERSONNEL_FIGURE;
    return filter(
        v,
        new Columns(F.BASIS, F.GENDER, F.CONTRIBUTOR_ISO3, F.YEAR, F.PERSONNEL_TYPE),
        DeploymentQueries::coversMission);
  }

  /** The filter as a condition on a roll-up of the series (V3__deployment_rollup.sql). */
  private static Condition rollupWhere(Map<String, Object> v) {
    var R = DEPLOYMENT_ROLLUP;
    return filter(
        v,
        new Columns(R.BASIS, R.GENDER, R.CONTRIBUTOR_ISO3, R.YEAR, R.PERSONNEL_TYPE),
        DeploymentQueries::overlaps);
  }

  /**
   * The smallest roll-up that keeps every dimension the view filters or groups by: a bit of the
   * level is set when its dimension is summed away (4 contributor, 2 type, 1 missions).
   */
  static short level(DeploymentFilter f) {
    var g = f.group();
    boolean contributor = !f.contributors().isEmpty() || g == DeploymentFilter.Grouping.CONTRIBUTOR;
    boolean type = !f.types().isEmpty() || g == DeploymentFilter.Grouping.TYPE;
    boolean missions =
        !f.missions().isEmpty()
            || !f.hosts().isEmpty()
            || !f.regions().isEmpty()
            || g == DeploymentFilter.Grouping.MISSION
            || g == DeploymentFilter.Grouping.HOST;
    return (short) ((contributor ? 0 : 4) | (type ? 0 : 2) | (missions ? 0 : 1));
  }

  /**
   * One filter, two tables: {@code covers} says how a row covers any of a set of missions (the
   * figures table and the series view keep mission sets differently). Each list of codes is one
   * array parameter ({@code = any(?)}), so the SQL does not change with how many codes are chosen.
   */
  private static Condition filter(
      Map<String, Object> v,
      Columns col,
      java.util.function.Function<Select<? extends Record1<Long>>, Condition> covers) {
    Condition c =
        v.containsKey("basis")
            ? col.basis().eq(param(v, "basis", BasisCode.class))
            : v.containsKey("notBasis")
                ? col.basis().ne(param(v, "notBasis", BasisCode.class))
                : DSL.noCondition();
    if (v.containsKey("gender")) {
      c = c.and(col.gender().eq(param(v, "gender", GenderCode.class)));
    }
    if (v.containsKey("contributors")) {
      c = c.and(col.contributor().eq(any(param(v, "contributors", String[].class))));
    }
    if (v.containsKey("from")) {
      c = c.and(col.year().ge(param(v, "from", Short.class)));
    }
    if (v.containsKey("to")) {
      c = c.and(col.year().le(param(v, "to", Short.class)));
    }
    if (v.containsKey("types")) {
      c = c.and(col.type().eq(any(DSL.array(subtree(v)))));
    }
    if (v.containsKey("missions")) {
      c =
          c.and(
              covers.apply(
                  select(MISSION.ID)
                      .from(MISSION)
                      .where(MISSION.ACRONYM.eq(any(param(v, "missions", String[].class))))));
    }
    if (v.containsKey("hosts")) {
      c =
          c.and(
              covers.apply(
                  select(MISSION_HOST.MISSION_ID)
                      .from(MISSION_HOST)
                      .where(MISSION_HOST.ISO3.eq(any(param(v, "hosts", String[].class))))));
    }
    if (v.containsKey("regions")) {
      var regions = param(v, "regions", String[].class);
      c =
          c.and(
              covers.apply(
                  select(MISSION_HOST.MISSION_ID)
                      .from(MISSION_HOST)
                      .join(REGION_COUNTRY)
                      .on(REGION_COUNTRY.ISO3.eq(MISSION_HOST.ISO3))
                      .where(REGION_COUNTRY.REGION_CODE.eq(any(regions)))
                      .union(
                          select(MISSION_REGION.MISSION_ID)
                              .from(MISSION_REGION)
                              .where(MISSION_REGION.REGION_CODE.eq(any(regions))))));
    }
    return c;
  }

  /**
   * The chosen types and every type below them: a filter on military counts troops, staff officers
   * and experts on mission too (V9__figures_that_add_up.sql counts the most detailed figure).
   */
  private static Select<Record1<PersonnelTypeCode>> subtree(Map<String, Object> v) {
    return selectDistinct(PERSONNEL_TYPE_SUBTREE.DESCENDANT)
        .from(PERSONNEL_TYPE_SUBTREE)
        .where(
            PERSONNEL_TYPE_SUBTREE.ANCESTOR.eq(any(param(v, "types", PersonnelTypeCode[].class))));
  }

  /**
   * A figure covers a mission by its own mission_id or, for a statement, through its set. The ids
   * are one array ({@code = any(array(...))}, computed once before the scan), not an {@code in
   * (select ...)}: so PostgreSQL can look them up in the figures' natural-key index together with
   * the contributor (7 ms to 1.2 ms for one contributor in one mission of the 1M-figure bench).
   */
  private static Condition coversMission(Select<? extends Record1<Long>> missionIds) {
    var F = PERSONNEL_FIGURE;
    var ids = DSL.any(DSL.array(missionIds));
    return F.MISSION_ID
        .eq(ids)
        .or(
            F.MISSION_ID
                .isNull()
                .and(
                    exists(
                        selectOne()
                            .from(PERSONNEL_FIGURE_MISSION)
                            .where(PERSONNEL_FIGURE_MISSION.FIGURE_ID.eq(F.ID))
                            .and(PERSONNEL_FIGURE_MISSION.MISSION_ID.eq(ids)))));
  }

  private static Field<String> missionLabel() {
    return FigureQueries.missions(PERSONNEL_FIGURE, M.ACRONYM);
  }

  /** The host countries of the figure's mission(s), as one label: never split between hosts. */
  private static Field<String> hostLabel(String lang) {
    var F = PERSONNEL_FIGURE;
    var H = MISSION_HOST.as("h");
    var C = COUNTRY.as("host");
    Field<String> name = "nb".equals(lang) ? C.NAME_NB : C.NAME_EN;
    Field<String> single =
        field(
            select(DSL.stringAgg(name, ", ").orderBy(name))
                .from(H)
                .join(C)
                .on(C.ISO3.eq(H.ISO3))
                .where(H.MISSION_ID.eq(F.MISSION_ID)));
    var names =
        selectDistinct(name.as("n"))
            .from(PERSONNEL_FIGURE_MISSION)
            .join(H)
            .on(H.MISSION_ID.eq(PERSONNEL_FIGURE_MISSION.MISSION_ID))
            .join(C)
            .on(C.ISO3.eq(H.ISO3))
            .where(PERSONNEL_FIGURE_MISSION.FIGURE_ID.eq(F.ID))
            .asTable("x");
    Field<String> n = names.field("n", String.class);
    Field<String> set = field(select(DSL.stringAgg(n, ", ").orderBy(n)).from(names));
    return when(F.MISSION_ID.isNull(), set).else_(single);
  }

  /**
   * One group in one year: the sum of its series' means, how many figures lie behind, the fewest
   * and most months its yearly figures stand for (null: not a yearly figure of months), its quality
   * flags as bits, whether a series in it has several sources. For a grouping by type, {@code
   * parent} is the group's parent type and {@code order} its place in the tree.
   */
  record Cell(
      @Nullable String code,
      String label,
      int year,
      BigDecimal total,
      long figures,
      @Nullable Integer monthsMin,
      @Nullable Integer monthsMax,
      int flags,
      boolean severalSources,
      @Nullable String parent,
      int order) {}

  /** The series covers one of the missions: its set of missions overlaps theirs. */
  private static Condition overlaps(Select<? extends Record1<Long>> missionIds) {
    return DSL.arrayOverlap(DEPLOYMENT_ROLLUP.MISSION_IDS, DSL.array(missionIds));
  }

  /**
   * The view in one query over the smallest fitting roll-up of the series: totals per group and
   * year. Total, trend and groups are sums of these cells, so the three always agree.
   */
  List<Cell> cells(DeploymentFilter f, String lang) {
    return cells(f, lang, level(f));
  }

  /**
   * How PostgreSQL plans the transaction's next statements. The application's connections plan
   * every execution for its values ({@code force_custom_plan}, ADR 0007), which the figure page's
   * ids need: the plan for any values read the figures in id order. The cells and the figures by id
   * are planned once per connection ({@code force_generic_plan}): their plans do not turn on the
   * values, and planning them anew was a third of PostgreSQL's time for the screen (ADR 0017).
   */
  private enum Planning {
    FOR_VALUES("set local plan_cache_mode = force_custom_plan"),
    ONCE("set local plan_cache_mode = force_generic_plan");

    private final String sql;

    Planning(String sql) {
      this.sql = sql;
    }
  }

  /** Straight over JDBC: through jOOQ's plain SQL, these settings cost more than the queries. */
  private void plan(Planning p) {
    dsl.connection(
        c -> {
          try (var st = c.createStatement()) {
            st.execute(p.sql);
          }
        });
  }

  /** The cells read from one level of the roll-up; level 0 is the series themselves. */
  List<Cell> cells(DeploymentFilter f, String lang, short level) {
    plan(Planning.ONCE); // the level is written into the SQL, the values pick among index scans
    var v = values(f);
    boolean nb = "nb".equals(lang);
    var shape = List.of("cells", level, f.group(), nb, List.copyOf(v.keySet()));
    return run(
        shape,
        () -> cellsQuery(v, level, f.group(), nb),
        v,
        r ->
            new Cell(
                r.getString("code"),
                r.getString("label"),
                r.getInt("year"),
                r.getBigDecimal("total"),
                r.getLong("figures"),
                r.getObject("monthsMin", Integer.class),
                r.getObject("monthsMax", Integer.class),
                r.getInt("flags"),
                r.getBoolean("severalSources"),
                r.getString("parent"),
                r.getInt("order")));
  }

  /**
   * The quality flags behind the view: the flags of the sources whose yearly figures of the view's
   * basis carry them, in the view's years, of the chosen contributors (a flag of one contributor,
   * or of every contributor). With contributors chosen, a flagged year in which they have no
   * figures is included where the source has figures of theirs in other years: the year is partial
   * for them too (the UN's yearly file has no Norwegian figures in its two months of 2010).
   */
  List<DeploymentView.FlagNote> flagNotes(DeploymentFilter f) {
    var FF = FIGURE_FLAG;
    var S = DEPLOYMENT_SOURCE_SERIES;
    var basis = BasisCode.lookupLiteral(f.basis());
    Condition where =
        exists(
            selectOne()
                .from(S)
                .where(S.SOURCE_ID.eq(FF.SOURCE_ID))
                .and(S.YEAR.eq(FF.YEAR))
                .and(S.BASIS.eq(basis))
                .and(S.FLAGS.ne(DSL.inline((short) 0)))); // the flagged series' own index
    if (!f.contributors().isEmpty()) {
      var S2 = DEPLOYMENT_SOURCE_SERIES.as("s2");
      where =
          where
              .and(FF.CONTRIBUTOR_ISO3.isNull().or(FF.CONTRIBUTOR_ISO3.in(f.contributors())))
              .and(
                  exists(
                      selectOne()
                          .from(S2)
                          .where(S2.SOURCE_ID.eq(FF.SOURCE_ID))
                          .and(S2.BASIS.eq(basis))
                          .and(S2.CONTRIBUTOR_ISO3.in(f.contributors()))));
    }
    if (f.from() != null) {
      where = where.and(FF.YEAR.ge(f.from().shortValue()));
    }
    if (f.to() != null) {
      where = where.and(FF.YEAR.le(f.to().shortValue()));
    }
    return dsl.select(
            FF.YEAR.cast(Integer.class),
            FF.FLAG.cast(String.class),
            FF.MONTHS_COVERED.cast(Integer.class),
            FF.REASON,
            SOURCE_DOCUMENT.ID,
            SOURCE_DOCUMENT.TITLE)
        .from(FF)
        .join(SOURCE_DOCUMENT)
        .on(SOURCE_DOCUMENT.ID.eq(FF.SOURCE_ID))
        .where(where)
        .orderBy(FF.YEAR, FF.FLAG, SOURCE_DOCUMENT.ID, FF.ID)
        .fetch(org.jooq.Records.mapping(DeploymentView.FlagNote::new));
  }

  /**
   * Each source's figure for the view's selection, per year and basis (every basis): the sum of
   * that source's yearly figures in the selection, with its months, flags and figures. The figures
   * of an import batch that cites no source have a null source.
   */
  List<DeploymentView.SourceFigure> bySource(DeploymentFilter f) {
    var S = DEPLOYMENT_SOURCE_SERIES;
    var v = values(f);
    v.remove("basis");
    Condition where =
        filter(
            v,
            new Columns(S.BASIS, S.GENDER, S.CONTRIBUTOR_ISO3, S.YEAR, S.PERSONNEL_TYPE),
            ids -> DSL.arrayOverlap(S.MISSION_IDS, DSL.array(ids)));
    return dsl.select(
            S.YEAR.cast(Integer.class),
            S.BASIS.cast(String.class),
            S.SOURCE_ID,
            DSL.min(SOURCE_DOCUMENT.TITLE),
            DSL.min(SOURCE_DOCUMENT.LANGUAGE),
            sum(S.VALUE),
            sum(S.FIGURES).cast(Long.class),
            DSL.row(DSL.min(S.MONTHS).cast(Integer.class), DSL.max(S.MONTHS).cast(Integer.class))
                .mapping(DeploymentView.Coverage::new),
            field("coalesce(bit_or({0}), 0)", Integer.class, S.FLAGS))
        .from(S)
        .leftJoin(SOURCE_DOCUMENT)
        .on(SOURCE_DOCUMENT.ID.eq(S.SOURCE_ID))
        .where(DSL.condition(DSL.val(true)).and(where))
        .groupBy(S.YEAR, S.BASIS, S.SOURCE_ID, S.PROVENANCE)
        .orderBy(S.YEAR, S.BASIS, S.SOURCE_ID)
        .fetch(org.jooq.Records.mapping(DeploymentView.SourceFigure::new));
  }

  /** How many figures of the view's selection each other basis has. */
  record OtherBasis(String basis, long figures) {}

  /**
   * The figures the same selection has in the other bases, from the same level of the roll-up: the
   * screen says they exist and links to them.
   */
  List<OtherBasis> otherBases(DeploymentFilter f) {
    plan(Planning.ONCE);
    var v = values(f);
    v.put("notBasis", v.remove("basis"));
    short level = level(f);
    var R = DEPLOYMENT_ROLLUP;
    return run(
        List.of("other-bases", level, List.copyOf(v.keySet())),
        () ->
            dsl.select(R.BASIS.cast(String.class).as("basis"), sum(R.FIGURES).as("figures"))
                .from(R)
                .where(R.LEVEL.eq(inline(level)).and(rollupWhere(v)))
                .groupBy(R.BASIS)
                .orderBy(R.BASIS),
        v,
        r -> new OtherBasis(r.getString("basis"), r.getLong("figures")));
  }

  private Select<?> cellsQuery(
      Map<String, Object> v, short level, DeploymentFilter.Grouping group, boolean nb) {
    var R = DEPLOYMENT_ROLLUP;
    var L = MISSION_SET_LABEL;
    Field<String> code;
    Field<String> label;
    List<Field<?>> groupBy; // plain columns: code and label are computed from them
    switch (group) {
      case CONTRIBUTOR -> {
        label = nb ? CONTRIBUTOR.NAME_NB : CONTRIBUTOR.NAME_EN;
        code = R.CONTRIBUTOR_ISO3.cast(String.class);
        groupBy = List.of(R.CONTRIBUTOR_ISO3, label);
      }
      case MISSION -> {
        label = L.MISSIONS;
        code = when(L.MISSIONS.notContains(inline(" + ")), L.MISSIONS); // one mission, not a set
        groupBy = List.of(L.MISSIONS);
      }
      case HOST -> {
        label = nb ? L.HOSTS_NB : L.HOSTS_EN;
        code = DSL.castNull(String.class);
        groupBy = List.of(label);
      }
      case TYPE -> { // each type with every type below it: the tree, parents as sums
        label = nb ? PERSONNEL_TYPE.NAME_NB : PERSONNEL_TYPE.NAME_EN;
        code = PERSONNEL_TYPE.CODE.cast(String.class);
        groupBy = List.of(PERSONNEL_TYPE.CODE, label);
      }
      default -> {
        code = R.YEAR.cast(String.class);
        label = code;
        groupBy = List.of();
      }
    }
    List<Field<?>> all = new java.util.ArrayList<>(groupBy);
    all.add(R.YEAR);
    org.jooq.Table<?> joined = R;
    switch (group) {
      case CONTRIBUTOR ->
          joined = R.leftJoin(CONTRIBUTOR).on(CONTRIBUTOR.ISO3.eq(R.CONTRIBUTOR_ISO3));
      case TYPE -> {
        var S = PERSONNEL_TYPE_SUBTREE;
        joined =
            R.join(S)
                .on(S.DESCENDANT.eq(R.PERSONNEL_TYPE))
                .join(PERSONNEL_TYPE)
                .on(PERSONNEL_TYPE.CODE.eq(S.ANCESTOR));
        if (v.containsKey("types")) { // the chosen types are the tree's tops
          joined =
              R.join(S)
                  .on(S.DESCENDANT.eq(R.PERSONNEL_TYPE))
                  .and(S.ANCESTOR.in(subtree(v)))
                  .join(PERSONNEL_TYPE)
                  .on(PERSONNEL_TYPE.CODE.eq(S.ANCESTOR));
        }
      }
      case MISSION, HOST -> joined = R.leftJoin(L).on(L.MISSION_IDS.eq(R.MISSION_IDS));
      default -> {}
    }
    Field<String> parent =
        group == DeploymentFilter.Grouping.TYPE
            ? DSL.min(PERSONNEL_TYPE.PARENT_CODE.cast(String.class))
            : DSL.castNull(String.class);
    Field<Integer> order =
        group == DeploymentFilter.Grouping.TYPE
            ? DSL.min(PERSONNEL_TYPE.SORT_ORDER).cast(Integer.class)
            : inline(0);
    return dsl.select(
            code.as("code"),
            DSL.coalesce(label, inline("\u2014")).as("label"),
            R.YEAR.cast(Integer.class).as("year"),
            sum(R.TOTAL).as("total"),
            sum(R.FIGURES).as("figures"),
            DSL.min(R.MONTHS_MIN).cast(Integer.class).as("monthsMin"),
            DSL.max(R.MONTHS_MAX).cast(Integer.class).as("monthsMax"),
            field("coalesce(bit_or({0}), 0)", Integer.class, R.FLAGS).as("flags"),
            DSL.boolOr(R.SEVERAL_SOURCES.isTrue()).as("severalSources"),
            parent.as("parent"),
            order.as("order"))
        .from(joined)
        .where(R.LEVEL.eq(inline(level)).and(rollupWhere(v)))
        .groupBy(all);
  }

  /** The ids of the view's figures after the parameter {@code after}, at most {@code size}. */
  private Select<?> idsQuery(Map<String, Object> v) {
    var F = PERSONNEL_FIGURE;
    return dsl.select(F.ID)
        .from(F)
        .where(where(v).and(F.ID.gt(param(v, "after", Long.class))))
        .orderBy(F.ID)
        .limit(param(v, "size", Integer.class));
  }

  /** The figures of the parameter {@code ids}, with their names, by id. */
  private Select<?> figuresQuery(Map<String, Object> v, boolean nb) {
    var F = PERSONNEL_FIGURE;
    return dsl.select(
            F.ID.as("id"),
            F.CONTRIBUTOR_ISO3.cast(String.class).as("contributor"),
            (nb ? CONTRIBUTOR.NAME_NB : CONTRIBUTOR.NAME_EN).as("contributorName"),
            missionLabel().as("missions"),
            F.YEAR.cast(Integer.class).as("year"),
            F.PERIOD_START.as("periodStart"),
            F.PERIOD_END.as("periodEnd"),
            F.PERSONNEL_TYPE.cast(String.class).as("personnelType"),
            (nb ? PERSONNEL_TYPE.NAME_NB : PERSONNEL_TYPE.NAME_EN).as("personnelTypeName"),
            F.GENDER.cast(String.class).as("gender"),
            F.COUNT.as("count"),
            F.BASIS.cast(String.class).as("basis"),
            F.APPROXIMATE.as("approximate"),
            F.STATED_TEXT.as("statedText"),
            F.SOURCE_ID.as("sourceId"),
            SOURCE_DOCUMENT.TITLE.as("sourceTitle"),
            SOURCE_DOCUMENT.LANGUAGE.as("sourceLanguage"),
            F.BATCH_ID.as("batchId"),
            IMPORT_BATCH.FILE_NAME.as("batchFile"))
        .from(figuresWithNames())
        .where(F.ID.eq(any(param(v, "ids", Long[].class))))
        .orderBy(F.ID);
  }

  /** The figures with what names them: contributor, type, mission, source, batch. */
  private static org.jooq.Table<?> figuresWithNames() {
    var F = PERSONNEL_FIGURE;
    return F.join(CONTRIBUTOR)
        .on(CONTRIBUTOR.ISO3.eq(F.CONTRIBUTOR_ISO3))
        .join(PERSONNEL_TYPE)
        .on(PERSONNEL_TYPE.CODE.eq(F.PERSONNEL_TYPE))
        .leftJoin(M)
        .on(M.ID.eq(F.MISSION_ID))
        .leftJoin(SOURCE_DOCUMENT)
        .on(SOURCE_DOCUMENT.ID.eq(F.SOURCE_ID))
        .leftJoin(IMPORT_BATCH)
        .on(IMPORT_BATCH.ID.eq(F.BATCH_ID));
  }

  /**
   * One page of figures after {@code after} (keyset pagination on the id); call inside a
   * transaction. Two statements: the ids of the page, planned for the filter's values, then their
   * figures with every name, planned once. As one statement, planning its joins and subqueries for
   * every page took as long as running it (1.4 ms of 3 ms on the 1M-figure bench, ADR 0017).
   */
  List<DeploymentView.Figure> page(DeploymentFilter f, String lang, long after, int size) {
    plan(Planning.FOR_VALUES);
    var v = values(f);
    v.put("after", after);
    v.put("size", size);
    Long[] ids =
        run(List.of("ids", List.copyOf(v.keySet())), () -> idsQuery(v), v, r -> r.getLong("id"))
            .toArray(Long[]::new);
    if (ids.length == 0) {
      return List.of();
    }
    plan(Planning.ONCE);
    boolean nb = "nb".equals(lang);
    Map<String, Object> byId = Map.of("ids", ids);
    return run(
        List.of("figures", nb),
        () -> figuresQuery(byId, nb),
        byId,
        r ->
            new DeploymentView.Figure(
                r.getLong("id"),
                r.getString("contributor"),
                r.getString("contributorName"),
                r.getString("missions"),
                r.getInt("year"),
                r.getObject("periodStart", LocalDate.class),
                r.getObject("periodEnd", LocalDate.class),
                r.getString("personnelType"),
                r.getString("personnelTypeName"),
                r.getString("gender"),
                r.getBigDecimal("count"),
                r.getString("basis"),
                r.getBoolean("approximate"),
                r.getString("statedText"),
                r.getObject("sourceId", Long.class),
                r.getString("sourceTitle"),
                r.getString("sourceLanguage"),
                r.getObject("batchId", Long.class),
                r.getString("batchFile")));
  }

  /** A column of the figure list's CSV: its header name, its value, what the dialect does to it. */
  private record CsvColumn(String name, Field<?> value, Kind kind) {}

  /**
   * Every figure of the view as CSV in {@code dialect}, header first, through COPY (as the
   * downloads: ADR 0011); returns the rows. Numbers and booleans are cast as the screen writes them
   * (no trailing zeros, true/false). Call inside a read-only transaction.
   */
  long copyFigures(DeploymentFilter f, String lang, CsvDialect dialect, OutputStream out) {
    var F = PERSONNEL_FIGURE;
    var columns =
        List.of(
            new CsvColumn("id", F.ID, PLAIN),
            new CsvColumn("contributor", F.CONTRIBUTOR_ISO3, PLAIN),
            new CsvColumn(
                "contributor_name",
                "nb".equals(lang) ? CONTRIBUTOR.NAME_NB : CONTRIBUTOR.NAME_EN,
                TEXT),
            new CsvColumn("missions", missionLabel(), TEXT),
            new CsvColumn("year", F.YEAR, PLAIN),
            new CsvColumn("period_start", F.PERIOD_START, PLAIN),
            new CsvColumn("period_end", F.PERIOD_END, PLAIN),
            new CsvColumn("personnel_type", F.PERSONNEL_TYPE, PLAIN),
            new CsvColumn("gender", F.GENDER, PLAIN),
            new CsvColumn("count", DSL.function("trim_scale", BigDecimal.class, F.COUNT), NUMBER),
            new CsvColumn("basis", F.BASIS, PLAIN),
            new CsvColumn("approximate", F.APPROXIMATE.cast(String.class), PLAIN),
            new CsvColumn("stated_text", F.STATED_TEXT, TEXT),
            new CsvColumn("source_id", F.SOURCE_ID, PLAIN),
            new CsvColumn("source_title", SOURCE_DOCUMENT.TITLE, TEXT),
            new CsvColumn("batch_id", F.BATCH_ID, PLAIN),
            new CsvColumn("batch_file", IMPORT_BATCH.FILE_NAME, TEXT),
            new CsvColumn("flags", flags(), PLAIN));
    // the filter's values are inlined by jOOQ (escaped): COPY takes no parameters
    String query =
        dsl.renderInlined(
            dsl.select(columns.stream().map(c -> c.value().as(c.name())).toList())
                .from(figuresWithNames())
                .where(where(values(f)))
                .orderBy(F.ID));
    dsl.query("set local statement_timeout = 0").execute(); // as long as the client reads
    var kinds = columns.stream().map(CsvColumn::kind).toList();
    return dsl.connectionResult(c -> CopyCsvTranscoder.copy(c, query, dialect, kinds, out));
  }

  /**
   * The quality flags of a figure, "|"-separated: those of its source and year that name no
   * contributor or its contributor, and no mission or one of its missions.
   */
  private static Field<String> flags() {
    var F = PERSONNEL_FIGURE;
    var FF = FIGURE_FLAG;
    return field(
        select(DSL.field("string_agg(distinct {0}::text, '|')", String.class, FF.FLAG))
            .from(FF)
            .where(FF.SOURCE_ID.eq(F.SOURCE_ID))
            .and(FF.YEAR.eq(F.YEAR))
            .and(FF.CONTRIBUTOR_ISO3.isNull().or(FF.CONTRIBUTOR_ISO3.eq(F.CONTRIBUTOR_ISO3)))
            .and(
                FF.MISSION_ID
                    .isNull()
                    .or(FF.MISSION_ID.eq(F.MISSION_ID))
                    .or(
                        FF.MISSION_ID.in(
                            select(PERSONNEL_FIGURE_MISSION.MISSION_ID)
                                .from(PERSONNEL_FIGURE_MISSION)
                                .where(PERSONNEL_FIGURE_MISSION.FIGURE_ID.eq(F.ID))))));
  }

  /** A query's SQL as jOOQ renders it, with the names of its parameters in their order. */
  private record Rendered(String sql, List<String> names) {}

  /** {@code :name}, a named parameter in SQL rendered by jOOQ. */
  private static final Pattern NAMED = Pattern.compile(":([A-Za-z_]\\w*)");

  /**
   * The screen's SQL by the shape of its query: jOOQ renders the SQL of every query it runs, which
   * was a tenth of the deployment screen's CPU (scripts/bench). The text of these queries depends
   * only on which filters are set (the names of {@link #values}), grouping and language, so each
   * shape is rendered once and then run with the values (the way jOOQ's maintainer suggests in
   * jOOQ/jOOQ#8320). Bounded: a few hundred shapes at most.
   */
  private final Map<List<?>, Rendered> rendered = new ConcurrentHashMap<>();

  /** A row of a result set as a record. */
  @FunctionalInterface
  private interface Row<T> {
    T map(ResultSet r) throws SQLException;
  }

  /**
   * Runs the query of {@code shape} (built by {@code query} the first time) with {@code values}
   * bound by name, inside the caller's transaction.
   */
  private <T> List<T> run(
      List<?> shape, Supplier<Select<?>> query, Map<String, Object> values, Row<T> row) {
    Rendered r = rendered.get(shape);
    if (r == null) {
      r = render(query.get());
      rendered.put(shape, r);
    }
    Rendered sql = r;
    return dsl.connectionResult(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
            for (int i = 0; i < sql.names().size(); i++) {
              bind(c, ps, i + 1, sql.names().get(i), values);
            }
            try (ResultSet rs = ps.executeQuery()) {
              List<T> rows = new ArrayList<>();
              while (rs.next()) {
                rows.add(row.map(rs));
              }
              return rows;
            }
          }
        });
  }

  /** The SQL jOOQ binds for {@code q}, and which named parameter each {@code ?} is. */
  private Rendered render(Select<?> q) {
    List<String> names = new ArrayList<>();
    String sql =
        NAMED
            .matcher(dsl.renderNamedParams(q))
            .replaceAll(
                m -> {
                  names.add(m.group(1));
                  return "?";
                });
    if (!sql.equals(dsl.render(q))) { // a ":" that is not a parameter, or an unnamed parameter
      throw new IllegalStateException("Parameters are not all named and bound in " + sql);
    }
    return new Rendered(sql, List.copyOf(names));
  }

  /** Binds as jOOQ would: enums by their literal (the SQL casts them), lists as arrays. */
  private static void bind(
      Connection c, PreparedStatement ps, int i, String name, Map<String, Object> values)
      throws SQLException {
    Object value = values.get(name);
    switch (value) {
      case null -> throw new IllegalStateException("No value for the parameter " + name);
      case EnumType e -> ps.setString(i, e.getLiteral());
      case EnumType[] es ->
          ps.setArray(
              i,
              c.createArrayOf(
                  "varchar", Arrays.stream(es).map(EnumType::getLiteral).toArray(String[]::new)));
      case String[] codes -> ps.setArray(i, c.createArrayOf("varchar", codes));
      case Long[] ids -> ps.setArray(i, c.createArrayOf("bigint", ids));
      default -> ps.setObject(i, value);
    }
  }
}
