package no.engagement.registry.account.web;

import java.time.OffsetDateTime;
import java.util.Locale;
import no.engagement.registry.account.AccountService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Accounts from the database, with their one role; a locked or disabled account cannot log in. */
@Component
class AccountUserDetailsService implements UserDetailsService {

  private final AccountService accounts;

  AccountUserDetailsService(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    if (username.indexOf('\0') >= 0) {
      throw new UsernameNotFoundException("no such user"); // no name holds one
    }
    var a =
        accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    return User.withUsername(a.username())
        .password(a.passwordHash())
        .roles(a.role().toUpperCase(Locale.ROOT))
        .disabled(!a.enabled())
        .accountLocked(a.locked(OffsetDateTime.now()))
        .build();
  }
}
