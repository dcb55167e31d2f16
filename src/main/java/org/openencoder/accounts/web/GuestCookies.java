package org.openencoder.accounts.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openencoder.accounts.MeteringProperties;
import org.openencoder.accounts.persistence.JdbcMeters;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The guest cookie: a random id and its HMAC-SHA256, so a guest cannot mint ids of its own or reset
 * its meter by editing the cookie (clearing it is caught by the per-IP meter). The key is {@code
 * openencoder.metering.cookie-key}, or one generated once and kept in PostgreSQL so that every node
 * signs and checks alike.
 */
@Component
class GuestCookies {

  static final String NAME = "oe_guest";
  private static final Duration LIFETIME = Duration.ofDays(400);

  private final JdbcMeters store;
  private final MeteringProperties properties;
  private volatile byte[] key;

  GuestCookies(JdbcMeters store, MeteringProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  /** The guest id of a validly signed cookie, if the request carries one. */
  Optional<String> read(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(c -> NAME.equals(c.getName()))
        .map(Cookie::getValue)
        .map(this::verified)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** The request's guest id, issuing a new signed cookie when it has none. */
  String readOrIssue(HttpServletRequest request, HttpServletResponse response) {
    Optional<String> existing = read(request);
    if (existing.isPresent()) {
      return existing.get();
    }
    String id = UUID.randomUUID().toString();
    ResponseCookie cookie =
        ResponseCookie.from(NAME, id + "." + sign(id))
            .path("/")
            .maxAge(LIFETIME)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .build();
    response.addHeader("Set-Cookie", cookie.toString());
    return id;
  }

  private Optional<String> verified(String value) {
    int dot = value.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String id = value.substring(0, dot);
    byte[] expected = sign(id).getBytes(StandardCharsets.US_ASCII);
    byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    // Constant-time comparison: timing must not reveal how much of a forged signature is right.
    return MessageDigest.isEqual(expected, given) ? Optional.of(id) : Optional.empty();
  }

  String sign(String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] tag = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(tag, 16));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private byte[] key() {
    byte[] current = key;
    if (current == null) {
      String configured = properties.cookieKey();
      if (configured != null && !configured.isBlank()) {
        current = configured.getBytes(StandardCharsets.UTF_8);
      } else {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        current = store.secret("guest-cookie-hmac", candidate);
      }
      key = current;
    }
    return current;
  }
}
