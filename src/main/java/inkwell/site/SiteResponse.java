package inkwell.site;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A complete HTTP response: status, headers (Content-Type included) and body bytes, ready for any
 * server or the Lambda adapter to send as they are.
 */
public record SiteResponse(int status, Map<String, String> headers, byte[] body) {

  public SiteResponse {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  public static SiteResponse of(int status, String contentType, String body) {
    return new SiteResponse(
        status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
  }

  public static SiteResponse redirect(int status, String location) {
    return new SiteResponse(status, Map.of("Location", location), new byte[0]);
  }

  public String header(String name) {
    for (Map.Entry<String, String> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  public SiteResponse withHeaders(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putAll(more);
    return new SiteResponse(status, all, body);
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
