package no.engagement.registry.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security handles the POST, logout is a POST to /logout. */
@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
