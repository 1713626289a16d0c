package inkwell.site;

import java.util.Objects;

/**
 * What the site needs to know about a request, independent of the server in front of it.
 *
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string as sent, or {@code null}
 * @param acceptEncoding the {@code Accept-Encoding} header, or {@code null}
 * @param ifNoneMatch the {@code If-None-Match} header, or {@code null}
 */
public record SiteRequest(
    String method, String rawPath, String rawQuery, String acceptEncoding, String ifNoneMatch) {

  public SiteRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
  }

  public static SiteRequest get(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0
        ? new SiteRequest("GET", pathAndQuery, null, null, null)
        : new SiteRequest(
            "GET", pathAndQuery.substring(0, q), pathAndQuery.substring(q + 1), null, null);
  }

  public boolean isHead() {
    return method.equals("HEAD");
  }
}
