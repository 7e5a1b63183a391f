package no.engagement.registry.account;

import static no.engagement.registry.jooq.Tables.ACCOUNT;
import static org.jooq.Records.mapping;

import java.util.List;
import java.util.Optional;
import no.engagement.registry.jooq.enums.AccountRole;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The account feature's only door to the database. */
@Repository
class AccountQueries {

  private final DSLContext dsl;

  AccountQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Every column of an account, as the record reads them. */
  private org.jooq.SelectJoinStep<
          org.jooq.Record8<
              Long,
              String,
              String,
              String,
              Boolean,
              Integer,
              java.time.OffsetDateTime,
              java.time.OffsetDateTime>>
      accounts() {
    return dsl.select(
            ACCOUNT.ID,
            ACCOUNT.USERNAME,
            ACCOUNT.PASSWORD_HASH,
            ACCOUNT.ROLE.cast(String.class),
            ACCOUNT.ENABLED,
            ACCOUNT.FAILED_LOGINS,
            ACCOUNT.LOCKED_UNTIL,
            ACCOUNT.CREATED_AT)
        .from(ACCOUNT);
  }

  Optional<Account> find(String username) {
    return accounts().where(ACCOUNT.USERNAME.eq(username)).fetchOptional(mapping(Account::new));
  }

  List<Account> all() {
    return accounts().orderBy(ACCOUNT.USERNAME).fetch(mapping(Account::new));
  }

  boolean anyAdmin() {
    return dsl.fetchExists(ACCOUNT, ACCOUNT.ROLE.eq(AccountRole.admin).and(ACCOUNT.ENABLED));
  }

  boolean exists(String username) {
    return dsl.fetchExists(ACCOUNT, ACCOUNT.USERNAME.eq(username));
  }

  void insert(String username, String passwordHash, String role) {
    dsl.insertInto(ACCOUNT)
        .set(ACCOUNT.USERNAME, username)
        .set(ACCOUNT.PASSWORD_HASH, passwordHash)
        .set(ACCOUNT.ROLE, AccountRole.lookupLiteral(role))
        .execute();
  }

  int setRole(String username, String role) {
    return dsl.update(ACCOUNT)
        .set(ACCOUNT.ROLE, AccountRole.lookupLiteral(role))
        .where(ACCOUNT.USERNAME.eq(username))
        .execute();
  }

  int setEnabled(String username, boolean enabled) {
    return dsl.update(ACCOUNT)
        .set(ACCOUNT.ENABLED, enabled)
        .where(ACCOUNT.USERNAME.eq(username))
        .execute();
  }

  int setPassword(String username, String passwordHash) {
    return dsl.update(ACCOUNT)
        .set(ACCOUNT.PASSWORD_HASH, passwordHash)
        .set(ACCOUNT.PASSWORD_SET_AT, DSL.currentOffsetDateTime())
        .set(ACCOUNT.FAILED_LOGINS, 0)
        .setNull(ACCOUNT.LOCKED_UNTIL)
        .where(ACCOUNT.USERNAME.eq(username))
        .execute();
  }

  void succeeded(String username) {
    dsl.update(ACCOUNT)
        .set(ACCOUNT.FAILED_LOGINS, 0)
        .setNull(ACCOUNT.LOCKED_UNTIL)
        .where(ACCOUNT.USERNAME.eq(username))
        .execute();
  }
}
