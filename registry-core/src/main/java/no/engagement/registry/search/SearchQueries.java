package no.engagement.registry.search;

import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.COUNTRY_ALIAS;
import static no.engagement.registry.jooq.Tables.FUNDING_PROGRAMME;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.PEACE_PROCESS;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The search feature's only door to the database. Matching is by substring, any case, both
 * languages.
 */
@Repository
class SearchQueries {

  private final DSLContext dsl;

  SearchQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  List<SearchHit> search(String q, boolean nb, int limit) {
    List<SearchHit> hits = new ArrayList<>();
    var countryName = nb ? COUNTRY.NAME_NB : COUNTRY.NAME_EN;
    hits.addAll(
        dsl.selectDistinct(inline("country"), COUNTRY.ISO3.cast(String.class), countryName)
            .from(COUNTRY)
            .leftJoin(COUNTRY_ALIAS)
            .on(COUNTRY_ALIAS.ISO3.eq(COUNTRY.ISO3))
            .where(
                COUNTRY
                    .ISO3
                    .equalIgnoreCase(q)
                    .or(COUNTRY.ISO2.equalIgnoreCase(q))
                    .or(COUNTRY.NAME_EN.containsIgnoreCase(q))
                    .or(COUNTRY.NAME_NB.containsIgnoreCase(q))
                    .or(COUNTRY_ALIAS.ALIAS.containsIgnoreCase(q)))
            .orderBy(countryName)
            .limit(limit)
            .fetch(
                mapping(
                    (kind, iso3, name) -> new SearchHit(kind, "/countries/" + iso3, iso3, name))));
    hits.addAll(
        dsl.select(
                MISSION.ACRONYM, nb ? coalesce(MISSION.NAME_NB, MISSION.NAME_EN) : MISSION.NAME_EN)
            .from(MISSION)
            .where(
                MISSION
                    .ACRONYM
                    .containsIgnoreCase(q)
                    .or(MISSION.NAME_EN.containsIgnoreCase(q))
                    .or(MISSION.NAME_NB.containsIgnoreCase(q)))
            .orderBy(MISSION.ACRONYM)
            .limit(limit)
            .fetch(
                mapping(
                    (acronym, name) ->
                        new SearchHit("mission", "/missions/" + acronym, acronym, name))));
    hits.addAll(
        dsl.select(PEACE_PROCESS.CODE, nb ? PEACE_PROCESS.NAME_NB : PEACE_PROCESS.NAME_EN)
            .from(PEACE_PROCESS)
            .where(
                PEACE_PROCESS
                    .CODE
                    .containsIgnoreCase(q)
                    .or(PEACE_PROCESS.NAME_EN.containsIgnoreCase(q))
                    .or(PEACE_PROCESS.NAME_NB.containsIgnoreCase(q)))
            .orderBy(PEACE_PROCESS.CODE)
            .limit(limit)
            .fetch(
                mapping(
                    (code, name) ->
                        new SearchHit("process", "/peace-processes/" + code, code, name))));
    hits.addAll(
        dsl.select(
                FUNDING_PROGRAMME.CODE, nb ? FUNDING_PROGRAMME.NAME_NB : FUNDING_PROGRAMME.NAME_EN)
            .from(FUNDING_PROGRAMME)
            .where(
                FUNDING_PROGRAMME
                    .CODE
                    .containsIgnoreCase(q)
                    .or(FUNDING_PROGRAMME.NAME_EN.containsIgnoreCase(q))
                    .or(FUNDING_PROGRAMME.NAME_NB.containsIgnoreCase(q)))
            .orderBy(FUNDING_PROGRAMME.CODE)
            .limit(limit)
            .fetch(
                mapping(
                    (code, name) -> new SearchHit("programme", "/funding#" + code, code, name))));
    return hits;
  }
}
