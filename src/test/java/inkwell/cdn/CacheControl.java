package inkwell.cdn;

import java.util.Locale;

/**
 * A response's {@code Cache-Control} as a shared cache reads it (RFC 9111, 5.2.2; RFC 5861):
 * whether it may be stored, for how long it is fresh ({@code s-maxage}, else {@code max-age}), and
 * how long after that it may still be served while the cache fetches a new copy ({@code
 * stale-while-revalidate}). {@code no-store}, {@code private} and {@code no-cache} keep it out of
 * the cache; a response without the header gets the cache's default time to live (the template's
 * cache policy: 0).
 *
 * @param storable whether a shared cache may keep the response at all
 * @param freshSeconds how long it is served without asking the origin
 * @param staleSeconds how long after that it is served while the cache refreshes it
 */
public record CacheControl(boolean storable, long freshSeconds, long staleSeconds) {

  public static final CacheControl NOT_STORED = new CacheControl(false, 0, 0);

  /** {@code header} as a shared cache with {@code defaultTtlSeconds} reads it. */
  public static CacheControl parse(String header, long defaultTtlSeconds) {
    if (header == null || header.isBlank()) {
      return defaultTtlSeconds > 0 ? new CacheControl(true, defaultTtlSeconds, 0) : NOT_STORED;
    }
    long maxAge = -1;
    long sharedMaxAge = -1;
    long stale = 0;
    for (String part : header.toLowerCase(Locale.ROOT).split(",")) {
      String directive = part.strip();
      String name =
          directive.contains("=") ? directive.substring(0, directive.indexOf('=')) : directive;
      String value = directive.contains("=") ? directive.substring(directive.indexOf('=') + 1) : "";
      switch (name.strip()) {
        case "no-store", "private", "no-cache" -> {
          return NOT_STORED;
        }
        case "max-age" -> maxAge = seconds(value);
        case "s-maxage" -> sharedMaxAge = seconds(value);
        case "stale-while-revalidate" -> stale = Math.max(0, seconds(value));
        default -> {}
      }
    }
    long fresh = sharedMaxAge >= 0 ? sharedMaxAge : maxAge;
    if (fresh < 0) {
      return defaultTtlSeconds > 0 ? new CacheControl(true, defaultTtlSeconds, stale) : NOT_STORED;
    }
    return new CacheControl(true, fresh, stale);
  }

  private static long seconds(String value) {
    try {
      return Long.parseLong(value.strip().replace("\"", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
