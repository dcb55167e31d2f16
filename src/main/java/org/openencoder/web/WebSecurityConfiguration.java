package org.openencoder.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Code pages, browsing and the read-only API are public; a member's account page needs a login and
 * the admin pages the ADMINISTRATOR role (the accounts module). CSRF protection stays on for every
 * form that changes state; the content security policy allows only this site's own scripts and
 * styles.
 *
 * <p>The claim check API ({@code /api/v1/claims/**}) is exempt from CSRF tokens: other tools call
 * it without a session, and it changes no state, so a request forged with a member's session cookie
 * could only have a claim checked, and the same-origin policy keeps the answer from the forger; it
 * also accepts only JSON, JSON Lines and CSV bodies, which a cross-site HTML form cannot send
 * (forms send url-encoded, multipart or text/plain; a script needs a CORS preflight, which this
 * site does not grant). The claim page's own form keeps its token.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  @Bean
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
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/v1/claims/**"))
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
