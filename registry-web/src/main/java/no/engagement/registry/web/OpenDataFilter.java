package no.engagement.registry.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * What the open interfaces (every screen's {@code .json}, the Atom feeds, {@code /openapi.json} and
 * {@code /catalog}) answer beside their body:
 *
 * <ul>
 *   <li><b>Fair use.</b> Each client address may make {@code registry.api.requests-per-second}
 *       requests a second on average, in bursts of up to twice that; past it a request gets 429
 *       with {@code Retry-After}, at once, while other addresses keep being served. The address is
 *       the one the container settled on (a proxy's {@code X-Forwarded-For} only from trusted
 *       proxies).
 *   <li><b>CORS.</b> Any origin may read them ({@code Access-Control-Allow-Origin: *}); they take
 *       no cookies and change nothing.
 *   <li><b>One representation.</b> The address says what it is, as {@code .csv} does: {@code
 *       Accept} is not consulted, so a browser's {@code text/html} never gets 406.
 *   <li><b>Caching.</b> A response pinned to a release ({@code ?release=}) never changes: cached
 *       for a year, immutable. A live one may change with the next import: caches revalidate it
 *       each time, by its {@code ETag} (a hash of the body), and get 304 when it is unchanged.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class OpenDataFilter extends OncePerRequestFilter {

  private final double perSecond;
  private final double burst;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(5)).build();
  private final ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter();

  OpenDataFilter(@Value("${registry.api.requests-per-second:20}") double perSecond) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, 2 * perSecond);
  }

  /** Whether a path is one of the open interfaces. */
  static boolean isOpenData(String path) {
    return path.endsWith(".json")
        || path.endsWith(".atom")
        || path.equals("/catalog")
        || path.equals("/openapi.json");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !isOpenData(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long wait = buckets.get(request.getRemoteAddr(), a -> new Bucket()).take();
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Access-Control-Expose-Headers", "ETag, Retry-After, Link");
    if (wait > 0) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(wait));
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"status\":429,\"title\":\"Too Many Requests\",\"detail\":\"more than "
                  + (long) perSecond
                  + " requests a second from one address; try again in "
                  + wait
                  + " s\"}");
      return;
    }
    boolean pinned = request.getParameter("release") != null;
    response.setHeader(
        "Cache-Control",
        pinned ? "public, max-age=31536000, immutable" : "public, no-cache, must-revalidate");
    etags.doFilter(new AnyRepresentation(request), response, chain);
  }

  /**
   * The address names the representation ({@code .json}, {@code .atom}, the catalogue's JSON-LD),
   * as {@code .csv} does: whatever a client's {@code Accept} says, it gets that one, never 406.
   */
  private static final class AnyRepresentation
      extends jakarta.servlet.http.HttpServletRequestWrapper {
    AnyRepresentation(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getHeader(String name) {
      return "Accept".equalsIgnoreCase(name) ? "*/*" : super.getHeader(name);
    }

    @Override
    public java.util.Enumeration<String> getHeaders(String name) {
      return "Accept".equalsIgnoreCase(name)
          ? java.util.Collections.enumeration(java.util.List.of("*/*"))
          : super.getHeaders(name);
    }
  }

  /** A token bucket: {@code burst} requests at most, refilled at {@code perSecond}. */
  private final class Bucket {
    private double tokens = burst;
    private long at = System.nanoTime();

    /** 0 when a request may pass (and takes its token), else the seconds until one may. */
    synchronized long take() {
      long now = System.nanoTime();
      tokens = Math.min(burst, tokens + (now - at) / 1e9 * perSecond);
      at = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }
  }
}
