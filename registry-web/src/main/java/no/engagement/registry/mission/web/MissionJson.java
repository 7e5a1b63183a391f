package no.engagement.registry.mission.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import no.engagement.registry.figure.FigureQueries;
import no.engagement.registry.mission.MissionDetail;
import no.engagement.registry.mission.MissionRow;
import no.engagement.registry.web.YearMark;

/** /missions/{acronym}.json: the mission page as data. */
@Schema(name = "Mission")
record MissionJson(
    MissionRow mission,
    String leadDepartment,
    String hqLocation,
    BigDecimal longitude,
    BigDecimal latitude,
    @Schema(description = "the regions' names, in the chosen language") List<String> regions,
    @Schema(description = "acronyms of the missions it took over from") List<String> predecessors,
    @Schema(description = "acronyms of the missions that took over") List<String> successors,
    @Schema(description = "ISO 3166 alpha-3 codes of the host countries") List<String> hosts,
    @Schema(description = "the basis of the yearly totals (?basis= picks another)") String basis,
    @Schema(description = "every basis with figures for the mission")
        List<FigureQueries.BasisFigures> bases,
    @Schema(description = "the years of the series, oldest first") List<Integer> years,
    @Schema(
            description =
                "each contributor's total per year (aligned with years; null: none), all genders, Norway first")
        List<MissionDetail.ContributorSeries> personnel,
    @Schema(description = "the years whose figures are flagged or partial") List<YearMark> marks,
    @Schema(description = "figures stated in policy texts")
        List<MissionDetail.Statement> statements,
    @Schema(description = "the sources the mission's facts cite")
        List<MissionDetail.Source> sources) {

  static MissionJson of(MissionDetail m) {
    return new MissionJson(
        m.mission(),
        m.leadDepartment(),
        m.hqLocation(),
        m.longitude(),
        m.latitude(),
        m.regions(),
        m.predecessors(),
        m.successors(),
        m.hostCodes(),
        m.basis(),
        m.bases(),
        m.years(),
        m.personnel(),
        YearMark.of(m.marks()),
        m.statements(),
        m.sources());
  }
}
