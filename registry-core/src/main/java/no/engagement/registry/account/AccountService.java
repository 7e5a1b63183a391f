package no.engagement.registry.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.engagement.registry.audit.AuditLog;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their roles. Every change is audited in its own transaction; the last enabled admin can
 * be neither disabled nor demoted, so the registry never locks its admins out.
 */
@Service
@Transactional
public class AccountService {

  public static final Set<String> ROLES = Set.of("editor", "admin");
  public static final int MIN_PASSWORD_LENGTH = 12;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccountQueries queries;
  private final AuditLog audit;
  private final PasswordEncoder encoder =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();

  AccountService(AccountQueries queries, AuditLog audit) {
    this.queries = queries;
    this.audit = audit;
  }

  public PasswordEncoder encoder() {
    return encoder;
  }

  @Transactional // on the primary: it must see what was just written (ReadReplica)
  public Optional<Account> find(String username) {
    return queries.find(username);
  }

  @Transactional // on the primary: it must see what was just written (ReadReplica)
  public List<Account> all() {
    return queries.all();
  }

  /**
   * On first start with no enabled admin: creates {@code admin} with the given password, or with a
   * random one. Empty when an admin existed; else present, holding the random password to be shown
   * once, or an empty string when the configured password was used.
   */
  public Optional<String> ensureAdmin(String configuredPassword) {
    if (queries.anyAdmin()) {
      return Optional.empty();
    }
    boolean random = configuredPassword == null || configuredPassword.isBlank();
    String password = random ? randomPassword() : configuredPassword;
    if (queries.exists("admin")) {
      queries.setRole("admin", "admin");
      queries.setEnabled("admin", true);
      queries.setPassword("admin", encoder.encode(password));
    } else {
      queries.insert("admin", encoder.encode(password), "admin");
    }
    audit.record(
        "system",
        "user.created",
        "admin",
        random ? "first admin, random password" : "first admin, REGISTRY_ADMIN_PASSWORD",
        null);
    return random ? Optional.of(password) : Optional.of("");
  }

  /** Adds a user; the problem (a message key) when the input is not acceptable. */
  public Optional<String> create(
      String actor, String remote, String username, String role, String password) {
    if (username == null || !username.matches("[a-z0-9._-]{2,40}")) {
      return Optional.of("account.error.username");
    }
    if (!ROLES.contains(role)) {
      return Optional.of("account.error.role");
    }
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      return Optional.of("account.error.password");
    }
    if (queries.exists(username)) {
      return Optional.of("account.error.exists");
    }
    queries.insert(username, encoder.encode(password), role);
    audit.record(actor, "user.created", username, "role " + role, remote);
    return Optional.empty();
  }

  public Optional<String> setRole(String actor, String remote, String username, String role) {
    if (!ROLES.contains(role)) {
      return Optional.of("account.error.role");
    }
    var account = queries.find(username);
    if (account.isEmpty()) {
      return Optional.of("account.error.unknown");
    }
    if (lastAdmin(account.get()) && !"admin".equals(role)) {
      return Optional.of("account.error.last.admin");
    }
    queries.setRole(username, role);
    audit.record(actor, "user.role", username, account.get().role() + " -> " + role, remote);
    return Optional.empty();
  }

  public Optional<String> setEnabled(
      String actor, String remote, String username, boolean enabled) {
    var account = queries.find(username);
    if (account.isEmpty()) {
      return Optional.of("account.error.unknown");
    }
    if (!enabled && lastAdmin(account.get())) {
      return Optional.of("account.error.last.admin");
    }
    queries.setEnabled(username, enabled);
    audit.record(actor, enabled ? "user.enabled" : "user.disabled", username, null, remote);
    return Optional.empty();
  }

  /** Sets a new random password and returns it, to be shown to the admin once. */
  public Optional<String> resetPassword(String actor, String remote, String username) {
    if (!queries.exists(username)) {
      return Optional.empty();
    }
    String password = randomPassword();
    queries.setPassword(username, encoder.encode(password));
    audit.record(actor, "user.password_reset", username, null, remote);
    return Optional.of(password);
  }

  /**
   * A failed login, audited (also for unknown names). Repeated failures are throttled by address in
   * the web layer, never by locking the account: a lock anyone can set locks its owner out.
   */
  public void loginFailed(String username, String remote, String reason) {
    audit.record(username == null ? "-" : username, "login.failed", null, reason, remote);
  }

  public void loggedIn(String username, String remote) {
    queries.succeeded(username);
    audit.record(username, "login", null, null, remote);
  }

  public void loggedOut(String username, String remote) {
    audit.record(username, "logout", null, null, remote);
  }

  private boolean lastAdmin(Account a) {
    return "admin".equals(a.role())
        && a.enabled()
        && queries.all().stream().filter(x -> "admin".equals(x.role()) && x.enabled()).count() == 1;
  }

  static String randomPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
