package org.openencoder.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openencoder.accounts.persistence.JdbcAccounts;
import org.openencoder.accounts.persistence.JdbcApiKeys;
import org.openencoder.accounts.persistence.JdbcMeters;
import org.openencoder.accounts.persistence.JdbcSecurityEvents;
import org.openencoder.accounts.persistence.JdbcTokens;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration, email verification, password reset, profile and deletion. Answers never tell
 * whether an email has an account (OWASP Authentication Cheat Sheet, "Authentication and Error
 * Messages"): what differs goes only to the mailbox itself.
 */
@Service
public class Accounts {

  private static final String VERIFY = "VERIFY";
  private static final String RESET = "RESET";
  // Deliberately loose (RFC 5322 is looser still): the emailed link is the real check.
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  private final JdbcAccounts accounts;
  private final JdbcTokens tokens;
  private final JdbcApiKeys apiKeys;
  private final JdbcMeters meters;
  private final JdbcSecurityEvents eventStore;
  private final SecurityEvents events;
  private final PasswordEncoder passwords;
  private final Mailer mailer;
  private final AccountProperties properties;

  Accounts(
      JdbcAccounts accounts,
      JdbcTokens tokens,
      JdbcApiKeys apiKeys,
      JdbcMeters meters,
      JdbcSecurityEvents eventStore,
      SecurityEvents events,
      PasswordEncoder passwords,
      Mailer mailer,
      AccountProperties properties) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.apiKeys = apiKeys;
    this.meters = meters;
    this.eventStore = eventStore;
    this.events = events;
    this.passwords = passwords;
    this.mailer = mailer;
    this.properties = properties;
  }

  public static String normalize(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /** The meter an account's code-page views are counted on. */
  public static String meter(long accountId) {
    return "account:" + accountId;
  }

  /**
   * Registers an email, or answers an attempt to register a known one, with the same result for the
   * caller either way: a link in the mailbox. The password is hashed in every case so that the time
   * taken does not tell either.
   */
  @Transactional
  public void register(String email, String password, String siteUrl, String ip) {
    String normalized = normalize(email);
    Map<String, String> errors = new LinkedHashMap<>();
    if (!EMAIL.matcher(normalized).matches()) {
      errors.put("email", "Enter an email address like name@example.org");
    }
    passwordErrors(password, "password", errors);
    if (!errors.isEmpty()) {
      throw new InvalidAccountInput(errors);
    }
    String hash = passwords.encode(password);
    Optional<Account> existing = accounts.byEmail(normalized);
    if (existing.isEmpty()) {
      long id = accounts.insert(normalized, hash);
      sendVerification(id, normalized, siteUrl);
      events.record("REGISTERED", id, normalized, ip, null);
    } else if (!existing.get().verified()) {
      // The latest registration wins: whoever registered first without owning the mailbox cannot
      // keep a password on it, and only the mailbox gets the new link.
      long id = existing.get().id();
      accounts.setPassword(id, hash);
      tokens.voidUnused(id, VERIFY);
      sendVerification(id, normalized, siteUrl);
      events.record("REGISTERED_AGAIN", id, normalized, ip, "unverified account, new link sent");
    } else {
      mailer.send(
          normalized,
          "OpenEncoder: someone tried to register your address",
          "Someone (perhaps you) tried to register this address at OpenEncoder, which already"
              + " has an account.\n\nLog in: "
              + siteUrl
              + "/login\nForgot your password? "
              + siteUrl
              + "/password/forgot\n\nIf it was not you, you need do nothing.");
      events.record("REGISTER_EXISTING", existing.get().id(), normalized, ip, null);
    }
  }

  private void sendVerification(long id, String email, String siteUrl) {
    String token = issue(id, VERIFY, properties.verificationTtl().toSeconds());
    mailer.send(
        email,
        "OpenEncoder: verify your email",
        "Open this link to verify your email and finish registering:\n\n"
            + siteUrl
            + "/verify?token="
            + token
            + "\n\nThe link works once, for "
            + properties.verificationTtl().toHours()
            + " hours.");
  }

  private String issue(long accountId, String purpose, long ttlSeconds) {
    String token = Secrets.token();
    tokens.insert(Secrets.sha256(token), accountId, purpose, Instant.now().plusSeconds(ttlSeconds));
    return token;
  }

  /** Uses a verification link: the account is verified, once. Empty for a used/expired/bad one. */
  @Transactional
  public Optional<Account> verify(String token, String ip) {
    Optional<Long> id = consume(token, VERIFY, ip);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    accounts.markVerified(id.get());
    Account account = accounts.byId(id.get()).orElseThrow();
    events.record("VERIFIED", account.id(), account.email(), ip, null);
    if (properties.adminEmail() != null
        && normalize(properties.adminEmail()).equals(account.email())
        && !account.has(Role.ADMINISTRATOR)) {
      Set<Role> roles = EnumSet.of(Role.ADMINISTRATOR);
      roles.addAll(account.roles());
      accounts.setRoles(account.id(), roles);
      events.record(
          "ROLE_GRANTED", account.id(), account.email(), ip, "ADMINISTRATOR (admin-email)");
      account = accounts.byId(account.id()).orElseThrow();
    }
    return Optional.of(account);
  }

  /** Sends a reset link if the email has a verified account; the caller is told the same anyway. */
  @Transactional
  public void requestReset(String email, String siteUrl, String ip) {
    String normalized = normalize(email);
    Optional<Account> account = accounts.byEmail(normalized).filter(Account::verified);
    if (account.isEmpty()) {
      events.record("RESET_REQUESTED", null, null, ip, "no verified account for the email");
      return;
    }
    long id = account.get().id();
    tokens.voidUnused(id, RESET);
    String token = issue(id, RESET, properties.resetTtl().toSeconds());
    mailer.send(
        normalized,
        "OpenEncoder: reset your password",
        "Open this link to choose a new password:\n\n"
            + siteUrl
            + "/password/reset?token="
            + token
            + "\n\nThe link works once, for "
            + properties.resetTtl().toMinutes()
            + " minutes. If you did not ask, ignore this email: your password stays as it is.");
    events.record("RESET_REQUESTED", id, normalized, ip, null);
  }

  /** Sets a new password with a reset link; empty if the link is used, expired or unknown. */
  @Transactional
  public Optional<Account> resetPassword(String token, String password, String ip) {
    Map<String, String> errors = new LinkedHashMap<>();
    passwordErrors(password, "password", errors);
    if (!errors.isEmpty()) {
      throw new InvalidAccountInput(errors);
    }
    Optional<Long> id = consume(token, RESET, ip);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    accounts.setPassword(id.get(), passwords.encode(password));
    // Following the link proves the mailbox, so an unverified account is verified by it too.
    accounts.markVerified(id.get());
    Account account = accounts.byId(id.get()).orElseThrow();
    events.record("PASSWORD_RESET", account.id(), account.email(), ip, null);
    return Optional.of(account);
  }

  @Transactional
  public void changePassword(long accountId, String current, String password, String ip) {
    Account account = accounts.byId(accountId).orElseThrow();
    Map<String, String> errors = new LinkedHashMap<>();
    String hash = accounts.passwordHash(account.email()).orElseThrow();
    if (current == null || !passwords.matches(current, hash)) {
      errors.put("current", "This is not your current password");
    }
    passwordErrors(password, "password", errors);
    if (!errors.isEmpty()) {
      throw new InvalidAccountInput(errors);
    }
    accounts.setPassword(accountId, passwords.encode(password));
    events.record("PASSWORD_CHANGED", accountId, account.email(), ip, null);
  }

  public void updateProfile(long accountId, String displayName) {
    String name = displayName == null ? "" : displayName.strip();
    if (name.length() > 100) {
      throw new InvalidAccountInput(Map.of("displayName", "Use at most 100 characters"));
    }
    accounts.setDisplayName(accountId, name.isEmpty() ? null : name);
  }

  /**
   * Deletes the account and its data: tokens, API keys, metered views; its audit events keep their
   * kind and time only. The password is asked again, so a left-open session cannot do it.
   */
  @Transactional
  public void delete(long accountId, String password, String ip) {
    Account account = accounts.byId(accountId).orElseThrow();
    String hash = accounts.passwordHash(account.email()).orElseThrow();
    if (password == null || !passwords.matches(password, hash)) {
      throw new InvalidAccountInput(Map.of("confirmPassword", "This is not your password"));
    }
    meters.forget(meter(accountId));
    accounts.delete(accountId);
    eventStore.forget(accountId);
    events.record("ACCOUNT_DELETED", accountId, null, ip, null);
  }

  /** Issues an API key, shown once: only its hash is kept. */
  public String issueApiKey(long accountId, String ip) {
    String key = "oe_" + Secrets.token();
    apiKeys.insert(Secrets.sha256(key), accountId, key.substring(0, 10));
    events.record("API_KEY_ISSUED", accountId, null, ip, key.substring(0, 10));
    return key;
  }

  public void revokeApiKey(long accountId, String prefix, String ip) {
    apiKeys.revoke(accountId, prefix);
    events.record("API_KEY_REVOKED", accountId, null, ip, prefix);
  }

  public List<String> apiKeys(long accountId) {
    return apiKeys.prefixes(accountId);
  }

  /** The verified account an API key belongs to. */
  public Optional<Account> byApiKey(String key) {
    return apiKeys.account(Secrets.sha256(key)).flatMap(accounts::byId).filter(Account::verified);
  }

  public Optional<Account> byEmail(String email) {
    return accounts.byEmail(normalize(email));
  }

  public Optional<Account> byId(long id) {
    return accounts.byId(id);
  }

  public List<Account> all() {
    return accounts.all();
  }

  public void setRoles(long accountId, Set<Role> roles, String by) {
    accounts.setRoles(accountId, roles);
    events.record("ROLES_CHANGED", accountId, null, null, roles + " by " + by);
  }

  /** The account of a link's token, using it up; a used, expired or unknown one is logged. */
  private Optional<Long> consume(String token, String purpose, String ip) {
    Optional<Long> id =
        token == null || token.isBlank()
            ? Optional.empty()
            : tokens.consume(Secrets.sha256(token), purpose);
    if (id.isEmpty()) {
      events.record("TOKEN_REFUSED", null, null, ip, purpose + " link used, expired or unknown");
    }
    return id;
  }

  private void passwordErrors(String password, String field, Map<String, String> errors) {
    if (password == null || password.length() < properties.minPasswordLength()) {
      errors.put(field, "Use at least " + properties.minPasswordLength() + " characters");
    } else if (password.length() > 128) {
      errors.put(field, "Use at most 128 characters");
    }
  }
}
