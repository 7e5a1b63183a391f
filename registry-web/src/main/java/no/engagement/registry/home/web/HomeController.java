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

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("summary", summaries.summary());
    model.addAttribute("sources", sources.sources());
    return "home";
  }
}
