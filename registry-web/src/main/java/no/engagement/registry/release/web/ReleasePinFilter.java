package no.engagement.registry.release.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import no.engagement.registry.db.PinnedSchema;
import no.engagement.registry.release.ReleaseService;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * As-of views: a GET with {@code ?release=VERSION} reads that release's copy of the registry
 * ({@link PinnedSchema}) for the whole request, screens and CSV alike, and every link the page
 * builds with {@code @{...}} keeps the pin. An unknown version is left for {@code PageAttributes}
 * to answer with the 404 page.
 */
@Component
class ReleasePinFilter extends OncePerRequestFilter {

  /** Request attribute: the pinned {@code Release}. */
  static final String PINNED = "pinnedRelease";

  /** Request attribute: a version that names no release. */
  static final String UNKNOWN = "unknownRelease";

  /** Request attribute: the same URL without the pin. */
  static final String LIVE_URL = "liveUrl";

  /**
   * Paths whose links never carry a pin: their pages do not read the registry's data, or follow it
   * over time (the feeds, the changes, the catalogue of every release).
   */
  private static final List<String> UNPINNED =
      List.of(
          "/releases",
          "/login",
          "/logout",
          "/imports",
          "/admin",
          "/api",
          "/open-data",
          "/openapi.json",
          "/catalog",
          "/changes",
          "/changes.json",
          "/changes.atom",
          "/css",
          "/js",
          "/webjars",
          "/favicon",
          "/actuator");

  private final ReleaseService releases;

  ReleasePinFilter(ReleaseService releases) {
    this.releases = releases;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // GET only, checked first: reading a parameter of a POST would read its body
    if (!"GET".equals(request.getMethod()) || unpinned(request.getRequestURI())) {
      chain.doFilter(request, response);
      return;
    }
    String version = request.getParameter("release");
    if (version == null || version.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    var release = releases.find(version);
    if (release.isEmpty()) {
      request.setAttribute(UNKNOWN, version);
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute(PINNED, release.get());
    request.setAttribute(
        LIVE_URL,
        UriComponentsBuilder.fromPath(request.getRequestURI())
            .query(request.getQueryString())
            .replaceQueryParam("release")
            .build()
            .toUriString());
    try (var pin = PinnedSchema.pin(release.get().schemaName())) {
      chain.doFilter(request, new Pinned(response, release.get().version()));
    }
  }

  private static boolean unpinned(String path) {
    return path.endsWith(".atom")
        || UNPINNED.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  /** Adds the pin to every link of the registry's own data screens. */
  private static final class Pinned extends HttpServletResponseWrapper {

    private final String version;

    Pinned(HttpServletResponse response, String version) {
      super(response);
      this.version = version;
    }

    @Override
    public String encodeURL(String url) {
      return super.encodeURL(pin(url, version));
    }

    static String pin(String url, String version) {
      if (!url.startsWith("/") || url.startsWith("//") || unpinned(url.split("[?#]", 2)[0])) {
        return url;
      }
      int hash = url.indexOf('#');
      String path = hash < 0 ? url : url.substring(0, hash);
      String fragment = hash < 0 ? "" : url.substring(hash);
      if (path.matches(".*[?&]release=.*")) {
        return url;
      }
      return path + (path.contains("?") ? "&" : "?") + "release=" + version + fragment;
    }
  }
}
