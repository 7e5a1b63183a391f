package no.engagement.registry.funding;

import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.FUNDING_ALLOCATION;
import static no.engagement.registry.jooq.Tables.FUNDING_PARTNER;
import static no.engagement.registry.jooq.Tables.FUNDING_PLACE;
import static no.engagement.registry.jooq.Tables.FUNDING_PROGRAMME;
import static no.engagement.registry.jooq.Tables.ORGANISATION;
import static no.engagement.registry.jooq.Tables.REGION;
import static no.engagement.registry.jooq.Tables.SOURCE_DOCUMENT;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The funding feature's only door to the database. */
@Repository
class FundingQueries {

  private final DSLContext dsl;

  FundingQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  Condition all() {
    return DSL.noCondition();
  }

  /** Programmes a country owns, is a partner in, or is a place of. */
  Condition ofCountry(String iso3) {
    return FUNDING_PROGRAMME
        .OWNER_ISO3
        .eq(iso3)
        .or(
            FUNDING_PROGRAMME.ID.in(
                select(FUNDING_PARTNER.PROGRAMME_ID)
                    .from(FUNDING_PARTNER)
                    .where(FUNDING_PARTNER.PARTNER_ISO3.eq(iso3))))
        .or(
            FUNDING_PROGRAMME.ID.in(
                select(FUNDING_PLACE.PROGRAMME_ID)
                    .from(FUNDING_PLACE)
                    .where(FUNDING_PLACE.ISO3.eq(iso3))));
  }

  List<Programme> programmes(Condition where, boolean nb) {
    var pc = COUNTRY.as("pc");
    var po = ORGANISATION.as("po");
    Field<String> partnerName =
        coalesce(nb ? pc.NAME_NB : pc.NAME_EN, nb ? po.NAME_NB : po.NAME_EN);
    Field<String> partners =
        field(
            select(DSL.stringAgg(partnerName, ", ").orderBy(partnerName))
                .from(FUNDING_PARTNER)
                .leftJoin(pc)
                .on(pc.ISO3.eq(FUNDING_PARTNER.PARTNER_ISO3))
                .leftJoin(po)
                .on(po.ID.eq(FUNDING_PARTNER.PARTNER_ORG_ID))
                .where(FUNDING_PARTNER.PROGRAMME_ID.eq(FUNDING_PROGRAMME.ID)));
    var lc = COUNTRY.as("lc");
    Field<String> placeName =
        coalesce(nb ? lc.NAME_NB : lc.NAME_EN, nb ? REGION.NAME_NB : REGION.NAME_EN);
    Field<String> places =
        field(
            select(DSL.stringAgg(placeName, ", ").orderBy(placeName))
                .from(FUNDING_PLACE)
                .leftJoin(lc)
                .on(lc.ISO3.eq(FUNDING_PLACE.ISO3))
                .leftJoin(REGION)
                .on(REGION.CODE.eq(FUNDING_PLACE.REGION_CODE))
                .where(FUNDING_PLACE.PROGRAMME_ID.eq(FUNDING_PROGRAMME.ID)));
    var oc = COUNTRY.as("oc");
    var oo = ORGANISATION.as("oo");
    Field<List<Programme.Allocation>> allocations =
        multiset(
                select(
                        FUNDING_ALLOCATION.YEAR.cast(Integer.class),
                        FUNDING_ALLOCATION.AMOUNT,
                        FUNDING_ALLOCATION.CURRENCY.cast(String.class),
                        FUNDING_ALLOCATION.KIND)
                    .from(FUNDING_ALLOCATION)
                    .where(FUNDING_ALLOCATION.PROGRAMME_ID.eq(FUNDING_PROGRAMME.ID))
                    .orderBy(FUNDING_ALLOCATION.YEAR, FUNDING_ALLOCATION.KIND))
            .convertFrom(r -> r.map(mapping(Programme.Allocation::new)));
    // one query, each programme with its allocations nested (MULTISET), mapped by position of
    // the record's components, which the compiler checks against the selected fields' types
    return dsl.select(
            FUNDING_PROGRAMME.CODE,
            nb ? FUNDING_PROGRAMME.NAME_NB : FUNDING_PROGRAMME.NAME_EN,
            FUNDING_PROGRAMME.THEME,
            coalesce(nb ? oc.NAME_NB : oc.NAME_EN, nb ? oo.NAME_NB : oo.NAME_EN),
            FUNDING_PROGRAMME.START_YEAR,
            FUNDING_PROGRAMME.END_YEAR,
            nb ? FUNDING_PROGRAMME.DESCRIPTION_NB : FUNDING_PROGRAMME.DESCRIPTION_EN,
            partners,
            places,
            FUNDING_PROGRAMME.SOURCE_ID,
            SOURCE_DOCUMENT.TITLE,
            SOURCE_DOCUMENT.LANGUAGE,
            allocations)
        .from(FUNDING_PROGRAMME)
        .leftJoin(oc)
        .on(oc.ISO3.eq(FUNDING_PROGRAMME.OWNER_ISO3))
        .leftJoin(oo)
        .on(oo.ID.eq(FUNDING_PROGRAMME.OWNER_ORG_ID))
        .leftJoin(SOURCE_DOCUMENT)
        .on(SOURCE_DOCUMENT.ID.eq(FUNDING_PROGRAMME.SOURCE_ID))
        .where(where)
        .orderBy(FUNDING_PROGRAMME.START_YEAR.asc().nullsLast(), FUNDING_PROGRAMME.CODE)
        .fetch(mapping(Programme::new));
  }
}
