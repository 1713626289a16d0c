package inkwell.site;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * API Gateway HTTP API (payload format 2.0) events as {@link SiteRequest}s, and {@link
 * SiteResponse}s as its responses (bodies base64-encoded, so gzipped bytes arrive intact). For
 * handlers that answer without Micronaut's HTTP adapter. Stateless.
 */
public final class ApiGatewayMessages {

  private ApiGatewayMessages() {}

  /** The path as sent: the request context's, else the raw path. */
  public static String path(APIGatewayV2HTTPEvent event) {
    if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null) {
      return event.getRequestContext().getHttp().getPath();
    }
    return event.getRawPath();
  }

  /**
   * @param cdnKey the key by which the CDN in front shows itself ({@link SiteConfig#getCdnKey}):
   *     only a request that carries it may name its origin in {@code X-Forwarded-Host} (see {@link
   *     SiteRequest#origin(String, String, String, String, String)})
   */
  public static SiteRequest request(APIGatewayV2HTTPEvent event, String cdnKey) {
    Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
    String method =
        event.getRequestContext() != null && event.getRequestContext().getHttp() != null
            ? event.getRequestContext().getHttp().getMethod()
            : "GET";
    String path = path(event);
    String query = event.getRawQueryString();
    return new SiteRequest(
        method.toUpperCase(Locale.ROOT),
        path == null ? "/" : path,
        query == null || query.isEmpty() ? null : query,
        header(headers, "accept-encoding"),
        header(headers, "if-none-match"),
        SiteRequest.origin(
            header(headers, "x-forwarded-proto"),
            header(headers, "host"),
            header(headers, "x-forwarded-host"),
            header(headers, SiteRequest.CDN_KEY_HEADER.toLowerCase(Locale.ROOT)),
            cdnKey));
  }

  public static APIGatewayV2HTTPResponse response(SiteResponse response) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(response.status())
        .withHeaders(response.headers())
        .withBody(Base64.getEncoder().encodeToString(response.body()))
        .withIsBase64Encoded(true)
        .build();
  }

  private static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
