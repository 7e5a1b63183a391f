package no.engagement.registry.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private final AuditQueries queries;

  AuditLog(AuditQueries queries) {
    this.queries = queries;
  }

  /**
   * Records an event in the caller's transaction, so an action and its audit row commit or roll
   * back together.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void record(String actor, String action, String subject, String detail, String remote) {
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

  /** Escapes CR, LF, other control characters and backslashes: one event, one log line. */
  static String safe(String s) {
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
