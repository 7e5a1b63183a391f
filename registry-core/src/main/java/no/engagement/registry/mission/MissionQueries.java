package no.engagement.registry.mission;

import static no.engagement.registry.jooq.Tables.COUNTRY;
import static no.engagement.registry.jooq.Tables.DEPLOYMENT_SERIES;
import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.MISSION_HOST;
import static no.engagement.registry.jooq.Tables.MISSION_REGION;
import static no.engagement.registry.jooq.Tables.MISSION_SUCCESSION;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE_MISSION;
import static no.engagement.registry.jooq.Tables.PERSONNEL_TYPE;
import static no.engagement.registry.jooq.Tables.REGION;
import static no.engagement.registry.jooq.Tables.SOURCE_DOCUMENT;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import no.engagement.registry.figure.FigureQueries;
import no.engagement.registry.jooq.enums.BasisCode;
import no.engagement.registry.jooq.tables.Mission;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The mission feature's only door to the database. */
@Repository
class MissionQueries {

  private final DSLContext dsl;

  MissionQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  private static Field<String> hosts(boolean nb) {
    var name = nb ? COUNTRY.NAME_NB : COUNTRY.NAME_EN;
    return field(
        select(DSL.stringAgg(name, ", ").orderBy(name))
            .from(MISSION_HOST)
            .join(COUNTRY)
            .on(COUNTRY.ISO3.eq(MISSION_HOST.ISO3))
            .where(MISSION_HOST.MISSION_ID.eq(MISSION.ID)));
  }

  /** A mission as the list shows it, the name in the chosen language (English where none). */
  private static Field<MissionRow> missionRow(boolean nb) {
    return field(
        row(
                MISSION.ACRONYM,
                nb ? coalesce(MISSION.NAME_NB, MISSION.NAME_EN) : MISSION.NAME_EN,
                MISSION.KIND,
                MISSION.STATUS,
                MISSION.START_DATE,
                MISSION.END_DATE,
                hosts(nb))
            .mapping(MissionRow::new));
  }

  List<MissionRow> missions(boolean nb) {
    Field<MissionRow> mission = missionRow(nb);
    return dsl.select(mission).from(MISSION).orderBy(MISSION.ACRONYM).fetch(mission);
  }

  Optional<Long> id(String acronym) {
    return dsl.select(MISSION.ID)
        .from(MISSION)
        .where(MISSION.ACRONYM.eq(acronym))
        .fetchOptional(MISSION.ID);
  }

  /** What the mission page shows beside its personnel: one row, its lists nested. */
  record Facts(
      MissionRow mission,
      @Nullable String leadDepartment,
      @Nullable String hqLocation,
      @Nullable BigDecimal longitude,
      @Nullable BigDecimal latitude,
      List<String> regions,
      List<String> predecessors,
      List<String> successors,
      List<MissionDetail.Statement> statements,
      List<MissionDetail.Source> sources,
      List<String> hostCodes) {}

  Facts detail(long id, boolean nb) {
    Mission other = MISSION.as("other");
    return dsl.select(
            missionRow(nb),
            MISSION.LEAD_DEPARTMENT,
            MISSION.HQ_LOCATION,
            MISSION.HQ_LONGITUDE,
            MISSION.HQ_LATITUDE,
            strings(
                select(nb ? REGION.NAME_NB : REGION.NAME_EN)
                    .from(MISSION_REGION)
                    .join(REGION)
                    .on(REGION.CODE.eq(MISSION_REGION.REGION_CODE))
                    .where(MISSION_REGION.MISSION_ID.eq(MISSION.ID))
                    .orderBy(nb ? REGION.NAME_NB : REGION.NAME_EN)),
            strings(
                select(other.ACRONYM)
                    .from(MISSION_SUCCESSION)
                    .join(other)
                    .on(other.ID.eq(MISSION_SUCCESSION.PREDECESSOR_ID))
                    .where(MISSION_SUCCESSION.SUCCESSOR_ID.eq(MISSION.ID))
                    .orderBy(other.ACRONYM)),
            strings(
                select(other.ACRONYM)
                    .from(MISSION_SUCCESSION)
                    .join(other)
                    .on(other.ID.eq(MISSION_SUCCESSION.SUCCESSOR_ID))
                    .where(MISSION_SUCCESSION.PREDECESSOR_ID.eq(MISSION.ID))
                    .orderBy(other.ACRONYM)),
            statements(nb),
            sources(),
            strings(
                select(MISSION_HOST.ISO3.cast(String.class))
                    .from(MISSION_HOST)
                    .where(MISSION_HOST.MISSION_ID.eq(MISSION.ID))
                    .orderBy(MISSION_HOST.ISO3)))
        .from(MISSION)
        .where(MISSION.ID.eq(id))
        .fetchSingle(mapping(Facts::new));
  }

