package no.engagement.registry.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log (table audit_event, V4): logins, failed logins, logouts, user and role
 * changes, imports, reverts and releases. Each event is also written to the application log, with
 * control characters escaped so a user name cannot forge a log line.
 */
@Service
public class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  public static final int PAGE_SIZE = 100;

  /**
   * What is kept of a name (actor, subject, address) and of a detail: a failed login may send a
   * user name of any length, and the log is append-only. The rest is cut, marked with an ellipsis.
   */
  static final int NAME_LIMIT = 100;

  static final int DETAIL_LIMIT = 2000;

  private final AuditQueries queries;

  AuditLog(AuditQueries queries) {
    this.queries = queries;
  }

  /**
   * Records an event in the caller's transaction, so an action and its audit row commit or roll
   * back together.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void record(
      String actor,
      String action,
      @Nullable String subject,
      @Nullable String detail,
      @Nullable String remote) {
    actor = stored(actor, NAME_LIMIT);
    subject = stored(subject, NAME_LIMIT);
    detail = stored(detail, DETAIL_LIMIT);
    remote = stored(remote, NAME_LIMIT);
    queries.insert(actor, action, subject, detail, remote);
    if (log.isInfoEnabled()) {
      log.info(
          "audit actor={} action={} subject={} detail={} remote={}",
          safe(actor),
          safe(action),
          safe(subject),
          safe(detail),
          safe(remote));
    }
  }

  /**
   * Newest first: the page of events with ids below {@code before} (Long.MAX_VALUE for the first).
   */
  @Transactional(readOnly = true)
  public List<AuditEvent> page(long before) {
    return queries.page(before, PAGE_SIZE);
  }

  /**
   * A value as the log keeps it: NUL (which PostgreSQL's text cannot hold) escaped as {@code
   * \\u0000}, cut to {@code limit} characters (an ellipsis marks a cut) without splitting a
   * surrogate pair.
   */
  @Contract("null, _ -> null; !null, _ -> !null")
  static @Nullable String stored(@Nullable String s, int limit) {
    if (s == null) {
      return null;
    }
    s = s.replace("\0", "\\u0000");
    if (s.length() <= limit) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(limit - 2)) ? limit - 2 : limit - 1;
    return s.substring(0, end) + "…";
  }

  /** Escapes CR, LF, other control characters and backslashes: one event, one log line. */
  static String safe(@Nullable String s) {
    if (s == null) {
      return "-";
    }
    var b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\\' -> b.append("\\\\");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
