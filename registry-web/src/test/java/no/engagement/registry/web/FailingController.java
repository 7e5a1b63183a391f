package no.engagement.registry.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Test only: a route that fails with a message that must never reach the page. */
@Controller
class FailingController {

  static final String SECRET = "select password_hash from account -- internal detail";

  @GetMapping("/test/fail")
  String fail() {
    throw new IllegalStateException(SECRET);
  }
}
