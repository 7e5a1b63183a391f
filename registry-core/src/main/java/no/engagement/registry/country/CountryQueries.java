package no.engagement.registry.country;

import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_SERIES;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.MISSION_HOST;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE;
import static no.engagement.registry.jooq.Tables.PERSONNEL_TYPE;
import static no.engagement.registry.jooq.Tables.SOURCE_DOCUMENT;
import static no.engagement.registry.jooq.Tables.STATEMENT;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import java.util.List;
import no.engagement.registry.figure.FigureQueries;
import no.engagement.registry.jooq.enums.BasisCode;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The country feature's only door to the database. */
@Repository
class CountryQueries {

  private final DSLContext dsl;

  CountryQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  List<CountryRow> countries(boolean nb) {
    var name = nb ? COUNTRY.NAME_NB : COUNTRY.NAME_EN;
    return dsl.select(
            COUNTRY.ISO3.cast(String.class),
            COUNTRY.ISO2.cast(String.class),
            COUNTRY.NUMERIC_CODE.cast(String.class),
            name,
            field(
                select(count())
                    .from(PERSONNEL_FIGURE)
                    .where(PERSONNEL_FIGURE.CONTRIBUTOR_ISO3.eq(COUNTRY.ISO3))),
            field(select(count()).from(MISSION_HOST).where(MISSION_HOST.ISO3.eq(COUNTRY.ISO3))))
        .from(COUNTRY)
        .orderBy(name)
        .fetch(mapping(CountryRow::new));
  }

  String otherName(String iso3, boolean nb) {
    var other = nb ? COUNTRY.NAME_EN : COUNTRY.NAME_NB;
    return dsl.select(other).from(COUNTRY).where(COUNTRY.ISO3.eq(iso3)).fetchOne(other);
  }

  /** The bases with yearly figures for this contributor, annual averages first. */
  List<FigureQueries.BasisFigures> bases(String iso3) {
    return FigureQueries.bases(dsl, DEPLOYMENT_SERIES.CONTRIBUTOR_ISO3.eq(iso3));
  }

  /**
   * Totals of one basis per mission and year, all genders: the deployment series of one mission, so
   * each person counts once (ADR 0021).
   */
  List<CountryDetail.ContributionRow> contributions(String iso3, String basis) {
    var t =
        FigureQueries.allGenders(
            DEPLOYMENT_SERIES.CONTRIBUTOR_ISO3.eq(iso3), BasisCode.lookupLiteral(basis));
    Field<Integer> year = t.field("year", Integer.class);
    return dsl.select(
            MISSION.ACRONYM,
            year,
            t.field("total", java.math.BigDecimal.class),
            t.field("flags", Short.class),
            t.field("months", Short.class))
        .from(t)
        .join(MISSION)
        .on(DSL.array(MISSION.ID).eq(t.field("mission_ids", Long[].class)))
        .orderBy(MISSION.ACRONYM, year)
        .fetch(
            mapping(
                (acronym, y, total, flags, months) ->
                    new CountryDetail.ContributionRow(
                        acronym,
                        y,
                        total,
                        new FigureQueries.Marks(
                            flags, months == null ? null : months.intValue()))));
  }

  /**
   * The country's personnel in one basis and year by the country hosting the mission, all genders
   * (a mission with two hosts counts for both).
   */
  java.util.Map<String, java.math.BigDecimal> byHost(String iso3, String basis, int year) {
    var t =
        FigureQueries.allGenders(
            DEPLOYMENT_SERIES
                .CONTRIBUTOR_ISO3
                .eq(iso3)
                .and(DEPLOYMENT_SERIES.YEAR.eq((short) year)),
            BasisCode.lookupLiteral(basis));
    var host = MISSION_HOST.ISO3.cast(String.class);
    var total = sum(t.field("total", java.math.BigDecimal.class));
    return dsl.select(host, total)
        .from(t)
        .join(MISSION_HOST)
        .on(DSL.array(MISSION_HOST.MISSION_ID).eq(t.field("mission_ids", Long[].class)))
        .groupBy(MISSION_HOST.ISO3)
        .fetchMap(host, total);
  }

  /** The statements sources make about the country. */
  List<CountryDetail.Statement> statements(String iso3, boolean nb) {
    return dsl.select(
            STATEMENT.CODE,
            nb ? STATEMENT.TEXT_NB : STATEMENT.TEXT_EN,
            STATEMENT.VALUE,
            STATEMENT.UNIT,
            STATEMENT.APPROXIMATE,
            STATEMENT.SOURCE_ID,
            SOURCE_DOCUMENT.TITLE)
        .from(STATEMENT)
        .leftJoin(SOURCE_DOCUMENT)
        .on(SOURCE_DOCUMENT.ID.eq(STATEMENT.SOURCE_ID))
        .where(STATEMENT.SUBJECT_ISO3.eq(iso3))
        .orderBy(STATEMENT.CODE)
        .fetch(mapping(CountryDetail.Statement::new));
  }

  /** The country's personnel figures as policy texts state them. */
  List<CountryDetail.StatedFigure> stated(String iso3, boolean nb) {
    var F = PERSONNEL_FIGURE;
    return dsl.select(
            F.YEAR.cast(Integer.class),
            nb ? PERSONNEL_TYPE.NAME_NB : PERSONNEL_TYPE.NAME_EN,
            F.COUNT,
            FigureQueries.missions(F),
            F.STATED_TEXT,
            F.SOURCE_ID,
            SOURCE_DOCUMENT.TITLE,
            SOURCE_DOCUMENT.LANGUAGE)
        .from(F)
        .join(PERSONNEL_TYPE)
        .on(PERSONNEL_TYPE.CODE.eq(F.PERSONNEL_TYPE))
        .leftJoin(SOURCE_DOCUMENT)
        .on(SOURCE_DOCUMENT.ID.eq(F.SOURCE_ID))
        .where(F.CONTRIBUTOR_ISO3.eq(iso3))
        .and(F.BASIS.eq(FigureQueries.STATEMENT))
        .orderBy(F.YEAR, SOURCE_DOCUMENT.TITLE, F.ID)
        .fetch(mapping(CountryDetail.StatedFigure::new));
  }

  List<CountryDetail.HostedMission> hosted(String iso3, boolean nb) {
    return dsl.select(
            MISSION.ACRONYM,
            nb ? coalesce(MISSION.NAME_NB, MISSION.NAME_EN) : MISSION.NAME_EN,
            MISSION.STATUS,
            MISSION.START_DATE,
            MISSION.END_DATE)
        .from(MISSION)
        .join(MISSION_HOST)
        .on(MISSION_HOST.MISSION_ID.eq(MISSION.ID))
        .where(MISSION_HOST.ISO3.eq(iso3))
        .orderBy(MISSION.START_DATE.desc().nullsLast(), MISSION.ACRONYM)
        .fetch(mapping(CountryDetail.HostedMission::new));
  }
}
