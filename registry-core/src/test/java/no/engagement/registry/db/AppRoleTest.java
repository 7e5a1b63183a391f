package no.engagement.registry.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.engagement.registry.RegistryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's own connections can do what the registry does and no more: they are not
 * superuser, own none of the registry's tables, and cannot get around the audit log's protection.
 */
@RegistryTest
class AppRoleTest {

  @Autowired JdbcTemplate sql;
  @Autowired DatabaseServer server;

  @Test
  void theApplicationConnectsAsARoleThatIsNeitherSuperuserNorOwner() {
    if (server.embedded() == null) {
      return; // an external server's roles are its administrator's choice (README)
    }
    assertThat(sql.queryForObject("select current_user", String.class)).isEqualTo("registry_app");
    assertThat(
            sql.queryForObject(
                "select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles"
                    + " where rolname = current_user",
                Boolean.class))
        .isFalse();
    assertThat(
            sql.queryForObject(
                "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and c.relowner = current_user::regrole",
                Integer.class))
        .as("public tables the application owns")
        .isZero();
    assertThat(
            sql.queryForObject(
                "select tableowner from pg_tables where tablename = 'audit_event'", String.class))
        .isEqualTo("registry_owner");
  }

  @Test
  void itCannotTouchTheHostsFilesNorRewriteTheAuditLog() {
    if (server.embedded() == null) {
      return;
    }
    assertThatThrownBy(() -> sql.execute("copy (select 1) to '/tmp/registry-app-role-test'"))
        .rootCause()
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> sql.execute("alter table audit_event disable trigger all"))
        .rootCause()
        .hasMessageContaining("must be owner of table audit_event");
    assertThatThrownBy(() -> sql.update("update audit_event set detail = 'rewritten'"))
        .rootCause()
        .hasMessageContaining("permission denied for table audit_event");
    assertThatThrownBy(() -> sql.update("delete from audit_event"))
        .rootCause()
        .hasMessageContaining("permission denied for table audit_event");
    assertThatThrownBy(() -> sql.execute("set session_replication_role = replica"))
        .rootCause()
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> sql.update("delete from flyway_schema_history"))
        .rootCause()
        .hasMessageContaining("permission denied for table flyway_schema_history");
    // what the registry does need: read and add to the log, maintain its derived tables
    assertThat(sql.queryForObject("select count(*) >= 0 from audit_event", Boolean.class)).isTrue();
    sql.execute("analyze personnel_figure");
  }
}
