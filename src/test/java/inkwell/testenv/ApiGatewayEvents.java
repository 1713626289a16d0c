package inkwell.testenv;

import inkwell.support.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway HTTP API (payload format 2.0) request events as API Gateway sends them to a Lambda
 * function behind a {@code GET /{proxy+}} route: raw path and query, lower-case header names, the
 * request context with the method.
 */
public final class ApiGatewayEvents {

  private ApiGatewayEvents() {}

  public static String request(String method, String pathAndQuery, Map<String, String> headers) {
    int q = pathAndQuery.indexOf('?');
    String rawPath = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String rawQuery = q < 0 ? "" : pathAndQuery.substring(q + 1);
    Map<String, Object> lowerHeaders = new LinkedHashMap<>();
    lowerHeaders.put("host", "abc123.execute-api.us-east-1.amazonaws.com");
    lowerHeaders.put("user-agent", "Mozilla/5.0 (test)");
    lowerHeaders.put("x-forwarded-proto", "https");
    headers.forEach((k, v) -> lowerHeaders.put(k.toLowerCase(java.util.Locale.ROOT), v));
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("method", method);
    http.put("path", rawPath);
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", "203.0.113.9");
    http.put("userAgent", "Mozilla/5.0 (test)");
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("accountId", "123456789012");
    context.put("apiId", "abc123");
    context.put("domainName", "abc123.execute-api.us-east-1.amazonaws.com");
    context.put("domainPrefix", "abc123");
    context.put("http", http);
    context.put("requestId", "JKJaXmPLvHcESHA=");
    context.put("routeKey", rawPath.equals("/") ? "GET /" : "GET /{proxy+}");
    context.put("stage", "$default");
    context.put("time", "27/Nov/2026:08:00:00 +0000");
    context.put("timeEpoch", 1795766400000L);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "2.0");
    event.put("routeKey", context.get("routeKey"));
    event.put("rawPath", rawPath);
    event.put("rawQueryString", rawQuery);
    event.put("headers", lowerHeaders);
    Map<String, String> parameters = queryParameters(rawQuery);
    if (!parameters.isEmpty()) {
      event.put("queryStringParameters", parameters);
    }
    if (!rawPath.equals("/")) {
      event.put("pathParameters", Map.of("proxy", rawPath.substring(1)));
    }
    event.put("requestContext", context);
    event.put("isBase64Encoded", false);
    return Json.write(event);
  }

  /** Query parameters as API Gateway passes them: decoded, repeated values joined by commas. */
  static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      parameters.merge(name, value, (a, b) -> a + "," + b);
    }
    return parameters;
  }

  private static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
