package no.engagement.registry.account;

import java.time.OffsetDateTime;

/** A registry user: editors import and revert, admins also manage users and publish releases. */
public record Account(
    long id,
    String username,
    String passwordHash,
    String role,
    boolean enabled,
    int failedLogins,
    OffsetDateTime lockedUntil,
    OffsetDateTime createdAt) {

  /** Locked now by failed logins. */
  public boolean lockedNow() {
    return locked(OffsetDateTime.now());
  }

  public boolean locked(OffsetDateTime now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
