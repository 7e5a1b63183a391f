package no.engagement.registry.country;

import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_SERIES;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.MISSION_HOST;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import java.util.List;
import java.util.Optional;
import no.engagement.registry.jooq.enums.BasisCode;
import no.engagement.registry.jooq.enums.GenderCode;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The country feature's only door to the database. */
@Repository
class CountryQueries {

  private final DSLContext dsl;

  CountryQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  private List<CountryRow> rows(Condition where, boolean nb) {
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
        .where(where)
        .orderBy(name)
        .fetch(mapping(CountryRow::new));
  }

  List<CountryRow> countries(boolean nb) {
    return rows(org.jooq.impl.DSL.noCondition(), nb);
  }

  Optional<CountryRow> country(String iso3, boolean nb) {
    return rows(COUNTRY.ISO3.eq(iso3), nb).stream().findFirst();
  }

  String otherName(String iso3, boolean nb) {
    return dsl.select(nb ? COUNTRY.NAME_EN : COUNTRY.NAME_NB)
        .from(COUNTRY)
        .where(COUNTRY.ISO3.eq(iso3))
        .fetchOne()
        .value1();
  }

  /**
   * Annual-average totals per mission and year: the deployment series of one mission, so each
   * person counts once (ADR 0021).
   */
  List<CountryDetail.ContributionRow> contributions(String iso3) {
    var F = DEPLOYMENT_SERIES;
    return dsl.select(MISSION.ACRONYM, F.YEAR.cast(Integer.class), sum(F.MEAN))
        .from(F)
        .join(MISSION)
        .on(DSL.array(MISSION.ID).eq(F.MISSION_IDS))
        .where(F.CONTRIBUTOR_ISO3.eq(iso3))
        .and(F.BASIS.eq(BasisCode.annual_average))
        .and(F.GENDER.eq(GenderCode.total))
        .groupBy(MISSION.ACRONYM, F.YEAR)
        .orderBy(MISSION.ACRONYM, F.YEAR)
        .fetch(mapping(CountryDetail.ContributionRow::new));
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
