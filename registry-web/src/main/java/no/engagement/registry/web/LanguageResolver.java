package no.engagement.registry.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The registry speaks bokmål and English. The language is, in order: the "lang" cookie set by
 * {@code ?lang=}, the browser's preference (Norwegian of any kind means bokmål), else bokmål.
 */
final class LanguageResolver implements LocaleResolver {

  static final Locale BOKMAL = Locale.forLanguageTag("nb");
  static final String COOKIE = "lang";

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Object chosen = request.getAttribute(COOKIE);
    if (chosen instanceof Locale l) {
      return l;
    }
    if (request.getCookies() != null) {
      for (Cookie c : request.getCookies()) {
        if (COOKIE.equals(c.getName())) {
          Locale l = supported(c.getValue());
          if (l != null) {
            return l;
          }
        }
      }
    }
    if (request.getHeader("Accept-Language") == null) {
      return BOKMAL; // without the header the servlet container would answer with its own default
    }
    for (var langs = request.getLocales(); langs.hasMoreElements(); ) {
      Locale l = supported(langs.nextElement().getLanguage());
      if (l != null) {
        return l;
      }
    }
    return BOKMAL;
  }

  @Override
  public void setLocale(
      HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
    Locale l = locale == null ? null : supported(locale.getLanguage());
    if (l == null || response == null) {
      return;
    }
    request.setAttribute(COOKIE, l);
    var cookie = new Cookie(COOKIE, l.getLanguage());
    cookie.setPath("/");
    cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  static @Nullable Locale supported(@Nullable String language) {
    if (language == null) {
      return null;
    }
    return switch (language.toLowerCase(Locale.ROOT)) {
      case "nb", "no", "nn" -> BOKMAL;
      case "en" -> Locale.ENGLISH;
      default -> null;
    };
  }
}
