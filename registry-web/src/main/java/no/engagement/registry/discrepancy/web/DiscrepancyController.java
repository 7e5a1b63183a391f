package no.engagement.registry.discrepancy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.engagement.registry.deployment.DeploymentView;
import no.engagement.registry.discrepancy.DiscrepancyService;
import no.engagement.registry.web.BadParameterException;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.Language;
import no.engagement.registry.web.QueryParameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** /discrepancies: where sources disagree, side by side. */
@Controller
class DiscrepancyController {

  private final DiscrepancyService discrepancies;

  DiscrepancyController(DiscrepancyService discrepancies) {
    this.discrepancies = discrepancies;
  }

  /** Per cent of the larger figure by which two sources' figures must differ to be listed. */
  static final int DEFAULT_THRESHOLD = 10;

  /** The threshold in per cent from {@code ?threshold=}, 0 to 100. */
  private static int threshold(HttpServletRequest request) {
    long t = new QueryParameters(request).nonNegativeLong("threshold", DEFAULT_THRESHOLD);
    if (t > 100) {
      throw new BadParameterException("threshold", Long.toString(t), "param.percent");
    }
    return (int) t;
  }

  @GetMapping("/discrepancies")
  String list(HttpServletRequest request, Model model) {
    int threshold = threshold(request);
    model.addAttribute("threshold", threshold);
    model.addAttribute("figures", discrepancies.figures(Language.current(), threshold));
    model.addAttribute("statements", discrepancies.statements(Language.current()));
    model.addAttribute("places", discrepancies.placeMismatches(Language.current()));
    return "discrepancies";
  }

  /** One source's yearly figure in a discrepancy, its flags as words. */
  @Schema(name = "DiscrepancySourceFigure")
  record SideJson(
      Long sourceId,
      String title,
      String language,
      java.math.BigDecimal value,
      Integer months,
      java.util.List<String> flags) {
    static SideJson of(no.engagement.registry.discrepancy.Discrepancy.SourceFigure f) {
      return new SideJson(
          f.sourceId(),
          f.title(),
          f.language(),
          f.value(),
          f.months(),
          DeploymentView.flags(f.flags()));
    }
  }

  /** Two sources' yearly figures for the same cell that differ by more than the threshold. */
  @Schema(name = "FigureDiscrepancy")
  record FigureJson(
      String contributor,
      String contributorName,
      java.util.List<String> missions,
      int year,
      String basis,
      String type,
      String typeName,
      String gender,
      SideJson first,
      SideJson second,
      @Schema(description = "the second source's figure less the first's")
          java.math.BigDecimal difference) {}

  /** The discrepancies screen as data. */
  @Schema(name = "Discrepancies")
  record DiscrepanciesJson(
      @Schema(description = "per cent of the larger figure") int threshold,
      java.util.List<FigureJson> figures,
      java.util.List<no.engagement.registry.discrepancy.Discrepancy> statements,
      java.util.List<no.engagement.registry.discrepancy.Discrepancy.PlaceMismatch> places) {}

  @GetMapping(value = "/discrepancies.json", produces = "application/json")
  @ResponseBody
  @Operation(
      summary =
          "Facts on which sources disagree: yearly figures that differ by more than the"
              + " threshold, statements, and places that do not match the mission")
  @Parameter(
      in = ParameterIn.QUERY,
      name = "threshold",
      description = "per cent of the larger figure (0 to 100)",
      schema = @Schema(type = "integer", defaultValue = "10"))
  DiscrepanciesJson json(HttpServletRequest request) {
    int threshold = threshold(request);
    return new DiscrepanciesJson(
        threshold,
        discrepancies.figures(Language.current(), threshold).stream()
            .map(
                d ->
                    new FigureJson(
                        d.contributor(),
                        d.contributorName(),
                        d.acronyms(),
                        d.year(),
                        d.basis(),
                        d.type(),
                        d.typeName(),
                        d.gender(),
                        SideJson.of(d.first()),
                        SideJson.of(d.second()),
                        d.difference()))
            .toList(),
        discrepancies.statements(Language.current()),
        discrepancies.placeMismatches(Language.current()));
  }

  @GetMapping("/discrepancies.csv")
  void csv(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var dialect = Csv.dialect(request);
    int threshold = threshold(request);
    var figures = discrepancies.figures(Language.current(), threshold);
    var rows = discrepancies.statements(Language.current());
    var places = discrepancies.placeMismatches(Language.current());
    try (var csv = Csv.open(response, dialect, "discrepancies.csv")) {
      csv.row(
          "kind",
          "contributor",
          "year",
          "personnel_type",
          "source_id",
          "source_title",
          "count",
          "missions_as_stated",
          "other_source_id",
          "other_source_title",
          "other_count",
          "other_missions_as_stated",
          "missions",
          "basis",
          "gender",
          "months",
          "flags",
          "other_months",
          "other_flags",
          "difference");
      for (var d : figures) {
        csv.row(
            "figure",
            d.contributor(),
            d.year(),
            d.type(),
            d.first().sourceId(),
            d.first().title(),
            d.first().value(),
            null,
            d.second().sourceId(),
            d.second().title(),
            d.second().value(),
            null,
            String.join("|", d.acronyms()),
            d.basis(),
            d.gender(),
            d.first().months(),
            String.join("|", DeploymentView.flags(d.first().flags())),
            d.second().months(),
            String.join("|", DeploymentView.flags(d.second().flags())),
            d.difference());
      }
      for (var d : rows) {
        csv.row(
            "statement",
            d.contributor(),
            d.year(),
            d.type(),
            d.first().sourceId(),
            d.first().title(),
            d.first().count(),
            String.join("; ", d.first().missions()),
            d.second().sourceId(),
            d.second().title(),
            d.second().count(),
            String.join("; ", d.second().missions()),
            String.join("|", d.first().acronyms()),
            "approximate_statement",
            null,
            null,
            null,
            null,
            null,
            d.second().count().subtract(d.first().count()));
      }
      for (var p : places) {
        csv.row(
            "stated_place",
            null,
            null,
            null,
            p.sourceId(),
            p.title(),
            null,
            p.statedPlace() + " (" + p.mission() + ")",
            null,
            null,
            null,
            p.hosts(),
            p.mission(),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
      }
    }
  }
}
