package no.engagement.registry.search.web;

import no.engagement.registry.search.SearchService;
import no.engagement.registry.web.BadParameterException;
import no.engagement.registry.web.Csv;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /search?q=: the search box in every page's header. */
@Controller
class SearchController {

  private final SearchService search;

  SearchController(SearchService search) {
    this.search = search;
  }

  @GetMapping("/search")
  String search(@RequestParam(name = "q", required = false) String q, Model model) {
    if (q != null && q.length() > 100) {
      throw new BadParameterException("q", q.substring(0, 40) + "\u2026", "param.too.long");
    }
    model.addAttribute("q", q == null ? "" : q.strip());
    model.addAttribute("hits", search.search(q, Csv.lang()));
    return "search";
  }
}
