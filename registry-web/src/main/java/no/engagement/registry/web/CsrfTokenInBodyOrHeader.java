package no.engagement.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * The CSRF token is read from the request's header or body only: a token in the query string would
 * end up in logs, browser history and Referer headers, so a request that carries one there is
 * refused as if it had none.
 */
class CsrfTokenInBodyOrHeader implements CsrfTokenRequestHandler {

  private final XorCsrfTokenRequestAttributeHandler handler =
      new XorCsrfTokenRequestAttributeHandler();

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
    handler.handle(request, response, token);
  }

  @Override
  public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
    String query = request.getQueryString();
    if (query != null) {
      for (String pair : query.split("&")) {
        String name = pair.split("=", 2)[0];
        try {
          name = URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          // not percent-encoded properly: compared as it is
        }
        if (name.equals(token.getParameterName())) {
          return null;
        }
      }
    }
    return handler.resolveCsrfTokenValue(request, token);
  }
}
