package no.engagement.registry.mission.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import no.engagement.registry.mission.MissionDetail;
import no.engagement.registry.mission.MissionService;
import no.engagement.registry.reference.ReferenceService;
import no.engagement.registry.web.BarChart;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.Language;
import no.engagement.registry.web.Link;
import no.engagement.registry.web.NotFoundException;
import no.engagement.registry.web.QueryParameters;
import no.engagement.registry.web.WholeNumbers;
import no.engagement.registry.web.WorldMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** /missions and /missions/{acronym}, each with its CSV. */
@Controller
class MissionController {

  private final MissionService missions;
  private final MessageSource messages;
  private final WholeNumbers num;
  private final WorldMap map;
  private final ReferenceService reference;

  MissionController(
      MissionService missions,
      MessageSource messages,
      WholeNumbers num,
      WorldMap map,
      ReferenceService reference) {
    this.missions = missions;
    this.messages = messages;
    this.num = num;
    this.map = map;
    this.reference = reference;
  }

  @GetMapping("/missions")
  String list(Model model) {
    model.addAttribute("missions", missions.missions(Language.current()));
    return "missions";
  }

  /** The missions list as data. */
  @Schema(name = "Missions")
  record Missions(java.util.List<no.engagement.registry.mission.MissionRow> items) {}

  @GetMapping(value = "/missions.json", produces = "application/json")
  @ResponseBody
  @Operation(summary = "Every mission: acronym, name, kind, status, dates, hosts")
  Missions listJson() {
    return new Missions(missions.missions(Language.current()));
  }

  @GetMapping("/missions.csv")
  void listCsv(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var dialect = Csv.dialect(request);
    var rows = missions.missions(Language.current());
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
  String mission(
      @PathVariable String acronym,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var m = find(acronym, request);
    model.addAttribute("m", m);
    model.addAttribute(
        "feedUrl", Link.subject("/missions", m.mission().acronym(), ".atom").toString());
    model.addAttribute(
        "chart",
        BarChart.byYear(
            "personnel-chart",
            "mission.chart.title",
            m.years(),
            m.personnel().stream().map(p -> Map.entry(p.name(), p.totals())).toList(),
            m.marks(),
            messages,
            num::whole));
    // the map: each contributor's total in the last year with figures, and the hosts
    var lastYear = m.years().isEmpty() ? null : m.years().getLast();
    var latest = new java.util.TreeMap<String, java.math.BigDecimal>();
    for (var p : m.personnel()) {
      var t = p.totals().isEmpty() ? null : p.totals().getLast();
      if (t != null) {
        latest.put(p.iso3(), t);
      }
    }
    var locale = LocaleContextHolder.getLocale();
    model.addAttribute(
        "map",
        map.draw(
            messages.getMessage(
                "mission.map.title",
                new Object[] {lastYear == null ? "\u2013" : lastYear.toString()},
                locale),
            latest,
            m.hostCodes(),
            reference.countries(Language.current()),
            messages,
            num::whole,
            "map.personnel",
            "mission.map.host",
            response::encodeURL));
    return "mission";
  }

  @GetMapping(value = "/missions/{acronym}.json", produces = "application/json")
  @ResponseBody
  @Operation(
      summary = "One mission: hosts, links, personnel by contributor and year, statements, sources")
  @Parameter(
      in = ParameterIn.QUERY,
      name = "basis",
      schema =
          @Schema(
              type = "string",
              allowableValues = {"annual_average", "snapshot"}))
  MissionJson missionJson(@PathVariable String acronym, HttpServletRequest request) {
    return MissionJson.of(find(acronym, request));
  }

  @GetMapping("/missions/{acronym}.csv")
  void missionCsv(
      @PathVariable String acronym, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var dialect = Csv.dialect(request);
    var m = find(acronym, request);
    var rows = missions.personnel(m.mission().acronym(), Language.current(), m.basis());
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
                  m.basis(),
                  "total"));
    }
  }

  private MissionDetail find(String acronym, HttpServletRequest request) {
    String basis =
        new QueryParameters(request)
            .word("basis", null, MissionService.YEARLY_BASES.toArray(String[]::new));
    String code = acronym.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    return missions
        .mission(code, Language.current(), basis)
        .orElseThrow(() -> new NotFoundException("mission \u00ab" + acronym + "\u00bb"));
  }
}
