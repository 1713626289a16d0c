package inkwell.site;

import inkwell.post.Hashes;
import inkwell.support.Gzip;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every response gets on its way out, whichever route made it: a strong ETag and a 304 for a
 * matching {@code If-None-Match}, {@code Cache-Control}, a {@code Date}, the security headers, gzip
 * when the client accepts it, and no body for HEAD.
 *
 * <p>What a cache may keep, by status (docs/READING.md, "Caching"): pages and feeds for {@code
 * s-maxage} in a CDN (then stale while revalidating), the fingerprinted stylesheet for a year, a
 * 301 for a day, a 404, 410 or 302 for {@link #BRIEF_SECONDS}, any other client error (400, 405,
 * 413, 414) only in the client's own cache, and a 5xx nowhere.
 */
final class HttpSemantics {

  /**
   * No script may run, styles and fonts come from the site, images, video and audio from anywhere
   * on https; forms (the search box) submit only to the site. {@code connect-src 'self'} lets the
   * page fetch the site's own files, which with no script allowed only the browser itself does
   * (Lighthouse reads {@code /robots.txt} that way; the preview's live reload listens so).
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' https:; media-src 'self' https:;"
          + " font-src 'self'; connect-src 'self'; "
          + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "strict-origin-when-cross-origin",
          "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
          "X-Frame-Options", "DENY",
          "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");

  /** How long a 404, 410 or 302 may be kept, by browsers and CDNs alike. */
  static final int BRIEF_SECONDS = 60;

  /** An HTTP date (RFC 9110, IMF-fixdate): {@code Tue, 01 Dec 2026 17:46:34 GMT}. */
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private static final int GZIP_MIN_BYTES = 860;
  private static final String GZIP_SUFFIX = "-gzip";

  private final SiteConfig config;
  private final Map<String, String> securityHeaders;
  private final Clock clock;

  /**
   * With {@code script} allowed on every page ({@code null}: no script, the public site); {@code
   * clock} dates the responses.
   */
  HttpSemantics(SiteConfig config, PageScript script, Clock clock) {
    this.clock = clock;
    Map<String, String> security = new LinkedHashMap<>(SECURITY_HEADERS);
    if (script != null) {
      security.put("Content-Security-Policy", script.allowIn(CONTENT_SECURITY_POLICY));
    }
    this.securityHeaders = Map.copyOf(security);
    this.config = config;
  }

  /** The entity tag of a response body: the first 128 bits of its SHA-256, in hex. */
  static String tagOf(SiteResponse response) {
    return Hashes.sha256Hex(response.body()).substring(0, 32);
  }

  SiteResponse finish(SiteRequest request, SiteResponse response, boolean immutable) {
    return finish(request, response, immutable, null, null);
  }

  /**
   * As {@link #finish(SiteRequest, SiteResponse, boolean)}, with the tag if already known, and the
   * time the page next changes by the clock (a scheduled post appears), if known: a shared cache
   * keeps a page until then at most.
   */
  SiteResponse finish(
      SiteRequest request,
      SiteResponse response,
      boolean immutable,
      String knownTag,
      Instant changesAt) {
    Map<String, String> headers = new LinkedHashMap<>(securityHeaders);
    Instant now = clock.instant();
    headers.put("Date", HTTP_DATE.format(now));
    headers.put("Cache-Control", cacheControl(response.status(), immutable, changesAt, now));
    headers.put("Vary", "Accept-Encoding");
    byte[] body = response.body();
    boolean cacheable =
        response.status() == 200 || response.status() == 404 || response.status() == 410;
    if (cacheable) {
      String tag = knownTag != null ? knownTag : tagOf(response);
      boolean gzip = acceptsGzip(request.acceptEncoding()) && body.length >= GZIP_MIN_BYTES;
      headers.put("ETag", "\"" + tag + (gzip ? GZIP_SUFFIX : "") + "\"");
      if (response.status() == 200 && matches(request.ifNoneMatch(), tag)) {
        headers.putAll(response.headers());
        headers.remove("Content-Type");
        return new SiteResponse(304, headers, new byte[0]);
      }
      if (gzip) {
        body = Gzip.compress(body);
        headers.put("Content-Encoding", "gzip");
      }
    }
    Map<String, String> all = new LinkedHashMap<>(response.headers());
    all.putAll(headers);
    all.put("Content-Length", Integer.toString(body.length));
    return new SiteResponse(response.status(), all, request.isHead() ? new byte[0] : body);
  }

  /** The {@code Cache-Control} of a response with {@code status}; see the class comment. */
  String cacheControl(int status, boolean immutable) {
    return cacheControl(status, immutable, null, clock.instant());
  }

  /**
   * As {@link #cacheControl(int, boolean)}; a page's {@code s-maxage} ends by {@code changesAt}
   * when that is sooner (at least one second), so that a CDN keeping pages for a day still shows a
   * scheduled post from its time on.
   */
  private String cacheControl(int status, boolean immutable, Instant changesAt, Instant now) {
    if (immutable) {
      return "public, max-age=31536000, immutable";
    }
    if (status == 200 || status == 304) {
      long browser = config.getMaxAge();
      long shared = config.getSharedMaxAge();
      if (changesAt != null && changesAt.isAfter(now)) {
        long untilThen = (Duration.between(now, changesAt).toMillis() + 999) / 1000;
        browser = Math.min(browser, untilThen);
        shared = Math.min(shared, untilThen);
      }
      return "public, max-age="
          + browser
          + ", s-maxage="
          + shared
          + ", stale-while-revalidate="
          + config.getStaleWhileRevalidate();
    }
    if (status == 301) {
      return "public, max-age=86400";
    }
    if (!shareable(status)) {
      // 400, 405, 413, 414: about this one request; 5xx: a moment's failure.
      return status >= 500 ? "no-store" : "private, no-store";
    }
    return "public, max-age=" + BRIEF_SECONDS + ", s-maxage=" + BRIEF_SECONDS;
  }

  /**
   * True if a response with {@code status} may be kept and served again to anyone: not a 5xx (a
   * moment's failure) and not a client error about one request (400, 405, 413, 414). The warm
   * render cache follows the same rule as CDNs.
   */
  static boolean shareable(int status) {
    return status < 400 || status == 404 || status == 410;
  }

  /** True if an {@code If-None-Match} value names {@code tag} (any encoding) or is {@code *}. */
  static boolean matches(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String value = candidate.strip();
      if (value.equals("*")) {
        return true;
      }
      if (value.startsWith("W/")) {
        value = value.substring(2);
      }
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      if (value.endsWith(GZIP_SUFFIX)) {
        value = value.substring(0, value.length() - GZIP_SUFFIX.length());
      }
      if (value.equals(tag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if {@code Accept-Encoding} accepts gzip with a non-zero quality: by name, or through
   * {@code *} when gzip is not named (RFC 9110, 12.5.3: {@code gzip;q=0, *} refuses gzip).
   */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    Double gzip = null;
    Double any = null;
    for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] pieces = part.strip().split(";");
      String coding = pieces[0].strip();
      if (!coding.equals("gzip") && !coding.equals("*")) {
        continue;
      }
      double quality = 1.0;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].strip();
        if (parameter.startsWith("q=")) {
          try {
            quality = Double.parseDouble(parameter.substring(2));
          } catch (NumberFormatException e) {
            quality = 0;
          }
        }
      }
      if (coding.equals("gzip")) {
        gzip = quality;
      } else {
        any = quality;
      }
    }
    Double quality = gzip != null ? gzip : any;
    return quality != null && quality > 0;
  }
}
