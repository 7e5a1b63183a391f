package no.engagement.registry.discrepancy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.engagement.registry.deployment.DeploymentView;
import no.engagement.registry.discrepancy.DiscrepancyService;
import no.engagement.registry.web.BadParameterException;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.QueryParameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
    model.addAttribute("figures", discrepancies.figures(Csv.lang(), threshold));
    model.addAttribute("statements", discrepancies.statements(Csv.lang()));
    model.addAttribute("places", discrepancies.placeMismatches(Csv.lang()));
    return "discrepancies";
  }

  @GetMapping("/discrepancies.csv")
  void csv(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var dialect = Csv.dialect(request);
    int threshold = threshold(request);
    var figures = discrepancies.figures(Csv.lang(), threshold);
    var rows = discrepancies.statements(Csv.lang());
    var places = discrepancies.placeMismatches(Csv.lang());
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
