package org.openencoder.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The JSON API reads no cookie: its callers authenticate with an API key in a header. Hiding the
 * cookies from everything after this filter keeps Spring Session from loading a member's session
 * from PostgreSQL (and recording an access to it) when a browser sends its cookie along: Spring
 * MVC's flash attributes look for a session on every request, whatever the security chain does.
 */
class CookielessApiFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public Cookie[] getCookies() {
            return null; // the servlet API's "no cookies"
          }
        },
        response);
  }
}
