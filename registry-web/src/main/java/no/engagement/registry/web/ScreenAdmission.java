package no.engagement.registry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The query screens take their requests in turns: as many at once as the machine can serve (by
 * default two per core), the others wait in the order they came. When every request runs at once,
 * they share the cores, and a long one (a page of figures) slows all the short ones beside it; in
 * turns, each waits about as long as the others and then runs at full speed. The throughput and the
 * mean latency stay the same; the slowest requests get faster (docs/adr/0015). A request that waits
 * longer than the queue's timeout gets the 503 page. CSV files are not counted: they stream for as
 * long as their client reads.
 */
@Component
class ScreenAdmission extends OncePerRequestFilter {

  /** The query screens; a path below one of them is its detail page. */
  private static final List<String> SCREENS =
      List.of(
          "/deployments",
          "/missions",
          "/countries",
          "/peace-processes",
          "/funding",
          "/sources",
          "/discrepancies",
          "/search");

  private final Semaphore slots;
  private final long timeoutNanos;

  ScreenAdmission(
      @Value("${registry.screens.concurrent-requests:0}") int concurrent,
      @Value("${registry.screens.queue-timeout:10s}") Duration timeout) {
    int n = concurrent > 0 ? concurrent : 2 * Runtime.getRuntime().availableProcessors();
    this.slots = new Semaphore(n, true);
    this.timeoutNanos = timeout.toNanos();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !"GET".equals(request.getMethod())
        || path.endsWith(".csv")
        || SCREENS.stream().noneMatch(s -> path.equals(s) || path.startsWith(s + "/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean admitted;
    try {
      admitted = slots.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      response.setHeader("Retry-After", "10");
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      slots.release();
    }
  }
}
