package no.engagement.registry.process.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.engagement.registry.process.PeaceProcess;
import no.engagement.registry.process.ProcessService;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.Language;
import no.engagement.registry.web.Link;
import no.engagement.registry.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** /peace-processes and /peace-processes/{id} (the process code), each with its CSV. */
@Controller
class ProcessController {

  private final ProcessService processes;

  ProcessController(ProcessService processes) {
    this.processes = processes;
  }

  @GetMapping("/peace-processes")
  String list(Model model) {
    model.addAttribute("processes", processes.processes(Language.current()));
    return "peace-processes";
  }

  /** The peace processes as data. */
  @Schema(name = "PeaceProcesses")
  record Processes(java.util.List<PeaceProcess> items) {}

  @GetMapping(value = "/peace-processes.json", produces = "application/json")
  @ResponseBody
  @Operation(summary = "Every peace process with its parties, facilitators and milestones")
  Processes listJson() {
    return new Processes(processes.processes(Language.current()));
  }

  @GetMapping(value = "/peace-processes/{id}.json", produces = "application/json")
  @ResponseBody
  @Operation(
      summary = "One peace process: parties, facilitators with periods and sources, milestones")
  PeaceProcess processJson(@PathVariable String id) {
    return find(id);
  }

  @GetMapping("/peace-processes.csv")
  void listCsv(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var dialect = Csv.dialect(request);
    var rows = processes.processes(Language.current());
    try (var csv = Csv.open(response, dialect, "peace-processes.csv")) {
      roleRows(csv, rows);
    }
  }

  @GetMapping("/peace-processes/{id}")
  String process(@PathVariable String id, Model model) {
    var p = find(id);
    model.addAttribute("p", p);
    model.addAttribute("feedUrl", Link.subject("/peace-processes", p.code(), ".atom").toString());
    return "peace-process";
  }

  @GetMapping("/peace-processes/{id}.csv")
  void processCsv(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var dialect = Csv.dialect(request);
    var p = find(id);
    try (var csv = Csv.open(response, dialect, p.code() + ".csv")) {
      roleRows(csv, java.util.List.of(p));
    }
  }

  /** One row per facilitator role (a process without roles gets one row with the process only). */
  private static void roleRows(
      no.engagement.registry.export.CsvWriter csv, java.util.List<PeaceProcess> rows) {
    csv.row(
        "process",
        "name",
        "country",
        "status",
        "start_year",
        "end_year",
        "actor",
        "actor_name",
        "role",
        "role_start_year",
        "role_end_year",
        "source_id",
        "source_title");
    for (var p : rows) {
      if (p.roles().isEmpty()) {
        csv.row(
            p.code(),
            p.name(),
            p.country(),
            p.status(),
            p.startYear(),
            p.endYear(),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
      }
      for (var r : p.roles()) {
        csv.row(
            p.code(),
            p.name(),
            p.country(),
            p.status(),
            p.startYear(),
            p.endYear(),
            r.actor(),
            r.actorName(),
            r.role(),
            r.startYear(),
            r.endYear(),
            r.sourceId(),
            r.sourceTitle());
      }
    }
  }

  private PeaceProcess find(String id) {
    return processes
        .process(id, Language.current())
        .orElseThrow(() -> new NotFoundException("peace process \u00ab" + id + "\u00bb"));
  }
}
