package no.engagement.registry.account.web;

import no.engagement.registry.account.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a start with no enabled admin, creates user {@code admin}: with REGISTRY_ADMIN_PASSWORD when
 * set, else with a random password printed once to the log.
 */
@Component
class FirstAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  private final AccountService accounts;
  private final String configured;

  FirstAdmin(AccountService accounts, @Value("${REGISTRY_ADMIN_PASSWORD:}") String configured) {
    this.accounts = accounts;
    this.configured = configured;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!configured.isEmpty() && configured.length() < AccountService.MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException(
          "REGISTRY_ADMIN_PASSWORD must have at least "
              + AccountService.MIN_PASSWORD_LENGTH
              + " characters");
    }
    accounts
        .ensureAdmin(configured)
        .ifPresent(
            password -> {
              if (password.isEmpty()) {
                log.info("Created user 'admin' with the password in REGISTRY_ADMIN_PASSWORD.");
              } else {
                log.warn(
                    "Created user 'admin' with the password {} (shown this once; log in at /login"
                        + " and keep it, or set REGISTRY_ADMIN_PASSWORD before the first start)",
                    password);
              }
            });
  }
}
