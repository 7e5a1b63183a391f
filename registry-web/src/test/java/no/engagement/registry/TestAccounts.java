package no.engagement.registry;

import no.engagement.registry.account.AccountService;

/** The users the web tests log in as, created once through the real account service. */
public final class TestAccounts {

  public static final String ADMIN = "test-admin";
  public static final String EDITOR = "test-editor";
  public static final String PASSWORD = "correct-horse-battery";

  private TestAccounts() {}

  public static void ensure(AccountService accounts) {
    for (var user : new String[][] {{ADMIN, "admin"}, {EDITOR, "editor"}}) {
      if (accounts.find(user[0]).isEmpty()) {
        accounts.create("test", null, user[0], user[1], PASSWORD);
      }
    }
  }
}
