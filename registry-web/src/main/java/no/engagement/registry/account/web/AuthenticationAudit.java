package no.engagement.registry.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.engagement.registry.account.AccountService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Logins, failed logins and logouts go to the audit log; failed logins count towards the lock of
 * the account ({@link AccountService#LOCK_THRESHOLD} in a row lock it for a while).
 */
@Component
class AuthenticationAudit implements LogoutHandler {

  private final AccountService accounts;

  AuthenticationAudit(AccountService accounts) {
    this.accounts = accounts;
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    accounts.loggedIn(event.getAuthentication().getName(), remote(event.getAuthentication()));
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    accounts.loginFailed(
        event.getAuthentication().getName(),
        remote(event.getAuthentication()),
        event.getException().getClass().getSimpleName());
  }

  @Override
  public void logout(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    if (authentication != null) {
      accounts.loggedOut(authentication.getName(), request.getRemoteAddr());
    }
  }

  private static String remote(Authentication a) {
    return a.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
  }
}
