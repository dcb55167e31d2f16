package org.openencoder.accounts.web;

import org.openencoder.accounts.AccountProperties;
import org.openencoder.accounts.Accounts;
import org.openencoder.accounts.SecurityEvents;
import org.openencoder.accounts.persistence.JdbcLoginThrottle;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login with a throttle: after {@code openencoder.accounts.login-failures} failures for
 * one email within the window, every attempt for it is refused, right password or not, until the
 * window ends. Known and unknown emails are throttled alike, so the throttle tells nothing either.
 */
class ThrottledLogin implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final JdbcLoginThrottle throttle;
  private final SecurityEvents events;
  private final AccountProperties properties;

  ThrottledLogin(
      AuthenticationProvider passwords,
      JdbcLoginThrottle throttle,
      SecurityEvents events,
      AccountProperties properties) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.events = events;
    this.properties = properties;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String email = Accounts.normalize(authentication.getName());
    String ip =
        authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : null;
    if (throttle.blocked(email, properties.loginFailures(), properties.loginWindow())) {
      events.record("LOGIN_THROTTLED", null, email, ip, null);
      throw new LockedException("Too many failed logins for this email");
    }
    try {
      Authentication result = passwords.authenticate(authentication);
      throttle.clear(email);
      events.record("LOGIN", null, email, ip, null);
      return result;
    } catch (BadCredentialsException e) {
      throttle.fail(email, properties.loginWindow());
      events.record("LOGIN_FAILED", null, email, ip, null);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
