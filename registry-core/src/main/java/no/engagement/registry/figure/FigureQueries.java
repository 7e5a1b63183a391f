package no.engagement.registry.figure;

import static no.engagement.registry.jooq.Tables.MISSION;
import static no.engagement.registry.jooq.Tables.PERSONNEL_FIGURE_MISSION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import no.engagement.registry.jooq.tables.PersonnelFigure;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * SQL about personnel figures that several features share. A statement covering several missions
 * has no mission_id of its own but rows in personnel_figure_mission; every screen names it the same
 * way.
 */
public final class FigureQueries {

  private FigureQueries() {}

  /** "MINUSMA + UNMISS + UNTSO" for a statement covering several missions, else the acronym. */
  public static Field<String> missions(PersonnelFigure f) {
    var own = MISSION.as("own_mission");
    return missions(f, field(select(own.ACRONYM).from(own).where(own.ID.eq(f.MISSION_ID))));
  }

  /** The same, where the caller has already joined the figure's own mission's acronym. */
  public static Field<String> missions(PersonnelFigure f, Field<String> ownAcronym) {
    var set = MISSION.as("set_mission");
    Field<String> setLabel =
        field(
            select(DSL.stringAgg(set.ACRONYM, " + ").orderBy(set.ACRONYM))
                .from(PERSONNEL_FIGURE_MISSION)
                .join(set)
                .on(set.ID.eq(PERSONNEL_FIGURE_MISSION.MISSION_ID))
                .where(PERSONNEL_FIGURE_MISSION.FIGURE_ID.eq(f.ID)));
    return when(f.MISSION_ID.isNull(), setLabel).else_(ownAcronym);
  }
}
