package no.engagement.registry.source.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.engagement.registry.source.SourceDocument;
import no.engagement.registry.source.SourceService;
import no.engagement.registry.web.BadParameterException;
import no.engagement.registry.web.Csv;
import no.engagement.registry.web.Language;
import no.engagement.registry.web.Link;
import no.engagement.registry.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** /sources and /sources/{id}: each document with every fact the registry takes from it. */
@Controller
class SourceController {

  private final SourceService sources;

  SourceController(SourceService sources) {
    this.sources = sources;
  }

  @GetMapping("/sources")
  String list(Model model) {
    model.addAttribute("sources", sources.sources());
    return "sources";
  }

  /** The sources as data. */
  @Schema(name = "Sources")
  record Sources(java.util.List<SourceDocument> items) {}

  @GetMapping(value = "/sources.json", produces = "application/json")
  @ResponseBody
  @Operation(summary = "Every source document with how many facts the registry takes from it")
  Sources listJson() {
    return new Sources(sources.sources());
  }

  /** One source and a page of its facts. */
  @Schema(name = "Source")
  record SourceJson(
      SourceDocument source,
      java.util.List<SourceDocument.KindCount> counts,
      java.util.List<no.engagement.registry.source.SourceFact> facts,
      @Schema(description = "the next page of facts, or null on the last") String next) {}

  @GetMapping(value = "/sources/{id}.json", produces = "application/json")
  @ResponseBody
  @Operation(summary = "One source: the count of each kind of fact, and its facts 100 a page")
  @Parameter(
      in = ParameterIn.QUERY,
      name = "after",
      description = "the page after this kind:key (from `next`)",
      schema = @Schema(type = "string"))
  SourceJson sourceJson(@PathVariable String id, HttpServletRequest request) {
    var s = find(id);
    var page = page(s, request);
    return new SourceJson(
        s,
        page.counts(),
        page.facts(),
        page.next() == null
            ? null
            : Link.subject("/sources", String.valueOf(s.id()), ".json")
                .with("after", page.next())
                .toString());
  }

  private SourceService.FactPage page(SourceDocument s, HttpServletRequest request) {
    String after = request.getParameter("after");
    try {
      return sources.facts(s.id(), Language.current(), after);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException("after", after, "param.not.allowed", "kind:key");
    }
  }

  @GetMapping("/sources.csv")
  void listCsv(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var dialect = Csv.dialect(request);
    var rows = sources.sources();
    try (var csv = Csv.open(response, dialect, "sources.csv")) {
      csv.row(
          "id",
          "code",
          "kind",
          "title",
          "publisher",
          "language",
          "file_name",
          "date",
          "date_precision",
          "date_note",
          "licence",
          "attribution",
          "facts");
      rows.forEach(
          s ->
              csv.row(
                  s.id(),
                  s.code(),
                  s.kind(),
                  s.title(),
                  s.publisher(),
                  s.language(),
                  s.fileName(),
                  s.docDate(),
                  s.datePrecision(),
                  s.dateNote(),
                  s.licence(),
                  s.attribution(),
                  s.facts()));
    }
  }

  @GetMapping("/sources/{id}")
  String source(@PathVariable String id, HttpServletRequest request, Model model) {
    var s = find(id);
    model.addAttribute("s", s);
    model.addAttribute("page", page(s, request));
    model.addAttribute("first", request.getParameter("after") == null);
    return "source";
  }

  @GetMapping("/sources/{id}.csv")
  void sourceCsv(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var dialect = Csv.dialect(request);
    var s = find(id);
    try (var csv = Csv.open(response, dialect, "source-" + s.id() + ".csv")) {
      csv.row("source_id", "kind", "subject", "detail", "values");
      sources.eachFact(
          s.id(),
          Language.current(),
          f -> csv.row(s.id(), f.kind(), f.subject(), f.detail(), f.values()));
    }
  }

  private SourceDocument find(String id) {
    long n;
    try {
      n = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BadParameterException("id", id, "param.number");
    }
    return sources.source(n).orElseThrow(() -> new NotFoundException("source " + id));
  }
}
