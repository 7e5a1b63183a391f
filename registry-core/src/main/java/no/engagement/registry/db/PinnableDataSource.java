package no.engagement.registry.db;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The pool, made aware of {@link PinnedSchema}: with a schema pinned, a connection searches it
 * before {@code public}, and its search_path is reset when it goes back to the pool. Unpinned
 * connections pass through untouched.
 */
class PinnableDataSource extends HikariDataSource {

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = super.getConnection();
    String schema = PinnedSchema.current();
    if (schema == null) {
      return c;
    }
    try (var s = c.createStatement()) {
      s.execute("set search_path to " + schema + ", public");
    } catch (SQLException e) {
      c.close();
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
                } finally {
                  c.close();
                }
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
