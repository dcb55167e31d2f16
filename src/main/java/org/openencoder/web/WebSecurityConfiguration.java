package org.openencoder.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
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
        .csrf(Customizer.withDefaults())
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
