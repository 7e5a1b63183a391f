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
 * Logins, failed logins and logouts go to the audit log; failed logins count towards the pauses of
 * {@link LoginThrottle}.
 */
@Component
class AuthenticationAudit implements LogoutHandler {

  private final AccountService accounts;
  private final LoginThrottle throttle;

  AuthenticationAudit(AccountService accounts, LoginThrottle throttle) {
    this.accounts = accounts;
    this.throttle = throttle;
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    String remote = remote(event.getAuthentication());
    accounts.loggedIn(event.getAuthentication().getName(), remote);
    if (remote != null) {
      throttle.succeeded(remote, event.getAuthentication().getName());
    }
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    String remote = remote(event.getAuthentication());
    if (remote != null) {
      throttle.failed(remote, event.getAuthentication().getName());
    }
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
