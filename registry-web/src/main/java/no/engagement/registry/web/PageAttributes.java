package no.engagement.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What every page may show: the logged-in user for the header (log in, or name, admin link and log
 * out) and the upload limit for the 413 page.
 */
@Component
class PageAttributes extends PageModel {

  private final long uploadLimitMb;

  PageAttributes(@Value("${spring.servlet.multipart.max-request-size}") DataSize uploadLimit) {
    this.uploadLimitMb = uploadLimit.toMegabytes();
  }

  /** A logged-in user: the name and whether the user is an admin. */
  record Current(String name, boolean admin) {}

  @Override
  protected void addTo(
      Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) {
    model.putIfAbsent("uploadLimitMb", uploadLimitMb);
    model.putIfAbsent("currentUser", currentUser());
  }

  private static @Nullable Current currentUser() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) {
      return null;
    }
    boolean admin =
        a.getAuthorities().stream().anyMatch(g -> "ROLE_ADMIN".equals(g.getAuthority()));
    return new Current(a.getName(), admin);
  }
}
