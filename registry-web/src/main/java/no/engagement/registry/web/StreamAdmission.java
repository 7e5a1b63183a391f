package no.engagement.registry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests that hold a database connection for as long as their client reads or for as long as a
 * comparison takes (CSV files, the data package, stored release files, release diffs) are admitted
 * in bounded numbers: at most {@code registry.downloads.concurrent-requests} at once (default 4, of
 * a pool of 10 connections, so the screens always keep theirs) and at most {@code
 * registry.downloads.per-client} from one address (default 2). The others get the 503 page at once,
 * with {@code Retry-After}; they do not queue, as a download may take minutes. A client that stops
 * reading holds its slot no longer than the server's write timeout ({@code
 * server.tomcat.connection-timeout}).
 */
@Component
class StreamAdmission extends OncePerRequestFilter {

  private static final Pattern STREAMS =
      Pattern.compile(".*\\.(csv|zip)|/releases/[^/]+/(files/.*|diff|diff\\.json)");

  private final Semaphore total;
  private final int perClient;
  private final ConcurrentHashMap<String, Integer> byClient = new ConcurrentHashMap<>();

  StreamAdmission(
      @Value("${registry.downloads.concurrent-requests:4}") int concurrent,
      @Value("${registry.downloads.per-client:2}") int perClient) {
    this.total = new Semaphore(concurrent);
    this.perClient = perClient;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod())
        || !STREAMS.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String client = request.getRemoteAddr();
    boolean[] admitted = {false};
    byClient.compute(
        client,
        (k, n) -> {
          int running = n == null ? 0 : n;
          if (running >= perClient || !total.tryAcquire()) {
            return n;
          }
          admitted[0] = true;
          return running + 1;
        });
    if (!admitted[0]) {
      response.setHeader("Retry-After", "30");
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      byClient.compute(client, (k, n) -> n == null || n <= 1 ? null : n - 1);
      total.release();
    }
  }
}
