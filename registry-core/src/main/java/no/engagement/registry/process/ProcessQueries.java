package no.engagement.registry.process;

import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.FACILITATOR_ROLE;
import static no.engagement.registry.jooq.Tables.ORGANISATION;
import static no.engagement.registry.jooq.Tables.PEACE_PROCESS;
import static no.engagement.registry.jooq.Tables.PEACE_PROCESS_MILESTONE;
import static no.engagement.registry.jooq.Tables.PEACE_PROCESS_PARTY;
import static no.engagement.registry.jooq.Tables.SOURCE_DOCUMENT;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The peace-process feature's only door to the database. */
@Repository
class ProcessQueries {

  private final DSLContext dsl;

  ProcessQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  Condition all() {
    return DSL.noCondition();
  }

  Condition byCode(String code) {
    return PEACE_PROCESS.CODE.eq(code);
  }

  Condition ofCountry(String iso3) {
    return PEACE_PROCESS
        .COUNTRY_ISO3
        .eq(iso3)
        .or(
            PEACE_PROCESS.ID.in(
                DSL.select(PEACE_PROCESS_PARTY.PROCESS_ID)
                    .from(PEACE_PROCESS_PARTY)
                    .where(PEACE_PROCESS_PARTY.PARTY_ISO3.eq(iso3))))
        .or(
            PEACE_PROCESS.ID.in(
                DSL.select(FACILITATOR_ROLE.PROCESS_ID)
                    .from(FACILITATOR_ROLE)
                    .where(FACILITATOR_ROLE.ACTOR_ISO3.eq(iso3))));
  }

  List<PeaceProcess> processes(Condition where, boolean nb) {
    var rows =
        dsl.select(
                PEACE_PROCESS.ID,
                PEACE_PROCESS.CODE,
                nb ? PEACE_PROCESS.NAME_NB : PEACE_PROCESS.NAME_EN,
                nb ? PEACE_PROCESS.CONFLICT_NB : PEACE_PROCESS.CONFLICT_EN,
                PEACE_PROCESS.COUNTRY_ISO3.cast(String.class),
                nb ? COUNTRY.NAME_NB : COUNTRY.NAME_EN,
                PEACE_PROCESS.STATUS,
                PEACE_PROCESS.START_YEAR,
                PEACE_PROCESS.END_YEAR)
            .from(PEACE_PROCESS)
            .leftJoin(COUNTRY)
            .on(COUNTRY.ISO3.eq(PEACE_PROCESS.COUNTRY_ISO3))
            .where(where)
            .orderBy(PEACE_PROCESS.CODE)
            .fetch();
    return rows.map(
        r ->
            new PeaceProcess(
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5(),
                r.value6(),
                r.value7(),
                r.value8(),
                r.value9(),
                parties(r.value1(), nb),
                roles(r.value1(), nb),
                milestones(r.value1(), nb)));
  }

  private List<PeaceProcess.Party> parties(long id, boolean nb) {
    var name =
        coalesce(
            nb ? COUNTRY.NAME_NB : COUNTRY.NAME_EN,
            nb ? ORGANISATION.NAME_NB : ORGANISATION.NAME_EN);
    return dsl.select(
            coalesce(PEACE_PROCESS_PARTY.PARTY_ISO3.cast(String.class), ORGANISATION.CODE),
            name,
            PEACE_PROCESS_PARTY.SOURCE_ID)
        .from(PEACE_PROCESS_PARTY)
        .leftJoin(COUNTRY)
        .on(COUNTRY.ISO3.eq(PEACE_PROCESS_PARTY.PARTY_ISO3))
        .leftJoin(ORGANISATION)
        .on(ORGANISATION.ID.eq(PEACE_PROCESS_PARTY.PARTY_ORG_ID))
        .where(PEACE_PROCESS_PARTY.PROCESS_ID.eq(id))
        .orderBy(name)
        .fetch(mapping(PeaceProcess.Party::new));
  }

  private List<PeaceProcess.Role> roles(long id, boolean nb) {
    var name =
        coalesce(
            nb ? COUNTRY.NAME_NB : COUNTRY.NAME_EN,
            nb ? ORGANISATION.NAME_NB : ORGANISATION.NAME_EN);
    return dsl.select(
            coalesce(FACILITATOR_ROLE.ACTOR_ISO3.cast(String.class), ORGANISATION.CODE),
            name,
            FACILITATOR_ROLE.ROLE,
            FACILITATOR_ROLE.START_YEAR,
            FACILITATOR_ROLE.END_YEAR,
            FACILITATOR_ROLE.SOURCE_ID,
            SOURCE_DOCUMENT.TITLE,
            SOURCE_DOCUMENT.LANGUAGE)
        .from(FACILITATOR_ROLE)
        .leftJoin(COUNTRY)
        .on(COUNTRY.ISO3.eq(FACILITATOR_ROLE.ACTOR_ISO3))
        .leftJoin(ORGANISATION)
        .on(ORGANISATION.ID.eq(FACILITATOR_ROLE.ACTOR_ORG_ID))
        .leftJoin(SOURCE_DOCUMENT)
        .on(SOURCE_DOCUMENT.ID.eq(FACILITATOR_ROLE.SOURCE_ID))
        .where(FACILITATOR_ROLE.PROCESS_ID.eq(id))
        .orderBy(name, FACILITATOR_ROLE.START_YEAR.asc().nullsLast(), FACILITATOR_ROLE.SOURCE_ID)
        .fetch(mapping(PeaceProcess.Role::new));
  }

  private List<PeaceProcess.Milestone> milestones(long id, boolean nb) {
    return dsl.select(
            PEACE_PROCESS_MILESTONE.OCCURRED_ON,
            PEACE_PROCESS_MILESTONE.DATE_PRECISION,
            PEACE_PROCESS_MILESTONE.KIND,
            nb ? PEACE_PROCESS_MILESTONE.DESCRIPTION_NB : PEACE_PROCESS_MILESTONE.DESCRIPTION_EN,
            PEACE_PROCESS_MILESTONE.SOURCE_ID,
            SOURCE_DOCUMENT.TITLE,
            SOURCE_DOCUMENT.LANGUAGE)
        .from(PEACE_PROCESS_MILESTONE)
        .leftJoin(SOURCE_DOCUMENT)
        .on(SOURCE_DOCUMENT.ID.eq(PEACE_PROCESS_MILESTONE.SOURCE_ID))
        .where(PEACE_PROCESS_MILESTONE.PROCESS_ID.eq(id))
        .orderBy(PEACE_PROCESS_MILESTONE.OCCURRED_ON)
        .fetch(mapping(PeaceProcess.Milestone::new));
  }
}
