package no.engagement.registry.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page may show: the logged-in user for the header (log in, or name, admin link and log
 * out) and the upload limit for the 413 page.
 */
@ControllerAdvice
class PageAttributes {

  private final DataSize uploadLimit;

  PageAttributes(@Value("${spring.servlet.multipart.max-request-size}") DataSize uploadLimit) {
    this.uploadLimit = uploadLimit;
  }

  @ModelAttribute("uploadLimitMb")
  long uploadLimitMb() {
    return uploadLimit.toMegabytes();
  }

  /** A logged-in user: the name and whether the user is an admin. */
  record Current(String name, boolean admin) {}

  @ModelAttribute("currentUser")
  Current currentUser() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) {
      return null;
    }
    boolean admin =
        a.getAuthorities().stream().anyMatch(g -> "ROLE_ADMIN".equals(g.getAuthority()));
    return new Current(a.getName(), admin);
  }
}
