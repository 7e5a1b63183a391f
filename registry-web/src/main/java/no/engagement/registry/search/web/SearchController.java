package no.engagement.registry.search.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import no.engagement.registry.search.SearchService;
import no.engagement.registry.web.BadParameterException;
import no.engagement.registry.web.Language;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** /search?q=: the search box in every page's header. */
@Controller
class SearchController {

  private final SearchService search;

  SearchController(SearchService search) {
    this.search = search;
  }

  /** What a search found. */
  @Schema(name = "SearchResults")
  record Results(String q, java.util.List<no.engagement.registry.search.SearchHit> hits) {}

  @GetMapping(value = "/search.json", produces = "application/json")
  @ResponseBody
  @Operation(summary = "Countries, missions, processes and programmes by name or code")
  Results json(@RequestParam(name = "q", required = false) String q) {
    return new Results(q == null ? "" : q.strip(), hits(q));
  }

  @GetMapping("/search")
  String search(@RequestParam(name = "q", required = false) String q, Model model) {
    var hits = hits(q);
    model.addAttribute("q", q == null ? "" : q.strip());
    model.addAttribute("hits", hits);
    return "search";
  }

  private java.util.List<no.engagement.registry.search.SearchHit> hits(String q) {
    if (q != null && q.length() > 100) {
      throw new BadParameterException("q", q.substring(0, 40) + "\u2026", "param.too.long");
    }
    return search.search(q, Language.current());
  }
}
