package no.engagement.registry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database is down or cannot be reached wherever a request meets it (a filter that looks up a
 * pinned release, a download's COPY, a page): the 503 page with {@code Retry-After}, never a 500.
 * Pages reach {@link ErrorPages} first; this catches what fails outside the handlers, or in ways
 * the handlers do not translate. A response already under way is left to break, as a download must
 * never end as a shorter file that looks complete.
 */
@Component
@Order(-300) // outside every other filter, the security chain included
class UnavailablePages extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(UnavailablePages.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (response.isCommitted() || !ErrorPages.unavailable(e)) {
        throw e;
      }
      log.warn("Database unavailable during {}: {}", request.getRequestURI(), e.toString());
      response.reset();
      response.setHeader("Retry-After", "10");
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }
}
