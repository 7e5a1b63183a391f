package no.engagement.registry.home.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /open-data}: how to use the registry without a browser, in both languages. */
@Controller
class OpenDataController {

  private final double perSecond;

  OpenDataController(@Value("${registry.api.requests-per-second:20}") double perSecond) {
    this.perSecond = perSecond;
  }

  @GetMapping("/open-data")
  String api(Model model) {
    model.addAttribute("perSecond", (long) perSecond);
    return "open-data";
  }
}
