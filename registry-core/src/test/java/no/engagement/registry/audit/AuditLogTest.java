package no.engagement.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit log is append-only for the role the registry connects as, and safe to log. */
@RegistryTest
class AuditLogTest {

  @Autowired AuditLog audit;
  @Autowired JdbcTemplate sql;

  @Test
  void eventsAreWrittenAndCanBeNeitherChangedNorDeleted() {
    audit.record("tester", "user.created", "someone", "role editor", "10.0.0.1");
    long id = sql.queryForObject("select max(id) from audit_event", Long.class);
    assertThat(
            sql.queryForMap(
                "select actor, action, subject, remote from audit_event where id = ?", id))
        .containsEntry("actor", "tester")
        .containsEntry("action", "user.created")
        .containsEntry("subject", "someone")
        .containsEntry("remote", "10.0.0.1");
    assertThatThrownBy(
            () -> sql.update("update audit_event set actor = 'mallory' where id = ?", id))
        .rootCause()
        // the application's role has no right to it; its owner meets the append-only trigger
        .hasMessageMatching(".*(append-only|permission denied for table audit_event).*");
    assertThatThrownBy(() -> sql.update("delete from audit_event where id = ?", id))
        .rootCause()
        // the application's role has no right to it; its owner meets the append-only trigger
        .hasMessageMatching(".*(append-only|permission denied for table audit_event).*");
    assertThatThrownBy(() -> sql.update("truncate audit_event"))
        .rootCause()
        // the application's role has no right to it; its owner meets the append-only trigger
        .hasMessageMatching(".*(append-only|permission denied for table audit_event).*");
    assertThat(sql.queryForObject("select actor from audit_event where id = ?", String.class, id))
        .isEqualTo("tester");
    assertThat(audit.page(Long.MAX_VALUE)).first().extracting(AuditEvent::id).isEqualTo(id);
  }

  @Test
  void aUserNameCannotForgeALogLine() {
    assertThat(AuditLog.safe("eve\n2026-11-23 INFO audit actor=admin action=login"))
        .isEqualTo("eve\\n2026-11-23 INFO audit actor=admin action=login")
        .doesNotContain("\n");
    assertThat(AuditLog.safe("a\r\u2028b\u0000\\")).isEqualTo("a\\r\\u2028b\\u0000\\\\");
    assertThat(AuditLog.safe(null)).isEqualTo("-");
  }
}
