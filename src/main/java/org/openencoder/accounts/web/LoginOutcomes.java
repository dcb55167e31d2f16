package org.openencoder.accounts.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openencoder.accounts.Accounts;
import org.openencoder.accounts.Meters;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After a login: the guest's views of this period become the member's, then back to the page that
 * asked for a login. After a failure: one message for a wrong email or password alike.
 */
@Component
class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  private final Accounts accounts;
  private final Meters meters;
  private final GuestCookies guests;
  private final AuthenticationSuccessHandler back =
      new SavedRequestAwareAuthenticationSuccessHandler();

  LoginOutcomes(Accounts accounts, Meters meters, GuestCookies guests) {
    this.accounts = accounts;
    this.meters = meters;
    this.guests = guests;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    guests
        .read(request)
        .ifPresent(
            guestId ->
                accounts
                    .byEmail(authentication.getName())
                    .ifPresent(a -> meters.adopt(guestId, a)));
    back.onAuthenticationSuccess(request, response, authentication);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String reason =
        exception instanceof LockedException
            ? "throttled"
            : exception instanceof DisabledException ? "unverified" : "error";
    response.sendRedirect(request.getContextPath() + "/login?" + reason);
  }
}
