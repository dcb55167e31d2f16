package org.openencoder.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.openencoder.accounts.Account;
import org.openencoder.accounts.AccountProperties;
import org.openencoder.accounts.Accounts;
import org.openencoder.accounts.InvalidAccountInput;
import org.openencoder.accounts.Meters;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Registration, verification, login page, password reset and the member's own account page. */
@Controller
class AccountController {

  private final Accounts accounts;
  private final Meters meters;
  private final MemberSessions sessions;
  private final AccountProperties properties;

  AccountController(
      Accounts accounts, Meters meters, MemberSessions sessions, AccountProperties properties) {
    this.accounts = accounts;
    this.meters = meters;
    this.sessions = sessions;
    this.properties = properties;
  }

  @GetMapping("/login")
  String login() {
    return "accounts/login";
  }

  @GetMapping("/register")
  String registerForm() {
    return "accounts/register";
  }

  @PostMapping("/register")
  String register(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      accounts.register(email, password, siteUrl(), request.getRemoteAddr());
    } catch (InvalidAccountInput e) {
      return invalid(e, response, model.addAttribute("email", email), "accounts/register");
    }
    // The same page whether or not the email already had an account: only the mailbox knows.
    return notice(
        model,
        "Check your email",
        "We sent a link to "
            + Accounts.normalize(email)
            + ". Open it to finish registering; it works once, for "
            + properties.verificationTtl().toHours()
            + " hours.");
  }

  @GetMapping("/verify")
  String verify(
      @RequestParam(defaultValue = "") String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (accounts.verify(token, request.getRemoteAddr()).isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return notice(
          model,
          "This link does not work",
          "It was used already, has expired or was mistyped. Register again to get a new one.");
    }
    model.addAttribute("loginLink", true);
    return notice(model, "Email verified", "Your account is ready: log in to read code pages.");
  }

  @GetMapping("/password/forgot")
  String forgotForm() {
    return "accounts/forgot";
  }

  @PostMapping("/password/forgot")
  String forgot(
      @RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
    accounts.requestReset(email, siteUrl(), request.getRemoteAddr());
    return notice(
        model,
        "Check your email",
        "If "
            + Accounts.normalize(email)
            + " has an account, we sent it a link to choose a new password. It works once, for "
            + properties.resetTtl().toMinutes()
            + " minutes.");
  }

  @GetMapping("/password/reset")
  String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
    model.addAttribute("token", token);
    return "accounts/reset";
  }

  @PostMapping("/password/reset")
  String reset(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Account> account;
    try {
      account = accounts.resetPassword(token, password, request.getRemoteAddr());
    } catch (InvalidAccountInput e) {
      return invalid(e, response, model.addAttribute("token", token), "accounts/reset");
    }
    if (account.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return notice(
          model,
          "This link does not work",
          "It was used already, has expired or was mistyped. Ask for a new one.");
    }
    sessions.endAll(account.get().email());
    return "redirect:/login?reset";
  }

  @GetMapping("/account")
  String profile(Principal principal, Model model) {
    Account account = current(principal);
    model.addAttribute("account", account);
    model.addAttribute("quota", meters.quota(account));
    model.addAttribute("used", meters.usedThisPeriod(account));
    model.addAttribute("period", meters.properties().period().noun());
    model.addAttribute("apiKeys", accounts.apiKeys(account.id()));
    return "accounts/profile";
  }

  @PostMapping("/account/profile")
  String updateProfile(
      Principal principal,
      @RequestParam(defaultValue = "") String displayName,
      HttpServletResponse response,
      Model model) {
    Account account = current(principal);
    try {
      accounts.updateProfile(account.id(), displayName);
    } catch (InvalidAccountInput e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("errors", e.fieldErrors());
      return profile(principal, model);
    }
    return "redirect:/account";
  }

  @PostMapping("/account/password")
  String changePassword(
      Principal principal,
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Account account = current(principal);
    try {
      accounts.changePassword(account.id(), current, password, request.getRemoteAddr());
    } catch (InvalidAccountInput e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("errors", e.fieldErrors());
      return profile(principal, model);
    }
    return "redirect:/account?password-changed";
  }

  @PostMapping("/account/api-keys")
  String issueApiKey(Principal principal, HttpServletRequest request, Model model) {
    Account account = current(principal);
    model.addAttribute("newKey", accounts.issueApiKey(account.id(), request.getRemoteAddr()));
    return profile(principal, model);
  }

  @PostMapping("/account/api-keys/revoke")
  String revokeApiKey(
      Principal principal,
      @RequestParam(defaultValue = "") String prefix,
      HttpServletRequest request) {
    accounts.revokeApiKey(current(principal).id(), prefix, request.getRemoteAddr());
    return "redirect:/account";
  }

  @PostMapping("/account/delete")
  String delete(
      Principal principal,
      @RequestParam(defaultValue = "") String confirmPassword,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Account account = current(principal);
    try {
      accounts.delete(account.id(), confirmPassword, request.getRemoteAddr());
    } catch (InvalidAccountInput e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("errors", e.fieldErrors());
      return profile(principal, model);
    }
    new SecurityContextLogoutHandler().logout(request, response, null);
    sessions.endAll(account.email());
    return notice(
        model.addAttribute("signedIn", null),
        "Account deleted",
        "Your account and its data are gone.");
  }

  private Account current(Principal principal) {
    return accounts
        .byEmail(principal.getName())
        .orElseThrow(() -> new IllegalStateException("Signed in without an account"));
  }

  private String siteUrl() {
    String configured = properties.baseUrl();
    if (configured != null && !configured.isBlank()) {
      return configured.replaceAll("/+$", "");
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }

  private static String invalid(
      InvalidAccountInput e, HttpServletResponse response, Model model, String view) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("errors", e.fieldErrors());
    return view;
  }

  private static String notice(Model model, String title, String message) {
    model.addAttribute("title", title);
    model.addAttribute("message", message);
    model.addAttribute("errors", Map.of());
    return "accounts/notice";
  }
}
