package no.engagement.registry.discrepancy;

import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_SERIES;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_SOURCE_SERIES;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.MISSION_HOST;
import static no.engagement.registry.jooq.Tables.MISSION_REGION;
import static no.engagement.registry.jooq.Tables.MISSION_SET_LABEL;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE_MISSION;
import static no.engagement.registry.jooq.Tables.PERSONNEL_TYPE;
import static no.engagement.registry.jooq.Tables.REGION;
import static no.engagement.registry.jooq.Tables.SOURCE_DOCUMENT;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.math.BigDecimal;
import java.util.List;
import no.engagement.registry.figure.FigureQueries;
import no.engagement.registry.jooq.enums.BasisCode;
import no.engagement.registry.jooq.tables.PersonnelFigure;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The discrepancy feature's only door to the database. */
@Repository
class DiscrepancyQueries {

  private final DSLContext dsl;

  DiscrepancyQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** "MISSION" or "Place (MISSION)" per mission of the figure {@code f}, in a stable order. */
  private static Field<List<String>> missionsAsStated(PersonnelFigure f) {
    var pm = PERSONNEL_FIGURE_MISSION;
    Field<String> asStated =
        DSL.when(pm.STATED_PLACE.isNull(), MISSION.ACRONYM)
            .else_(pm.STATED_PLACE.concat(DSL.inline(" ("), MISSION.ACRONYM, DSL.inline(")")));
    return multiset(
            select(asStated)
                .from(pm)
                .join(MISSION)
                .on(MISSION.ID.eq(pm.MISSION_ID))
                .where(pm.FIGURE_ID.eq(f.ID))
                .orderBy(MISSION.ACRONYM))
        .convertFrom(r -> r.map(Record1::value1));
  }

  List<Discrepancy> statements(boolean nb) {
    var a = PERSONNEL_FIGURE.as("a");
    var b = PERSONNEL_FIGURE.as("b");
    var sa = SOURCE_DOCUMENT.as("sa");
    var sb = SOURCE_DOCUMENT.as("sb");
    return dsl.select(
            a.CONTRIBUTOR_ISO3.cast(String.class),
            a.YEAR.cast(Integer.class),
            nb ? PERSONNEL_TYPE.NAME_NB : PERSONNEL_TYPE.NAME_EN,
            row(sa.ID, sa.TITLE, sa.LANGUAGE, a.COUNT, missionsAsStated(a), a.STATED_TEXT)
                .mapping(Discrepancy.Side::new),
            row(sb.ID, sb.TITLE, sb.LANGUAGE, b.COUNT, missionsAsStated(b), b.STATED_TEXT)
                .mapping(Discrepancy.Side::new))
        .from(a)
        .join(b)
        .on(b.CONTRIBUTOR_ISO3.eq(a.CONTRIBUTOR_ISO3))
        .and(b.PERSONNEL_TYPE.eq(a.PERSONNEL_TYPE))
        .and(b.YEAR.eq(a.YEAR))
        .and(b.BASIS.eq(a.BASIS))
        .and(b.SOURCE_ID.gt(a.SOURCE_ID))
        .join(sa)
        .on(sa.ID.eq(a.SOURCE_ID))
        .join(sb)
        .on(sb.ID.eq(b.SOURCE_ID))
        .join(PERSONNEL_TYPE)
        .on(PERSONNEL_TYPE.CODE.eq(a.PERSONNEL_TYPE))
        .where(a.BASIS.eq(FigureQueries.STATEMENT))
        .and(
            FigureQueries.missions(a)
                .isDistinctFrom(FigureQueries.missions(b))
                .or(a.COUNT.ne(b.COUNT)))
        .orderBy(a.YEAR, a.CONTRIBUTOR_ISO3, PERSONNEL_TYPE.SORT_ORDER, sa.ID, sb.ID)
        .fetch(mapping(Discrepancy::new));
  }

