package org.openencoder.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.openencoder.accounts.Account;
import org.openencoder.accounts.Accounts;
import org.openencoder.accounts.MeterReading;
import org.openencoder.accounts.Metered;
import org.openencoder.accounts.Meters;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place views are metered: handlers annotated {@link Metered}. A code page is counted after
 * its controller found the code (a mistyped code costs nothing) and before the view renders, which
 * then shows the reading and, past the quota, leaves the gated sections out. An API call is counted
 * before the controller runs, and refused with 429.
 */
class MeteringInterceptor implements HandlerInterceptor {

  static final String API_KEY_HEADER = "X-API-Key";

  private final Meters meters;
  private final Accounts accounts;
  private final GuestCookies guests;

  MeteringInterceptor(Meters meters, Accounts accounts, GuestCookies guests) {
    this.meters = meters;
    this.accounts = accounts;
    this.guests = guests;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    Metered metered = metered(handler);
    if (metered == null || metered.value() != Metered.Kind.CODE_API) {
      return true;
    }
    Map<String, String> path = pathVariables(request);
    Optional<Account> keyed = Optional.empty();
    String key = apiKey(request);
    if (key != null) {
      keyed = accounts.byApiKey(key);
      if (keyed.isEmpty()) {
        return refuse(response, HttpStatus.UNAUTHORIZED, "Unknown or revoked API key");
      }
    }
    boolean admitted =
        meters.apiCall(
            keyed,
            request.getRemoteAddr(),
            path.getOrDefault(metered.system(), ""),
            path.getOrDefault(metered.code(), ""));
    if (admitted) {
      return true;
    }
    if (keyed.isPresent()) {
      return refuse(
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "This API key's plan has used its code views for this "
              + meters.properties().period().noun()
              + "; a subscription removes the quota");
    }
    response.setHeader("Retry-After", String.valueOf(meters.properties().apiWindow().toSeconds()));
    return refuse(
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "Anonymous API calls are limited to "
            + meters.properties().apiRequestsPerIp()
            + " per "
            + meters.properties().apiWindow()
            + " per IP address; send an API key (header X-API-Key) from your account page");
  }

  @Override
  public void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      ModelAndView modelAndView) {
    Metered metered = metered(handler);
    if (metered == null
        || metered.value() != Metered.Kind.CODE_PAGE
        || modelAndView == null
        || response.getStatus() != HttpStatus.OK.value()) {
      return;
    }
    Map<String, String> path = pathVariables(request);
    Optional<Account> member = signedIn().flatMap(accounts::byEmail);
    String guestId = member.isPresent() ? null : guests.readOrIssue(request, response);
    MeterReading reading =
        meters.codePage(
            member,
            guestId,
            request.getRemoteAddr(),
            path.getOrDefault(metered.system(), ""),
            path.getOrDefault(metered.code(), ""));
    modelAndView.addObject("metering", reading);
  }

  static Optional<String> signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return Optional.of(authentication.getName());
  }

  private static String apiKey(HttpServletRequest request) {
    String header = request.getHeader(API_KEY_HEADER);
    if (header != null && !header.isBlank()) {
      return header.strip();
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).strip();
    }
    return null;
  }

  private static boolean refuse(HttpServletResponse response, HttpStatus status, String message)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    // The messages are fixed text without quotes or backslashes: no JSON escaping needed.
    response.getWriter().write("{\"status\":" + status.value() + ",\"error\":\"" + message + "\"}");
    return false;
  }

  private static Metered metered(Object handler) {
    return handler instanceof HandlerMethod method
        ? method.getMethodAnnotation(Metered.class)
        : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> pathVariables(HttpServletRequest request) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
  }
}
