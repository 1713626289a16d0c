package inkwell.site;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Site-wide settings every page, feed and sitemap needs.
 *
 * @param baseUrl the site's public URL without a trailing slash ({@code https://blog.example.com}),
 *     or empty when it is not known: then {@link #url} gives a path
 * @param language a BCP 47 language tag for {@code <html lang>} and feeds ({@code en})
 * @param zone the time zone dates are shown in
 * @param stylesheetPath the path of the theme's stylesheet, fingerprinted for long caching
 */
public record SiteInfo(
    String title,
    String description,
    String baseUrl,
    String author,
    String language,
    ZoneId zone,
    String stylesheetPath) {

  public SiteInfo {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(stylesheetPath, "stylesheetPath");
    if (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
  }

  /** The same site reached at another base URL. */
  public SiteInfo withBaseUrl(String otherBaseUrl) {
    return new SiteInfo(title, description, otherBaseUrl, author, language, zone, stylesheetPath);
  }

  /** The absolute URL of a site path ({@code /2024/hello/} to {@code https://.../2024/hello/}). */
  public String url(String path) {
    return baseUrl + (path.startsWith("/") ? path : "/" + path);
  }
}
