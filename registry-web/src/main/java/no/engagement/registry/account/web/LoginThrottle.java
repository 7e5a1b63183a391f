package no.engagement.registry.account.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import no.engagement.registry.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed logins are throttled by where they come from, so that guessing is slow and nobody can lock
 * an account's owner out from elsewhere:
 *
 * <ul>
 *   <li>{@value #PER_ACCOUNT} failed logins in a row for one user name from one address stop logins
 *       of that user from that address for {@link #PAUSE}; the owner, from their own address, can
 *       still log in.
 *   <li>{@value #PER_ADDRESS} failed logins from one address (any user names) within {@link #PAUSE}
 *       stop every login from that address until that window ends.
 * </ul>
 *
 * A pause runs from the failure that started it and never extends: attempts during it are refused
 * before the password is checked and counted for nothing (the first is audited). A success clears
 * the count of that user from that address. The counts live in this instance's memory.
 */
@Component
@Order(-200) // before Spring Security's filters, which check the password
class LoginThrottle extends OncePerRequestFilter {

  static final int PER_ACCOUNT = 5;
  static final int PER_ADDRESS = 20;
  static final Duration PAUSE = Duration.ofMinutes(15);

  /** Failures in a row, or in the window, and the pause they started (null while none). */
  private record Count(int failures, Instant since, Instant pausedUntil) {}

  private final ConcurrentHashMap<String, Count> accounts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Count> addresses = new ConcurrentHashMap<>();
  private final AuditLog audit;
  private Clock clock = Clock.systemUTC();

  @Autowired
  LoginThrottle(AuditLog audit) {
    this.audit = audit;
  }

  LoginThrottle(AuditLog audit, Clock clock) {
    this(audit);
    this.clock = clock;
  }

  /** The login form's POST, and the API's routes (HTTP Basic). */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath();
    return !(("POST".equals(request.getMethod()) && "/login".equals(path))
        || path.startsWith("/api/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    boolean api = request.getServletPath().startsWith("/api/");
    String username = api ? basicUser(request) : request.getParameter("username");
    Instant until = pausedUntil(address, username);
    if (until == null) {
      chain.doFilter(request, response);
    } else if (api) {
      response.setHeader(
          "Retry-After",
          Long.toString(Math.max(1, Duration.between(clock.instant(), until).toSeconds())));
      response.sendError(429);
    } else {
      response.sendRedirect(request.getContextPath() + "/login?paused");
    }
  }

  private static String basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              java.util.Base64.getDecoder().decode(header.substring(6).trim()),
              java.nio.charset.StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The end of the pause that refuses this login now, or null. */
  Instant pausedUntil(String address, String username) {
    Instant now = clock.instant();
    for (var count : new Count[] {addresses.get(address), accounts.get(key(address, username))}) {
      if (count != null && count.pausedUntil() != null && now.isBefore(count.pausedUntil())) {
        return count.pausedUntil();
      }
    }
    return null;
  }

  void failed(String address, String username) {
    Instant now = clock.instant();
    var pair =
        accounts.compute(
            key(address, username),
            (k, c) -> {
              if (c == null || c.pausedUntil() != null) {
                return new Count(1, now, null); // a pause that ended starts a new count
              }
              int n = c.failures() + 1;
              return new Count(n, c.since(), n >= PER_ACCOUNT ? now.plus(PAUSE) : null);
            });
    var all =
        addresses.compute(
            address,
            (k, c) -> {
              if (c == null || !now.isBefore(c.since().plus(PAUSE))) {
                return new Count(1, now, null);
              }
              int n = c.failures() + 1;
              return new Count(n, c.since(), n >= PER_ADDRESS ? c.since().plus(PAUSE) : null);
            });
    if (pair.failures() == PER_ACCOUNT) {
      audit.record(
          username,
          "login.paused",
          null,
          "logins from this address paused until " + pair.pausedUntil(),
          address);
    }
    if (all.failures() == PER_ADDRESS) {
      audit.record(
          "-",
          "login.paused",
          null,
          "all logins from this address paused until " + all.pausedUntil(),
          address);
    }
    if (accounts.size() > 100_000 || addresses.size() > 100_000) {
      forgetEnded(now);
    }
  }

  void succeeded(String address, String username) {
    accounts.remove(key(address, username));
  }

  /** After a password reset: the user's pauses end, from every address. */
  void forget(String username) {
    String suffix = "\n" + username.toLowerCase(Locale.ROOT);
    accounts.keySet().removeIf(k -> k.endsWith(suffix));
  }

  private void forgetEnded(Instant now) {
    accounts.values().removeIf(c -> !now.isBefore(c.since().plus(PAUSE.multipliedBy(2))));
    addresses.values().removeIf(c -> !now.isBefore(c.since().plus(PAUSE.multipliedBy(2))));
  }

  private static String key(String address, String username) {
    return address + "\n" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
  }
}
