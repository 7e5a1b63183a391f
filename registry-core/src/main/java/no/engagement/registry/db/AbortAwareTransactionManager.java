package no.engagement.registry.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's transaction manager, except that a transaction whose connection was aborted on purpose
 * (a download whose client went away: see CopyCsvTranscoder) is not rolled back: the server ended
 * it with the connection, and a rollback on a closed connection would only bury the cause under a
 * second exception. The pool discards such a connection.
 */
class AbortAwareTransactionManager extends JdbcTransactionManager {

  AbortAwareTransactionManager(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  protected void doRollback(DefaultTransactionStatus status) {
    if (status.getTransaction() instanceof JdbcTransactionObjectSupport tx
        && tx.hasConnectionHolder()
        && aborted(tx.getConnectionHolder().getConnection())) {
      return;
    }
    super.doRollback(status);
  }

  private static boolean aborted(Connection c) {
    try {
      return c.isWrapperFor(PGConnection.class)
          && ((Connection) c.unwrap(PGConnection.class)).isClosed();
    } catch (SQLException e) {
      return false;
    }
  }
}
