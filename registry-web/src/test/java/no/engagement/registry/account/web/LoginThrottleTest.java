package no.engagement.registry.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.UUID;
import no.engagement.registry.RegistryWebTest;
import no.engagement.registry.WebClient;
import no.engagement.registry.account.AccountService;
import no.engagement.registry.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failed logins pause logins where they come from, never the account everywhere: guessing from one
 * address stops there, while the owner logs in from theirs; a pause never grows longer; what a
 * failed login sends is audited, but only so much of it. The clients stand at their addresses by
 * X-Forwarded-For from the tests' trusted loopback.
 */
@RegistryWebTest
class LoginThrottleTest {

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired AuditLog audit;
  @Autowired LoginThrottle throttle;
  @Autowired JdbcTemplate sql;

  private String login(WebClient client, String address, String user, String password)
      throws Exception {
    var form = new LinkedHashMap<String, String>();
    form.put("username", user);
    form.put("password", password);
    form.put("_csrf", client.csrf("/login"));
    HttpResponse<String> response =
        client.send(
            client
                .request("/login")
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(form)))
                .build());
    String location = response.headers().firstValue("Location").orElse("");
    return location.substring(location.lastIndexOf('/'));
  }

  private int audited(String actor, String action) {
    return sql.queryForObject(
        "select count(*) from audit_event where actor = ? and action = ?",
        Integer.class,
        actor,
        action);
  }

  @Test
  void fiveFailuresPauseThatUserFromThatAddressOnlyAndThePauseNeverGrows() throws Exception {
    String user = "owner-" + UUID.randomUUID().toString().substring(0, 6);
    accounts.create("test", null, user, "editor", "the-right-password");
    var attacker = new WebClient(port);
    for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
      assertThat(login(attacker, "203.0.113.10", user, "a-wrong-password"))
          .isEqualTo("/login?error");
    }
    Instant until = throttle.pausedUntil("203.0.113.10", user);
    assertThat(until).isNotNull();
    assertThat(login(attacker, "203.0.113.10", user, "the-right-password"))
        .as("paused there: not even the right password is checked")
        .isEqualTo("/login?paused");
    for (int i = 0; i < 3; i++) {
      login(attacker, "203.0.113.10", user, "a-wrong-password");
    }
    assertThat(throttle.pausedUntil("203.0.113.10", user))
        .as("attempts during the pause do not extend it")
        .isEqualTo(until);
    assertThat(login(new WebClient(port), "198.51.100.20", user, "the-right-password"))
        .as("the owner, from their own address")
        .isEqualTo("/");
    assertThat(audited(user, "login.failed")).isEqualTo(LoginThrottle.PER_ACCOUNT);
    assertThat(audited(user, "login.paused")).isEqualTo(1);
    assertThat(accounts.find(user).orElseThrow().lockedNow())
        .as("the account is not locked")
        .isFalse();
  }

  @Test
  void manyFailuresFromOneAddressPauseEveryLoginFromThere() throws Exception {
    String user = "victim-" + UUID.randomUUID().toString().substring(0, 6);
    accounts.create("test", null, user, "editor", "the-right-password");
    var attacker = new WebClient(port);
    for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
      assertThat(login(attacker, "203.0.113.99", "guess-" + i, "x")).isEqualTo("/login?error");
    }
    assertThat(login(attacker, "203.0.113.99", user, "the-right-password"))
        .isEqualTo("/login?paused");
    assertThat(login(new WebClient(port), "198.51.100.99", user, "the-right-password"))
        .isEqualTo("/");
  }

  @Test
  void aPauseEndsFifteenMinutesAfterItBeganWhateverHappensMeanwhile() {
    var now = new Instant[] {Instant.parse("2026-12-07T10:00:00Z")};
    var clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    var t = new LoginThrottle(audit, clock);
    for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
      t.failed("192.0.2.1", "clocked-user");
    }
    assertThat(t.pausedUntil("192.0.2.1", "clocked-user"))
        .isEqualTo(Instant.parse("2026-12-07T10:15:00Z"));
    now[0] = now[0].plus(Duration.ofMinutes(14));
    assertThat(t.pausedUntil("192.0.2.1", "clocked-user"))
        .isEqualTo(Instant.parse("2026-12-07T10:15:00Z"));
    now[0] = now[0].plus(Duration.ofMinutes(1));
    assertThat(t.pausedUntil("192.0.2.1", "clocked-user")).isNull();
    t.failed("192.0.2.1", "clocked-user");
    assertThat(t.pausedUntil("192.0.2.1", "clocked-user"))
        .as("after a pause the count starts again")
        .isNull();
  }

  @Test
  void whatAFailedLoginSendsIsAuditedButOnlySoMuchOfIt() throws Exception {
    String longName = "L" + "o".repeat(100_000) + "ng";
    long before = sql.queryForObject("select pg_total_relation_size('audit_event')", Long.class);
    login(new WebClient(port), "192.0.2.50", longName, "x");
    var stored =
        sql.queryForObject(
            "select actor from audit_event where actor like 'Loooo%' order by id desc limit 1",
            String.class);
    assertThat(stored).hasSize(100).endsWith("…");
    String nul = "nul\0name";
    int earlier = audited("nul\\u0000name", "login.failed"); // by earlier runs on this database
    login(new WebClient(port), "192.0.2.51", nul, "x");
    assertThat(audited("nul\\u0000name", "login.failed"))
        .as("audited, the NUL escaped")
        .isEqualTo(earlier + 1);
    long after = sql.queryForObject("select pg_total_relation_size('audit_event')", Long.class);
    assertThat(after - before).as("bytes the two events took").isLessThan(64 * 1024);
  }
}
