package no.engagement.registry.country.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import no.engagement.registry.country.CountryDetail;
import no.engagement.registry.country.CountryRow;
import no.engagement.registry.figure.FigureQueries;
import no.engagement.registry.funding.Programme;
import no.engagement.registry.process.PeaceProcess;
import no.engagement.registry.web.YearMark;

/** /countries/{iso3}.json: the country page as data. */
@Schema(name = "Country")
record CountryJson(
    CountryRow country,
    @Schema(description = "the name in the other language") String otherName,
    @Schema(description = "the basis of the yearly totals (?basis= picks another)") String basis,
    @Schema(description = "every basis with figures of the country")
        List<FigureQueries.BasisFigures> bases,
    @Schema(description = "the years of the series, oldest first") List<Integer> years,
    @Schema(
            description =
                "its personnel per mission and year (aligned with years; null: none), all genders")
        List<CountryDetail.MissionSeries> contributions,
    @Schema(description = "the years whose figures are flagged or partial") List<YearMark> marks,
    @Schema(description = "missions it hosts") List<CountryDetail.HostedMission> hosted,
    @Schema(description = "what the sources say about it") List<CountryDetail.Statement> statements,
    @Schema(description = "its personnel as policy texts state it")
        List<CountryDetail.StatedFigure> stated,
    @Schema(description = "peace processes it takes part in") List<PeaceProcess> processes,
    @Schema(description = "funding programmes in or with it") List<Programme> programmes) {

  static CountryJson of(CountryDetail c, List<PeaceProcess> processes, List<Programme> programmes) {
    return new CountryJson(
        c.country(),
        c.otherName(),
        c.basis(),
        c.bases(),
        c.years(),
        c.contributions(),
        YearMark.of(c.marks()),
        c.hosted(),
        c.statements(),
        c.stated(),
        processes,
        programmes);
  }
}
