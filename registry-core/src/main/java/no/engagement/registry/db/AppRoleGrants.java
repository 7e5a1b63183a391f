package no.engagement.registry.db;

import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * After every migration, gives the application's role ({@link EmbeddedPostgres#APP}) the rights it
 * needs on the tables the owner's migrations made: read and write rows, use sequences. What the
 * registry keeps append-only it may only read and add to: the audit log, releases and Flyway's
 * history it may never update, delete or truncate, and as it owns none of them it cannot disable
 * their triggers either. Nothing to do when the application connects as the owner (an external
 * server with one configured user).
 */
@Component
class AppRoleGrants implements Callback {

  private final DatabaseServer server;

  AppRoleGrants(DatabaseServer server) {
    this.server = server;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE && server.separateAppRole();
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    String app = server.user();
    try (var s = context.getConnection().createStatement()) {
      s.execute("grant usage on schema public to " + app);
      s.execute("grant select, insert, update, delete on all tables in schema public to " + app);
      s.execute("grant usage, select on all sequences in schema public to " + app);
      s.execute(
          "revoke update, delete, truncate on audit_event, release, release_file,"
              + " release_file_chunk from "
              + app);
      s.execute("revoke insert, update, delete, truncate on flyway_schema_history from " + app);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not grant the application's role its rights", e);
    }
  }

  @Override
  public String getCallbackName() {
    return "app-role-grants";
  }
}
