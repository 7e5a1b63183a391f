package no.engagement.registry.home.web;

import no.engagement.registry.source.SourceService;
import no.engagement.registry.summary.SummaryService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page: what the registry holds, so a newcomer sees at once that the data is there. */
@Controller
class HomeController {

  private final SummaryService summaries;
  private final SourceService sources;

  HomeController(SummaryService summaries, SourceService sources) {
    this.summaries = summaries;
    this.sources = sources;
  }

  /** The first page as data: what the registry holds, and its sources. */
  @io.swagger.v3.oas.annotations.media.Schema(name = "Home")
  record HomeJson(
      no.engagement.registry.summary.RegistrySummary summary,
      java.util.List<no.engagement.registry.source.SourceDocument> sources) {}

  @GetMapping(value = "/index.json", produces = "application/json")
  @org.springframework.web.bind.annotation.ResponseBody
  @io.swagger.v3.oas.annotations.Operation(
      summary = "What the registry holds, counted per kind of record, and its sources (the page /)")
  HomeJson json() {
    return new HomeJson(summaries.summary(), sources.sources());
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("summary", summaries.summary());
    model.addAttribute("sources", sources.sources());
    return "home";
  }
}
