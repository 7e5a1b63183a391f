package no.engagement.registry.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PostgreSQL the registry talks to, with the embedded server it owns, if any. */
public record DatabaseServer(
    String jdbcUrl, String user, String password, EmbeddedPostgres embedded)
    implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

  public static DatabaseServer open(RegistryProperties properties) {
    var db = properties.db();
    if (db.external()) {
      log.info("Using the external PostgreSQL at {}", db.url());
      return new DatabaseServer(db.url(), db.user(), db.password(), null);
    }
    var pg = EmbeddedPostgres.start(properties.dataDir(), db.port()).stoppedByOwner();
    pg.createDatabaseIfMissing(db.name());
    return new DatabaseServer(pg.jdbcUrl(db.name()), EmbeddedPostgres.SUPERUSER, "", pg);
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
