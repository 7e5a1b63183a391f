package no.engagement.registry.reference;

import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.MISSION_HOST;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE_MISSION;
import static no.engagement.registry.jooq.Tables.PERSONNEL_TYPE;
import static no.engagement.registry.jooq.Tables.REGION;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The reference feature's only door to the database. */
@Repository
class ReferenceQueries {

  private final DSLContext dsl;

  ReferenceQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  List<ReferenceData> countries(boolean nb) {
    return countriesWhere(nb, DSL.noCondition());
  }

  /** The countries with at least one personnel figure: those a contributor filter can find. */
  List<ReferenceData> contributors(boolean nb) {
    return countriesWhere(
        nb,
        exists(
            selectOne()
                .from(PERSONNEL_FIGURE)
                .where(PERSONNEL_FIGURE.CONTRIBUTOR_ISO3.eq(COUNTRY.ISO3))));
  }

  /** The countries that host a mission. */
  List<ReferenceData> hosts(boolean nb) {
    return countriesWhere(
        nb, exists(selectOne().from(MISSION_HOST).where(MISSION_HOST.ISO3.eq(COUNTRY.ISO3))));
  }

  private List<ReferenceData> countriesWhere(boolean nb, Condition condition) {
    var name = nb ? COUNTRY.NAME_NB : COUNTRY.NAME_EN;
    return dsl.select(COUNTRY.ISO3.cast(String.class), name)
        .from(COUNTRY)
        .where(condition)
        .orderBy(name)
        .fetch(mapping(ReferenceData::new));
  }

  List<ReferenceData> missions(boolean nb) {
    return missionsWhere(nb, DSL.noCondition());
  }

  /** The missions with at least one personnel figure, their own or a statement's set's. */
  List<ReferenceData> missionsWithFigures(boolean nb) {
    return missionsWhere(
        nb,
        exists(selectOne().from(PERSONNEL_FIGURE).where(PERSONNEL_FIGURE.MISSION_ID.eq(MISSION.ID)))
            .or(
                exists(
                    selectOne()
                        .from(PERSONNEL_FIGURE_MISSION)
                        .where(PERSONNEL_FIGURE_MISSION.MISSION_ID.eq(MISSION.ID)))));
  }

  private List<ReferenceData> missionsWhere(boolean nb, Condition condition) {
    var name = nb ? DSL.coalesce(MISSION.NAME_NB, MISSION.NAME_EN) : MISSION.NAME_EN;
    return dsl.select(MISSION.ACRONYM, name)
        .from(MISSION)
        .where(condition)
        .orderBy(MISSION.ACRONYM)
        .fetch(mapping(ReferenceData::new));
  }

  List<ReferenceData> regions(boolean nb) {
    var name = nb ? REGION.NAME_NB : REGION.NAME_EN;
    return dsl.select(REGION.CODE, name)
        .from(REGION)
        .orderBy(name)
        .fetch(mapping(ReferenceData::new));
  }

  List<ReferenceData> personnelTypes(boolean nb) {
    var name = nb ? PERSONNEL_TYPE.NAME_NB : PERSONNEL_TYPE.NAME_EN;
    return dsl.select(PERSONNEL_TYPE.CODE.cast(String.class), name)
        .from(PERSONNEL_TYPE)
        .orderBy(PERSONNEL_TYPE.SORT_ORDER)
        .fetch(mapping(ReferenceData::new));
  }
}
