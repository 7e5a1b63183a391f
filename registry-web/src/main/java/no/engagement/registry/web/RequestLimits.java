package no.engagement.registry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * What no request may carry, refused before anything reads it, inside the security filter chains
 * (so the page has the security headers) and before the CSRF check:
 *
 * <ul>
 *   <li>A body larger than the upload limit gets the 413 page. With a Content-Length that says so
 *       at once; a body without one (chunked) is counted as it is read, and reading past the limit
 *       fails with {@link BodyTooLargeException}, which is the 413 page too. The CSRF check, and
 *       even the error page, would otherwise make the server parse a multipart body it must refuse.
 *       Tomcat swallows the rest of the body (server.tomcat.max-swallow-size), so the browser shows
 *       the page, not a reset connection.
 *   <li>A query parameter whose name or value holds a NUL character (which no text in the registry
 *       can hold) gets the 400 page naming it.
 * </ul>
 */
class RequestLimits extends OncePerRequestFilter {

  private final long limit;
  private final ITemplateEngine templates;
  private final LocaleResolver locales;
  private final MessageSource messages;

  RequestLimits(
      DataSize limit, ITemplateEngine templates, LocaleResolver locales, MessageSource messages) {
    this.limit = limit.toBytes();
    this.templates = templates;
    this.locales = locales;
    this.messages = messages;
  }

  /** Reading a chunked body past the upload limit. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("the request body is larger than " + limit + " bytes");
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      response.setHeader("Connection", "close");
      render(request, response, 413, null);
      return;
    }
    String query = request.getQueryString();
    if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
      for (var e : request.getParameterMap().entrySet()) {
        String bad = e.getKey().indexOf('\0') >= 0 ? e.getKey() : null;
        for (String v : e.getValue()) {
          if (bad == null && v.indexOf('\0') >= 0) {
            bad = e.getKey();
          }
        }
        if (bad != null) {
          var locale = locale(request);
          String name = bad.replace("\0", "\\u0000");
          String text =
              messages.getMessage(
                  "error.param",
                  new Object[] {
                    name,
                    String.join(",", e.getValue()).replace("\0", "\\u0000"),
                    messages.getMessage("param.nul", null, locale)
                  },
                  locale);
          render(request, response, 400, text);
          return;
        }
      }
    }
    if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
      request = new Counted(request, limit);
    }
    chain.doFilter(request, response);
  }

  private void render(
      HttpServletRequest request, HttpServletResponse response, int status, @Nullable String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    var exchange =
        JakartaServletWebApplication.buildApplication(request.getServletContext())
            .buildExchange(request, response);
    Map<String, Object> model = new HashMap<>();
    model.put("status", status);
    model.put("detail", detail);
    model.put("uploadLimitMb", limit / (1024 * 1024));
    templates.process(
        "error", new WebContext(exchange, locale(request), model), response.getWriter());
  }

  /**
   * The page's language: as {@code ?lang=} asks (read before the handlers that set it), or else as
   * the session or browser says. Only the query string is read: asking for a parameter would make
   * the container read (and limit) the body this filter is refusing.
   */
  private java.util.Locale locale(HttpServletRequest request) {
    var asked =
        request.getQueryString() == null
            ? null
            : LanguageResolver.supported(
                org.springframework.web.util.UriComponentsBuilder.newInstance()
                    .query(request.getQueryString())
                    .build()
                    .getQueryParams()
                    .getFirst("lang"));
    return asked != null ? asked : locales.resolveLocale(request);
  }

  /** A request whose body fails once more than {@code limit} bytes of it have been read. */
  private static final class Counted extends HttpServletRequestWrapper {
    private final long limit;
    private @Nullable ServletInputStream counted;

    Counted(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        var in = super.getInputStream();
        counted =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws IOException {
                read += n;
                if (read > limit) {
                  throw new BodyTooLargeException(limit);
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return counted;
    }
  }
}