  /** A one-column subquery's values as a nested list, in the subquery's order. */
  private static Field<List<String>> strings(Select<Record1<String>> values) {
    return multiset(values).convertFrom(r -> r.map(Record1::value1));
  }

  /** The bases with yearly figures for this mission alone, annual averages first. */
  List<FigureQueries.BasisFigures> bases(long id) {
    return FigureQueries.bases(
        dsl,
        DEPLOYMENT_SERIES.MISSION_IDS.eq(
            DSL.array(DSL.field("{0}::bigint", Long.class, DSL.inline(id)))));
  }

  /**
   * Totals of one basis per contributor and year, all genders, Norway first, then by name and year:
   * the deployment series of this mission alone, so each person counts once (ADR 0021).
   */
  List<MissionDetail.PersonnelRow> personnel(long id, boolean nb, String basis) {
    var t =
        FigureQueries.allGenders(
            DEPLOYMENT_SERIES.MISSION_IDS.eq(
                DSL.array(DSL.field("{0}::bigint", Long.class, DSL.inline(id)))),
            BasisCode.lookupLiteral(basis));
    Field<String> contributor = t.field("contributor", String.class);
    Field<Integer> year = t.field("year", Integer.class);
    var name = nb ? COUNTRY.NAME_NB : COUNTRY.NAME_EN;
    return dsl.select(
            contributor,
            name,
            year,
            t.field("total", BigDecimal.class),
            row(
                    t.field("flags", Short.class).cast(Integer.class),
                    t.field("months", Short.class).cast(Integer.class))
                .mapping(FigureQueries.Marks::new))
        .from(t)
        .join(COUNTRY)
        .on(COUNTRY.ISO3.cast(String.class).eq(contributor))
        .orderBy(DSL.when(contributor.eq("NOR"), 0).else_(1), name, year)
        .fetch(mapping(MissionDetail.PersonnelRow::new));
  }

  private static Field<List<MissionDetail.Statement>> statements(boolean nb) {
    var F = PERSONNEL_FIGURE;
    Condition covers =
        F.MISSION_ID
            .eq(MISSION.ID)
            .or(
                F.ID.in(
                    select(PERSONNEL_FIGURE_MISSION.FIGURE_ID)
                        .from(PERSONNEL_FIGURE_MISSION)
                        .where(PERSONNEL_FIGURE_MISSION.MISSION_ID.eq(MISSION.ID))));
    Field<String> missions = FigureQueries.missions(F);
    return multiset(
            select(
                    F.CONTRIBUTOR_ISO3.cast(String.class),
                    F.YEAR.cast(Integer.class),
                    nb ? PERSONNEL_TYPE.NAME_NB : PERSONNEL_TYPE.NAME_EN,
                    F.COUNT,
                    missions,
                    F.STATED_TEXT,
                    F.SOURCE_ID,
                    SOURCE_DOCUMENT.TITLE,
                    SOURCE_DOCUMENT.LANGUAGE)
                .from(F)
                .join(PERSONNEL_TYPE)
                .on(PERSONNEL_TYPE.CODE.eq(F.PERSONNEL_TYPE))
                .leftJoin(SOURCE_DOCUMENT)
                .on(SOURCE_DOCUMENT.ID.eq(F.SOURCE_ID))
                .where(covers)
                .and(F.BASIS.eq(FigureQueries.STATEMENT))
                .orderBy(F.YEAR, SOURCE_DOCUMENT.TITLE))
        .convertFrom(r -> r.map(mapping(MissionDetail.Statement::new)));
  }

  private static Field<List<MissionDetail.Source>> sources() {
    var F = PERSONNEL_FIGURE;
    var ids =
        select(MISSION.SOURCE_ID.as("id"))
            .union(
                selectDistinct(MISSION_HOST.SOURCE_ID)
                    .from(MISSION_HOST)
                    .where(MISSION_HOST.MISSION_ID.eq(MISSION.ID)))
            .union(selectDistinct(F.SOURCE_ID).from(F).where(F.MISSION_ID.eq(MISSION.ID)))
            .union(
                selectDistinct(F.SOURCE_ID)
                    .from(F)
                    .join(PERSONNEL_FIGURE_MISSION)
                    .on(PERSONNEL_FIGURE_MISSION.FIGURE_ID.eq(F.ID))
                    .where(PERSONNEL_FIGURE_MISSION.MISSION_ID.eq(MISSION.ID)));
    return multiset(
            select(SOURCE_DOCUMENT.ID, SOURCE_DOCUMENT.TITLE, SOURCE_DOCUMENT.LANGUAGE)
                .from(SOURCE_DOCUMENT)
                .where(SOURCE_DOCUMENT.ID.in(ids))
                .orderBy(SOURCE_DOCUMENT.DOC_DATE.desc(), SOURCE_DOCUMENT.ID))
        .convertFrom(r -> r.map(mapping(MissionDetail.Source::new)));
  }
}
