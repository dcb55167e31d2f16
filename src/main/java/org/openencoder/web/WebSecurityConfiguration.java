package org.openencoder.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Code pages, browsing and the read-only API are public; a member's account page needs a login and
 * the admin pages the ADMINISTRATOR role (the accounts module). CSRF protection stays on for every
 * form that changes state; the content security policy allows only this site's own scripts and
 * styles.
 *
 * <p>The JSON API ({@code /api/v1/**}) has a chain of its own, stateless: it never reads or creates
 * a session (Spring Session keeps them in PostgreSQL, so a lookup is a query), keeps no request to
 * replay after a login, and has no login or logout. Its callers are tools that authenticate with an
 * API key in a header, which the accounts module checks and meters (its {@code
 * MeteringInterceptor}); no ambient credential (cookie) is honoured, so there is nothing a forged
 * cross-site request could ride on and CSRF tokens have nothing to protect (OWASP CSRF Prevention
 * Cheat Sheet: token-based, cookie-less APIs). The claim check API also accepts only JSON, JSON
 * Lines and CSV bodies, which a cross-site HTML form cannot send. The claim page's own form, under
 * {@code /claims}, keeps its token.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  /**
   * Headers for JSON answers as the OWASP REST Security Cheat Sheet lists them: no caching of
   * answers that may be metered, no sniffing, no framing; a policy that lets the JSON load nothing.
   */
  private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  // Not HttpSessionSecurityContextRepository: an API request's security context lives and dies
  // with the request.
  private static final SecurityContextRepository STATELESS_CONTEXT =
      new RequestAttributeSecurityContextRepository();

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/v1/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .securityContext(context -> context.securityContextRepository(STATELESS_CONTEXT))
        // Not even STATELESS session management: its filter still asks whether a requested
        // session id is valid, which would load the session for every request with a cookie.
        .sessionManagement(sessions -> sessions.disable())
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .httpBasic(basic -> basic.disable());
    return http.build();
  }

  /**
   * With Spring Security's observations off (application.properties), its filters are not wrapped
   * at all: {@code management.observations.enable.spring.security=false} alone only makes each
   * wrapper's observation a no-op, and the wrappers (two per filter, on every request) still cost
   * their calls. Setting the property to true brings the observations back.
   */
  @Bean
  @ConditionalOnProperty(
      name = "management.observations.enable.spring.security",
      havingValue = "false")
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** Before Spring Session's filter, so that it finds no session cookie on an API request. */
  @Bean
  FilterRegistrationBean<CookielessApiFilter> cookielessApi() {
    FilterRegistrationBean<CookielessApiFilter> registration =
        new FilterRegistrationBean<>(new CookielessApiFilter());
    registration.addUrlPatterns("/api/v1/*");
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
    return registration;
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(
      HttpSecurity http,
      AuthenticationSuccessHandler loginSucceeded,
      AuthenticationFailureHandler loginFailed)
      throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/admin/**")
                    .hasRole("ADMINISTRATOR")
                    .requestMatchers("/account", "/account/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; "
                                    + "img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                                    + "frame-ancestors 'none'; form-action 'self'"))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy
                                    .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
        .formLogin(
            form ->
                form.loginPage("/login")
                    .usernameParameter("email")
                    .successHandler(loginSucceeded)
                    .failureHandler(loginFailed)
                    .permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signed-out"))
        // A new session id on login (OWASP Session Management: renew the id on privilege change).
        .sessionManagement(sessions -> sessions.sessionFixation(f -> f.changeSessionId()))
        .httpBasic(basic -> basic.disable());
    return http.build();
  }
}
