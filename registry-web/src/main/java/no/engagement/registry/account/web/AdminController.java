package no.engagement.registry.account.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import no.engagement.registry.account.AccountService;
import no.engagement.registry.audit.AuditLog;
import no.engagement.registry.web.QueryParameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin screens: users (add, role, disable and enable, reset password) and the audit log. Only
 * admins reach them (SecurityConfiguration); every change is audited by AccountService.
 */
@Controller
class AdminController {

  private final AccountService accounts;
  private final AuditLog audit;
  private final LoginThrottle throttle;

  AdminController(AccountService accounts, AuditLog audit, LoginThrottle throttle) {
    this.accounts = accounts;
    this.audit = audit;
    this.throttle = throttle;
  }

  @GetMapping("/admin/users")
  String users(Model model) {
    model.addAttribute("users", accounts.all());
    model.addAttribute("roles", AccountService.ROLES.stream().sorted().toList());
    model.addAttribute("minPassword", AccountService.MIN_PASSWORD_LENGTH);
    return "admin-users";
  }

  @PostMapping("/admin/users")
  String create(
      @RequestParam String username,
      @RequestParam String role,
      @RequestParam String password,
      Principal me,
      HttpServletRequest request,
      RedirectAttributes flash) {
    String name = username.strip();
    return done(
        accounts.create(me.getName(), request.getRemoteAddr(), name, role, password),
        "account.created",
        name,
        flash);
  }

  @PostMapping("/admin/users/{username}/role")
  String role(
      @PathVariable String username,
      @RequestParam String role,
      Principal me,
      HttpServletRequest request,
      RedirectAttributes flash) {
    return done(
        accounts.setRole(me.getName(), request.getRemoteAddr(), username, role),
        "account.role.set",
        username,
        flash);
  }

  @PostMapping("/admin/users/{username}/enabled")
  String enabled(
      @PathVariable String username,
      @RequestParam boolean enabled,
      Principal me,
      HttpServletRequest request,
      RedirectAttributes flash) {
    return done(
        accounts.setEnabled(me.getName(), request.getRemoteAddr(), username, enabled),
        enabled ? "account.enabled" : "account.disabled",
        username,
        flash);
  }

  @PostMapping("/admin/users/{username}/password")
  String resetPassword(
      @PathVariable String username,
      Principal me,
      HttpServletRequest request,
      RedirectAttributes flash) {
    var password = accounts.resetPassword(me.getName(), request.getRemoteAddr(), username);
    if (password.isEmpty()) {
      return done(Optional.of("account.error.unknown"), null, username, flash);
    }
    throttle.forget(username); // a new password: failed logins with the old one are moot
    flash.addFlashAttribute("newPasswordUser", username);
    flash.addFlashAttribute("newPassword", password.get());
    return "redirect:/admin/users";
  }

  @GetMapping("/admin/audit")
  String audit(HttpServletRequest request, Model model) {
    long before = new QueryParameters(request).nonNegativeLong("before", Long.MAX_VALUE);
    var events = audit.page(before);
    model.addAttribute("events", events);
    model.addAttribute(
        "nextBefore", events.size() == AuditLog.PAGE_SIZE ? events.getLast().id() : null);
    return "admin-audit";
  }

  private static String done(
      Optional<String> problem, String okKey, String username, RedirectAttributes flash) {
    if (problem.isPresent()) {
      flash.addFlashAttribute("problem", problem.get());
    } else {
      flash.addFlashAttribute("done", okKey);
    }
    flash.addFlashAttribute("subject", username);
    return "redirect:/admin/users";
  }
}
