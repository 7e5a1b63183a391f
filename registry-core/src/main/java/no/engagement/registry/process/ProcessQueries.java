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
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
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

  /** The processes, each with its parties, roles and milestones nested (MULTISET): one query. */
  List<PeaceProcess> processes(Condition where, boolean nb) {
    return dsl.select(
            PEACE_PROCESS.CODE,
            nb ? PEACE_PROCESS.NAME_NB : PEACE_PROCESS.NAME_EN,
            nb ? PEACE_PROCESS.CONFLICT_NB : PEACE_PROCESS.CONFLICT_EN,
            PEACE_PROCESS.COUNTRY_ISO3.cast(String.class),
            nb ? COUNTRY.NAME_NB : COUNTRY.NAME_EN,
            PEACE_PROCESS.STATUS,
            PEACE_PROCESS.START_YEAR,
            PEACE_PROCESS.END_YEAR,
            parties(PEACE_PROCESS.ID, nb),
            roles(PEACE_PROCESS.ID, nb),
            milestones(PEACE_PROCESS.ID, nb))
        .from(PEACE_PROCESS)
        .leftJoin(COUNTRY)
        .on(COUNTRY.ISO3.eq(PEACE_PROCESS.COUNTRY_ISO3))
        .where(where)
        .orderBy(PEACE_PROCESS.CODE)
        .fetch(mapping(PeaceProcess::new));
  }

  private static Field<List<PeaceProcess.Party>> parties(Field<Long> process, boolean nb) {
    var c = COUNTRY.as("party_country");
    var o = ORGANISATION.as("party_organisation");
    var name = coalesce(nb ? c.NAME_NB : c.NAME_EN, nb ? o.NAME_NB : o.NAME_EN);
    return multiset(
            select(
                    coalesce(PEACE_PROCESS_PARTY.PARTY_ISO3.cast(String.class), o.CODE),
                    name,
                    PEACE_PROCESS_PARTY.SOURCE_ID)
                .from(PEACE_PROCESS_PARTY)
                .leftJoin(c)
                .on(c.ISO3.eq(PEACE_PROCESS_PARTY.PARTY_ISO3))
                .leftJoin(o)
                .on(o.ID.eq(PEACE_PROCESS_PARTY.PARTY_ORG_ID))
                .where(PEACE_PROCESS_PARTY.PROCESS_ID.eq(process))
                .orderBy(name))
        .convertFrom(r -> r.map(mapping(PeaceProcess.Party::new)));
  }

  private static Field<List<PeaceProcess.Role>> roles(Field<Long> process, boolean nb) {
    var c = COUNTRY.as("actor_country");
    var o = ORGANISATION.as("actor_organisation");
    var s = SOURCE_DOCUMENT.as("role_source");
    var name = coalesce(nb ? c.NAME_NB : c.NAME_EN, nb ? o.NAME_NB : o.NAME_EN);
    return multiset(
            select(
                    coalesce(FACILITATOR_ROLE.ACTOR_ISO3.cast(String.class), o.CODE),
                    name,
                    FACILITATOR_ROLE.ROLE,
                    FACILITATOR_ROLE.START_YEAR,
                    FACILITATOR_ROLE.END_YEAR,
                    FACILITATOR_ROLE.SOURCE_ID,
                    s.TITLE,
                    s.LANGUAGE)
                .from(FACILITATOR_ROLE)
                .leftJoin(c)
                .on(c.ISO3.eq(FACILITATOR_ROLE.ACTOR_ISO3))
                .leftJoin(o)
                .on(o.ID.eq(FACILITATOR_ROLE.ACTOR_ORG_ID))
                .leftJoin(s)
                .on(s.ID.eq(FACILITATOR_ROLE.SOURCE_ID))
                .where(FACILITATOR_ROLE.PROCESS_ID.eq(process))
                .orderBy(
                    name,
                    FACILITATOR_ROLE.START_YEAR.asc().nullsLast(),
                    FACILITATOR_ROLE.SOURCE_ID))
        .convertFrom(r -> r.map(mapping(PeaceProcess.Role::new)));
  }

  private static Field<List<PeaceProcess.Milestone>> milestones(Field<Long> process, boolean nb) {
    var s = SOURCE_DOCUMENT.as("milestone_source");
    return multiset(
            select(
                    PEACE_PROCESS_MILESTONE.OCCURRED_ON,
                    PEACE_PROCESS_MILESTONE.DATE_PRECISION,
                    PEACE_PROCESS_MILESTONE.KIND,
                    nb
                        ? PEACE_PROCESS_MILESTONE.DESCRIPTION_NB
                        : PEACE_PROCESS_MILESTONE.DESCRIPTION_EN,
                    PEACE_PROCESS_MILESTONE.SOURCE_ID,
                    s.TITLE,
                    s.LANGUAGE)
                .from(PEACE_PROCESS_MILESTONE)
                .leftJoin(s)
                .on(s.ID.eq(PEACE_PROCESS_MILESTONE.SOURCE_ID))
                .where(PEACE_PROCESS_MILESTONE.PROCESS_ID.eq(process))
                .orderBy(PEACE_PROCESS_MILESTONE.OCCURRED_ON))
        .convertFrom(r -> r.map(mapping(PeaceProcess.Milestone::new)));
  }
}
