package no.engagement.registry.home.web;

import no.engagement.registry.summary.SummaryService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page: what the registry holds, so a newcomer sees at once that the data is there. */
@Controller
class HomeController {

  private final SummaryService summaries;

  HomeController(SummaryService summaries) {
    this.summaries = summaries;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("summary", summaries.summary());
    return "home";
  }
}