  /**
   * The sources' yearly figures (deployment_source_series, V9__figures_that_add_up.sql) that
   * disagree: the same contributor, missions, type, gender, basis and year, given by two sources
   * whose figures differ by more than {@code percent} per cent of the larger. Approximate
   * statements are compared by {@link #statements}.
   */
  List<Discrepancy.FigureDiscrepancy> figures(boolean nb, int percent) {
    var a = DEPLOYMENT_SOURCE_SERIES.as("a");
    var b = DEPLOYMENT_SOURCE_SERIES.as("b");
    var sa = SOURCE_DOCUMENT.as("sa");
    var sb = SOURCE_DOCUMENT.as("sb");
    var L = MISSION_SET_LABEL;
    var D = DEPLOYMENT_SERIES;
    var contributor = COUNTRY.as("contributor");
    Field<BigDecimal> larger = DSL.greatest(a.VALUE, b.VALUE);
    Field<String[]> acronyms =
        field(
            select(DSL.arrayAgg(MISSION.ACRONYM).orderBy(MISSION.ACRONYM))
                .from(MISSION)
                .where(MISSION.ID.eq(DSL.any(a.MISSION_IDS))));
    return dsl.select(
            a.CONTRIBUTOR_ISO3.cast(String.class),
            nb ? contributor.NAME_NB : contributor.NAME_EN,
            L.MISSIONS,
            acronyms.convertFrom(x -> x == null ? List.<String>of() : List.of(x)),
            a.YEAR.cast(Integer.class),
            a.BASIS.cast(String.class),
            a.PERSONNEL_TYPE.cast(String.class),
            nb ? PERSONNEL_TYPE.NAME_NB : PERSONNEL_TYPE.NAME_EN,
            a.GENDER.cast(String.class),
            DSL.row(
                    a.SOURCE_ID,
                    sa.TITLE,
                    sa.LANGUAGE,
                    a.VALUE,
                    a.MONTHS.cast(Integer.class),
                    a.FLAGS.cast(Integer.class))
                .mapping(Discrepancy.SourceFigure::new),
            DSL.row(
                    b.SOURCE_ID,
                    sb.TITLE,
                    sb.LANGUAGE,
                    b.VALUE,
                    b.MONTHS.cast(Integer.class),
                    b.FLAGS.cast(Integer.class))
                .mapping(Discrepancy.SourceFigure::new))
        // from the cells the series say have several sources (an index holds only those): a
        // self-join of every source series took seconds at a million figures
        .from(D)
        .join(a)
        .on(a.BASIS.eq(D.BASIS))
        .and(a.GENDER.eq(D.GENDER))
        .and(a.CONTRIBUTOR_ISO3.eq(D.CONTRIBUTOR_ISO3))
        .and(a.PERSONNEL_TYPE.eq(D.PERSONNEL_TYPE))
        .and(a.YEAR.eq(D.YEAR))
        .and(a.MISSION_IDS.isNotDistinctFrom(D.MISSION_IDS))
        .join(b)
        .on(b.BASIS.eq(a.BASIS))
        .and(b.GENDER.eq(a.GENDER))
        .and(b.CONTRIBUTOR_ISO3.eq(a.CONTRIBUTOR_ISO3))
        .and(b.PERSONNEL_TYPE.eq(a.PERSONNEL_TYPE))
        .and(b.YEAR.eq(a.YEAR))
        .and(b.MISSION_IDS.isNotDistinctFrom(a.MISSION_IDS))
        .and(b.PROVENANCE.gt(a.PROVENANCE))
        .join(contributor)
        .on(contributor.ISO3.eq(a.CONTRIBUTOR_ISO3))
        .join(PERSONNEL_TYPE)
        .on(PERSONNEL_TYPE.CODE.eq(a.PERSONNEL_TYPE))
        .leftJoin(L)
        .on(L.MISSION_IDS.eq(a.MISSION_IDS))
        .leftJoin(sa)
        .on(sa.ID.eq(a.SOURCE_ID))
        .leftJoin(sb)
        .on(sb.ID.eq(b.SOURCE_ID))
        .where(D.SOURCES.gt((short) 1))
        .and(a.BASIS.ne(BasisCode.approximate_statement))
        .and(DSL.abs(a.VALUE.minus(b.VALUE)).mul(DSL.inline(100)).gt(larger.mul(DSL.val(percent))))
        .orderBy(
            a.YEAR,
            a.CONTRIBUTOR_ISO3,
            L.MISSIONS,
            PERSONNEL_TYPE.SORT_ORDER,
            a.GENDER,
            a.BASIS,
            a.PROVENANCE,
            b.PROVENANCE)
        .fetch(mapping(Discrepancy.FigureDiscrepancy::new));
  }

  /**
   * Stated places that are neither a host country (either language) nor a region of the mission.
   */
  List<Discrepancy.PlaceMismatch> placeMismatches(boolean nb) {
    var pm = PERSONNEL_FIGURE_MISSION;
    var place = lower(pm.STATED_PLACE);
    var hostName = nb ? COUNTRY.NAME_NB : COUNTRY.NAME_EN;
    Field<String> hosts =
        field(
            select(DSL.stringAgg(hostName, ", ").orderBy(hostName))
                .from(MISSION_HOST)
                .join(COUNTRY)
                .on(COUNTRY.ISO3.eq(MISSION_HOST.ISO3))
                .where(MISSION_HOST.MISSION_ID.eq(pm.MISSION_ID)));
    return dsl.select(
            SOURCE_DOCUMENT.ID,
            SOURCE_DOCUMENT.TITLE,
            SOURCE_DOCUMENT.LANGUAGE,
            pm.STATED_PLACE,
            MISSION.ACRONYM,
            hosts)
        .from(pm)
        .join(PERSONNEL_FIGURE)
        .on(PERSONNEL_FIGURE.ID.eq(pm.FIGURE_ID))
        .join(SOURCE_DOCUMENT)
        .on(SOURCE_DOCUMENT.ID.eq(PERSONNEL_FIGURE.SOURCE_ID))
        .join(MISSION)
        .on(MISSION.ID.eq(pm.MISSION_ID))
        .where(pm.STATED_PLACE.isNotNull())
        .and(
            not(
                exists(
                    selectOne()
                        .from(MISSION_HOST)
                        .join(COUNTRY)
                        .on(COUNTRY.ISO3.eq(MISSION_HOST.ISO3))
                        .where(MISSION_HOST.MISSION_ID.eq(pm.MISSION_ID))
                        .and(
                            lower(COUNTRY.NAME_EN)
                                .eq(place)
                                .or(lower(COUNTRY.NAME_NB).eq(place))))))
        .and(
            not(
                exists(
                    selectOne()
                        .from(MISSION_REGION)
                        .join(REGION)
                        .on(REGION.CODE.eq(MISSION_REGION.REGION_CODE))
                        .where(MISSION_REGION.MISSION_ID.eq(pm.MISSION_ID))
                        .and(lower(REGION.NAME_EN).eq(place).or(lower(REGION.NAME_NB).eq(place))))))
        .orderBy(SOURCE_DOCUMENT.ID, MISSION.ACRONYM)
        .fetch(mapping(Discrepancy.PlaceMismatch::new));
  }
}
