package org.openencoder.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client: keeps its cookies, reads the CSRF token of the page it loaded, and
 * posts forms with it the way a browser would.
 */
public final class SiteClient {

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  public SiteClient() {
    http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public CookieManager cookies() {
    return cookies;
  }

  public HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  public HttpResponse<String> get(String url, String header, String value) {
    return send(HttpRequest.newBuilder(URI.create(url)).header(header, value).GET().build());
  }

  /** Loads {@code formPage}, then posts the fields to {@code action} with the page's CSRF token. */
  public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
    HttpResponse<String> page = get(formPage);
    Matcher token = CSRF.matcher(page.body());
    if (!token.find()) {
      throw new IllegalStateException("No CSRF token on " + formPage);
    }
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    withToken.put("_csrf", token.group(1) != null ? token.group(1) : token.group(2));
    return post(action, withToken);
  }

  /** Posts the fields as they are: no CSRF token unless the caller put one in. */
  public HttpResponse<String> post(String url, Map<String, String> fields) {
    String form =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
