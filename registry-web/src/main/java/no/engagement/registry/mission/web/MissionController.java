package no.engagement.registry.mission.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import no.engagement.registry.mission.MissionDetail;
import no.engagement.registry.mission.MissionService;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** /missions and /missions/{acronym}, each with its CSV. */
@Controller
class MissionController {

  private final MissionService missions;

  MissionController(MissionService missions) {
    this.missions = missions;
  }

  @GetMapping("/missions")
  String list(Model model) {
    model.addAttribute("missions", missions.missions(Csv.lang()));
    return "missions";
  }

  @GetMapping("/missions.csv")
  void listCsv(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var dialect = Csv.dialect(request);
    var rows = missions.missions(Csv.lang());
    try (var csv = Csv.open(response, dialect, "missions.csv")) {
      csv.row("acronym", "name", "kind", "status", "start_date", "end_date", "hosts");
      rows.forEach(
          m ->
              csv.row(
                  m.acronym(),
                  m.name(),
                  m.kind(),
                  m.status(),
                  m.startDate(),
                  m.endDate(),
                  m.hosts()));
    }
  }

  @GetMapping("/missions/{acronym}")
  String mission(@PathVariable String acronym, Model model) {
    model.addAttribute("m", find(acronym));
    return "mission";
  }

  @GetMapping("/missions/{acronym}.csv")
  void missionCsv(
      @PathVariable String acronym, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var dialect = Csv.dialect(request);
    var m = find(acronym);
    var rows = missions.personnel(m.mission().acronym(), Csv.lang());
    try (var csv = Csv.open(response, dialect, m.mission().acronym().replace(' ', '_') + ".csv")) {
      csv.row("mission", "contributor", "contributor_name", "year", "total", "basis", "gender");
      rows.forEach(
          r ->
              csv.row(
                  m.mission().acronym(),
                  r.contributor(),
                  r.name(),
                  r.year(),
                  r.total(),
                  "annual_average",
                  "total"));
    }
  }

  private MissionDetail find(String acronym) {
    String code = acronym.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    return missions
        .mission(code, Csv.lang())
        .orElseThrow(() -> new NotFoundException("mission \u00ab" + acronym + "\u00bb"));
  }
}
