package no.engagement.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pool exhaustion fails fast with the 503 page and recovers by itself. (The database stopped and
 * started again is tested on a separate registry process: RegistryLifecycleTest.)
 */
@RegistryWebTest
class DatabaseFaultTest {

  @LocalServerPort int port;
  @Autowired HikariDataSource pool;

  @Test
  void everyConnectionHasAStatementTimeoutSoNoRequestHangsForever() throws Exception {
    try (var c = pool.getConnection();
        var rs = c.createStatement().executeQuery("show statement_timeout")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("30s");
    }
    assertThat(pool.getConnectionTimeout())
        .as("ms a request waits for a connection")
        .isLessThanOrEqualTo(3000);
  }

  @Test
  void anExhaustedPoolIsA503WithinSecondsAndThePagesComeBack() throws Exception {
    var client = new WebClient(port);
    assertThat(client.get("/?lang=en").statusCode()).isEqualTo(200);
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
        held.add(pool.getConnection());
      }
      long t0 = System.nanoTime();
      var page = client.get("/deployments?contributor=NOR");
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(seconds).as("answered within a few seconds").isLessThan(6);
      assertThat(page.headers().firstValue("Retry-After")).contains("10");
      assertThat(page.body())
          .contains("(503)", "The database cannot be reached just now")
          .doesNotContain("Exception", "HikariPool", "SQL", "at org.");
    } finally {
      for (var c : held) {
        c.close();
      }
    }
    assertThat(client.get("/deployments?contributor=NOR").statusCode()).isEqualTo(200);
  }
}
