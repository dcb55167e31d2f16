package org.openencoder.accounts.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openencoder.accounts.Account;
import org.openencoder.accounts.AccountProperties;
import org.openencoder.accounts.Accounts;
import org.openencoder.accounts.Plan;
import org.openencoder.accounts.Role;
import org.openencoder.accounts.SecurityEvents;
import org.openencoder.accounts.persistence.JdbcAccounts;
import org.openencoder.accounts.persistence.JdbcLoginThrottle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** How members authenticate: Argon2id password hashes, and who may log in. */
@Configuration(proxyBeanMethods = false)
class AccountSecurityConfiguration {

  /**
   * New hashes are Argon2id (OWASP Password Storage Cheat Sheet's first choice); the {id} prefix of
   * each stored hash lets bcrypt or PBKDF2 hashes still match if parameters or algorithms change.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new DelegatingPasswordEncoder(
        "argon2",
        Map.of(
            "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt", new BCryptPasswordEncoder(),
            "pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
  }

  /**
   * Session attributes are written with PostgreSQL's upsert: a member's parallel requests (tabs, or
   * two nodes) may add the same attribute at once, and a plain INSERT would fail all but one.
   */
  @Bean
  PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
    return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
  }

  @Bean
  ThrottledLogin throttledLogin(
      JdbcAccounts accounts,
      PasswordEncoder passwords,
      JdbcLoginThrottle throttle,
      SecurityEvents events,
      AccountProperties properties) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(members(accounts));
    provider.setPasswordEncoder(passwords);
    // Unverified accounts are refused only after the password matched: checked before it, the
    // refusal would tell anyone which emails are registered (no user enumeration).
    provider.setPreAuthenticationChecks(user -> {});
    provider.setPostAuthenticationChecks(
        user -> {
          if (!user.isEnabled()) {
            throw new DisabledException("Email not verified");
          }
        });
    return new ThrottledLogin(provider, throttle, events, properties);
  }

  private static UserDetailsService members(JdbcAccounts accounts) {
    return email -> {
      String normalized = Accounts.normalize(email);
      Account account =
          accounts.byEmail(normalized).orElseThrow(() -> new UsernameNotFoundException("unknown"));
      String hash = accounts.passwordHash(normalized).orElseThrow();
      return User.withUsername(account.email())
          .password(hash)
          .disabled(!account.verified())
          .authorities(authorities(account))
          .build();
    };
  }

  static List<GrantedAuthority> authorities(Account account) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_MEMBER"));
    if (account.plan() == Plan.SUBSCRIBER) {
      authorities.add(new SimpleGrantedAuthority("ROLE_SUBSCRIBER"));
    }
    for (Role role : account.roles()) {
      authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }
    return authorities;
  }
}
