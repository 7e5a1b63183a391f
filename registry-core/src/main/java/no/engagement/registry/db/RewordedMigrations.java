package no.engagement.registry.db;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Migrations whose comments were reworded after they ran (no statement changed): Flyway's checksum
 * covers comments too, so a database that ran the old wording would fail validation. Before
 * validating or migrating, the recorded checksum of exactly these versions is moved from the old
 * wording's to the new one's; any other difference still fails validation as it should.
 */
@Component
class RewordedMigrations implements Callback {

  /** A migration's version with the checksum of its old and of its new wording. */
  record Reworded(String version, int before, int after) {}

  static final List<Reworded> REWORDED =
      List.of(
          new Reworded("1", 216971700, -1988171992),
          new Reworded("2", 1219019450, 734293531),
          new Reworded("4", -822388736, -814373995));

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    var c = context.getConnection();
    try (var exists =
            c.prepareStatement("select to_regclass('flyway_schema_history') is not null");
        var rs = exists.executeQuery()) {
      if (!rs.next() || !rs.getBoolean(1)) {
        return; // a new database: nothing ran the old wording
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read Flyway's history", e);
    }
    try (var update =
        c.prepareStatement(
            "update flyway_schema_history set checksum = ? where version = ? and checksum = ?")) {
      for (var r : REWORDED) {
        update.setInt(1, r.after());
        update.setString(2, r.version());
        update.setInt(3, r.before());
        update.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update Flyway's history", e);
    }
  }

  @Override
  public String getCallbackName() {
    return "reworded-migrations";
  }
}
