package no.engagement.registry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * A request larger than the upload limit gets the 413 page before anything reads its body: the CSRF
 * check, and even the error page, would otherwise make the server parse a multipart body it must
 * refuse. The page is rendered here, inside the security filter chain (so it has the security
 * headers) and before the CSRF filter. Tomcat swallows the rest of the body
 * (server.tomcat.max-swallow-size), so the browser shows the page, not a reset connection.
 */
class RequestSizeLimit extends OncePerRequestFilter {

  private final long limit;
  private final ITemplateEngine templates;
  private final LocaleResolver locales;

  RequestSizeLimit(DataSize limit, ITemplateEngine templates, LocaleResolver locales) {
    this.limit = limit.toBytes();
    this.templates = templates;
    this.locales = locales;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() <= limit) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setHeader("Connection", "close");
    response.setContentType("text/html;charset=UTF-8");
    var exchange =
        JakartaServletWebApplication.buildApplication(request.getServletContext())
            .buildExchange(request, response);
    Map<String, Object> model = new HashMap<>();
    model.put("status", 413);
    model.put("uploadLimitMb", limit / (1024 * 1024));
    templates.process(
        "error",
        new WebContext(exchange, locales.resolveLocale(request), model),
        response.getWriter());
  }
}
