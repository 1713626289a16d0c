package inkwell.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the site needs to know about a request, independent of the server in front of it.
 *
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string as sent, or {@code null}
 * @param acceptEncoding the {@code Accept-Encoding} header, or {@code null}
 * @param ifNoneMatch the {@code If-None-Match} header, or {@code null}
 * @param origin where the request was sent ({@code
 *     https://abc.execute-api.eu-west-1.amazonaws.com}, {@code http://127.0.0.1:3000}), from {@link
 *     #origin(String, String)}; {@code null} if unknown. The site's absolute URLs use it when no
 *     base URL is configured.
 */
public record SiteRequest(
    String method,
    String rawPath,
    String rawQuery,
    String acceptEncoding,
    String ifNoneMatch,
    String origin) {

  /** The header by which the CDN in front shows that a request came through it. */
  public static final String CDN_KEY_HEADER = "X-Inkwell-Cdn-Key";

  /** A host name, IPv4 or bracketed IPv6 address, and an optional port: nothing else. */
  private static final Pattern HOST =
      Pattern.compile(
          "(?:[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?|\\[[0-9a-f:.]{2,45}\\])(?::\\d{1,5})?");

  public SiteRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
  }

  /** A request whose origin is unknown. */
  public SiteRequest(
      String method, String rawPath, String rawQuery, String acceptEncoding, String ifNoneMatch) {
    this(method, rawPath, rawQuery, acceptEncoding, ifNoneMatch, null);
  }

  public static SiteRequest get(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0
        ? new SiteRequest("GET", pathAndQuery, null, null, null)
        : new SiteRequest(
            "GET", pathAndQuery.substring(0, q), pathAndQuery.substring(q + 1), null, null);
  }

  /**
   * The origin a request was sent to, from its {@code X-Forwarded-Proto} and {@code Host} headers,
   * as API Gateway and {@code sam local start-api} set them: {@code https} unless the forwarded
   * protocol says {@code http}. {@code null} when the host is missing or is not a plain host name
   * or address with an optional port, so that nothing a client makes up reaches a page.
   */
  public static String origin(String forwardedProto, String host) {
    if (host == null) {
      return null;
    }
    String name = host.strip().toLowerCase(Locale.ROOT);
    if (!HOST.matcher(name).matches()) {
      return null;
    }
    String scheme =
        forwardedProto != null && forwardedProto.strip().equalsIgnoreCase("http")
            ? "http"
            : "https";
    return scheme + "://" + name;
  }

  /**
   * As {@link #origin(String, String)}, with the host from {@code X-Forwarded-Host} instead of
   * {@code Host} when the request comes from the CDN ({@link #fromCdn}) and the header is there:
   * behind the template's CDN, {@code Host} is the API's domain and the forwarded host, which the
   * CDN sets on every request, the one the reader asked for (one of the distribution's own domains:
   * CloudFront answers no other). Otherwise (the API called directly, {@code sam local start-api})
   * the {@code Host} counts, which API Gateway routes by and so never is made up.
   */
  public static String origin(
      String forwardedProto, String host, String forwardedHost, String keySent, String cdnKey) {
    return origin(
        forwardedProto, fromCdn(keySent, cdnKey) && forwardedHost != null ? forwardedHost : host);
  }

  /**
   * Whether a request came through the CDN: it carries the configured, non-empty key ({@link
   * SiteConfig#getCdnKey}) as {@value #CDN_KEY_HEADER}. Compared in constant time.
   */
  public static boolean fromCdn(String keySent, String cdnKey) {
    if (cdnKey == null || cdnKey.isBlank() || keySent == null) {
      return false;
    }
    return MessageDigest.isEqual(
        keySent.strip().getBytes(StandardCharsets.UTF_8),
        cdnKey.strip().getBytes(StandardCharsets.UTF_8));
  }

  public boolean isHead() {
    return method.equals("HEAD");
  }
}
