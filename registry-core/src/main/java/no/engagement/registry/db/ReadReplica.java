package no.engagement.registry.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * An optional read replica (REGISTRY_DB_READ_URL): a second pool, of read-only connections, which
 * Spring's {@link LazyConnectionDataSourceProxy} hands to read-only transactions ({@code
 * Transactional(readOnly = true)}: the public screens, CSV downloads, release files). Everything
 * that writes, and the reads that must see what was just committed (accounts and logins, the import
 * screens and their preview, uploads waiting for their commit, release jobs), run in read-write
 * transactions and so on the primary. Without a replica the primary's pool is used as it is.
 */
public final class ReadReplica implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

  private final PinnableDataSource primary;
  private final PinnableDataSource pool;

  private ReadReplica(PinnableDataSource primary, PinnableDataSource pool) {
    this.primary = primary;
    this.pool = pool;
  }

  static ReadReplica of(
      PinnableDataSource primary, RegistryProperties.Db db, DatabaseServer server) {
    if (db.readUrl() == null || db.readUrl().isBlank()) {
      return new ReadReplica(primary, null);
    }
    boolean ownUser = db.readUser() != null && !db.readUser().isBlank();
    var pool = new PinnableDataSource();
    pool.setJdbcUrl(db.readUrl());
    pool.setUsername(ownUser ? db.readUser() : server.user());
    pool.setPassword(ownUser ? db.readPassword() : server.password());
    pool.setPoolName("registry-read");
    pool.setReadOnly(true);
    pool.setMaximumPoolSize(primary.getMaximumPoolSize());
    pool.setConnectionTimeout(primary.getConnectionTimeout());
    pool.setValidationTimeout(primary.getValidationTimeout());
    pool.setConnectionInitSql(primary.getConnectionInitSql());
    pool.setInitializationFailTimeout(-1); // a replica that is away at start is not fatal
    log.info("Read-only transactions go to the replica at {}", db.readUrl());
    return new ReadReplica(primary, pool);
  }

  /** The DataSource the application uses. */
  DataSource route(HikariDataSource primaryPool) {
    if (pool == null) {
      return primaryPool;
    }
    var proxy = new LazyConnectionDataSourceProxy(primaryPool);
    proxy.setReadOnlyDataSource(pool);
    return proxy;
  }

  public boolean configured() {
    return pool != null;
  }

  /** Connections the primary's pool has handed out since the start. */
  public long primaryConnections() {
    return primary.handedOut();
  }

  /** Connections the replica's pool has handed out since the start (0 without a replica). */
  public long replicaConnections() {
    return pool == null ? 0 : pool.handedOut();
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
