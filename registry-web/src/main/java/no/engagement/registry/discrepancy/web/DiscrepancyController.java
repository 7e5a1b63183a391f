package no.engagement.registry.discrepancy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.engagement.registry.discrepancy.DiscrepancyService;
import no.engagement.registry.web.Csv;
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

  @GetMapping("/discrepancies")
  String list(Model model) {
    model.addAttribute("statements", discrepancies.statements(Csv.lang()));
    model.addAttribute("places", discrepancies.placeMismatches(Csv.lang()));
    return "discrepancies";
  }

  @GetMapping("/discrepancies.csv")
  void csv(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var dialect = Csv.dialect(request);
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
          "other_missions_as_stated");
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
            String.join("; ", d.second().missions()));
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
            p.hosts());
      }
    }
  }
}
