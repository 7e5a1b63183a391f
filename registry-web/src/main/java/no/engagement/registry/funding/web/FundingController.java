package no.engagement.registry.funding.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.engagement.registry.funding.FundingService;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.Language;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** /funding: programmes, themes, partners, places, yearly allocations. */
@Controller
class FundingController {

  private final FundingService funding;

  FundingController(FundingService funding) {
    this.funding = funding;
  }

  @GetMapping("/funding")
  String list(Model model) {
    model.addAttribute("programmes", funding.programmes(Language.current()));
    return "funding";
  }

  /** The funding programmes as data. */
  @Schema(name = "Programmes")
  record Programmes(java.util.List<no.engagement.registry.funding.Programme> items) {}

  @GetMapping(value = "/funding.json", produces = "application/json")
  @ResponseBody
  @Operation(summary = "Every funding programme: theme, owner, partners, places and allocations")
  Programmes json() {
    return new Programmes(funding.programmes(Language.current()));
  }

  @GetMapping("/funding.csv")
  void csv(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var dialect = Csv.dialect(request);
    var rows = funding.programmes(Language.current());
    try (var csv = Csv.open(response, dialect, "funding.csv")) {
      csv.row(
          "programme",
          "name",
          "theme",
          "owner",
          "start_year",
          "end_year",
          "partners",
          "places",
          "year",
          "amount",
          "currency",
          "kind",
          "source_id",
          "source_title");
      for (var p : rows) {
        if (p.allocations().isEmpty()) {
          csv.row(
              p.code(),
              p.name(),
              p.theme(),
              p.owner(),
              p.startYear(),
              p.endYear(),
              p.partners(),
              p.places(),
              null,
              null,
              null,
              null,
              p.sourceId(),
              p.sourceTitle());
        }
        for (var a : p.allocations()) {
          csv.row(
              p.code(),
              p.name(),
              p.theme(),
              p.owner(),
              p.startYear(),
              p.endYear(),
              p.partners(),
              p.places(),
              a.year(),
              a.amount(),
              a.currency(),
              a.kind(),
              p.sourceId(),
              p.sourceTitle());
        }
      }
    }
  }
}
