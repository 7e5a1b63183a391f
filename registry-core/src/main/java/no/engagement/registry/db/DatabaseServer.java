package no.engagement.registry.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the registry talks to, with the embedded server it owns, if any.
 *
 * @param user the role the application connects as
 * @param ownerUser the role that owns the schema and runs the migrations: on the embedded server
 *     another role than {@code user}; on an external server the configured owner, or else the one
 *     configured user
 */
public record DatabaseServer(
    String jdbcUrl,
    String user,
    String password,
    String ownerUser,
    String ownerPassword,
    EmbeddedPostgres embedded)
    implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

  public static DatabaseServer open(RegistryProperties properties) {
    var db = properties.db();
    if (db.external()) {
      log.info("Using the external PostgreSQL at {}", db.url());
      boolean owner = db.ownerUser() != null && !db.ownerUser().isBlank();
      return new DatabaseServer(
          db.url(),
          db.user(),
          db.password(),
          owner ? db.ownerUser() : db.user(),
          owner ? db.ownerPassword() : db.password(),
          null);
    }
    var pg =
        EmbeddedPostgres.start(properties.dataDir(), db.port(), db.password()).stoppedByOwner();
    pg.prepareRegistryDatabase(db.name());
    String url = pg.jdbcUrl(db.name());
    return new DatabaseServer(
        url, EmbeddedPostgres.APP, pg.password(), EmbeddedPostgres.OWNER, pg.password(), pg);
  }

  /** Whether the application connects as another role than the schema's owner. */
  public boolean separateAppRole() {
    return !user.equals(ownerUser);
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
