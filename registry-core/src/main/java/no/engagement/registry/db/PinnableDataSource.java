package no.engagement.registry.db;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The pool, made aware of {@link PinnedSchema}: with a schema pinned, a connection searches it
 * before {@code public}, and its search_path is reset when it goes back to the pool. Unpinned
 * connections pass through untouched. A connection whose search_path cannot be set or reset is
 * evicted, never handed out again; no path out of {@link #getConnection()} keeps it.
 */
class PinnableDataSource extends HikariDataSource {

  private final java.util.concurrent.atomic.AtomicLong handedOut =
      new java.util.concurrent.atomic.AtomicLong();

  /** How many connections this pool has handed out since it started. */
  long handedOut() {
    return handedOut.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = super.getConnection();
    handedOut.incrementAndGet();
    String schema = PinnedSchema.current();
    if (schema == null) {
      return c;
    }
    try (var s = c.createStatement()) {
      s.execute("set search_path to " + schema + ", public");
    } catch (SQLException | RuntimeException | Error e) {
      // whatever failed, the connection goes: not back to the pool in an unknown state
      evictConnection(c);
      throw e;
    }
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                try (var s = c.createStatement()) {
                  s.execute("reset search_path");
                } catch (SQLException | RuntimeException e) {
                  evictConnection(c); // its search_path cannot be trusted: never reused
                  return null;
                }
                c.close();
                return null;
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
