package org.openencoder.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Code pages, browsing and the read-only API are public. CSRF protection stays on for every form
 * that changes state; the content security policy allows only this site's own scripts and styles.
 *
 * <p>The claim check API ({@code /api/v1/claims/**}) is exempt from CSRF tokens: other tools call
 * it without a session, it changes no state and no cookie authenticates it, so a forged request
 * could gain nothing a direct one cannot; and it accepts only JSON, JSON Lines and CSV bodies,
 * which a cross-site HTML form cannot send without a CORS preflight (forms send url-encoded,
 * multipart or text/plain). The claim page's own form keeps its token.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  @Bean
  SecurityFilterChain web(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
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
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable());
    return http.build();
  }
}
