package no.engagement.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The page header as a visitor sees it (not logged in, not pinned to a release), rendered once per
 * language and then written as it is (fragment {@code siteHeader} of {@code fragments/layout}). It
 * has the same nine links, search form and language links on every page, and rendering its forty
 * expressions on every request was a tenth of the deployment screen's CPU (scripts/bench). The
 * template uses it only when the page has neither a user nor a pin; a page without it (an error
 * page) or with either renders the header itself. Not kept when templates are not cached
 * (development).
 */
@Component
class SiteHeader extends PageModel {

  private final ITemplateEngine templates;
  private final boolean keep;
  private final Map<Locale, String> byLanguage = new ConcurrentHashMap<>();

  SiteHeader(ITemplateEngine templates, @Value("${spring.thymeleaf.cache:true}") boolean keep) {
    this.templates = templates;
    this.keep = keep;
  }

  @Override
  protected void addTo(
      Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) {
    model.putIfAbsent(
        "siteHeader", html(RequestContextUtils.getLocale(request), request, response));
  }

  private String html(Locale locale, HttpServletRequest request, HttpServletResponse response) {
    String html = byLanguage.get(locale);
    if (html == null) {
      var exchange =
          JakartaServletWebApplication.buildApplication(request.getServletContext())
              .buildExchange(request, response);
      html =
          templates.process(
              "fragments/layout", Set.of("siteHeader"), new WebContext(exchange, locale, Map.of()));
      if (keep) {
        byLanguage.put(locale, html);
      }
    }
    return html;
  }
}
