package inkwell.site;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Site-wide settings every page, feed and sitemap needs.
 *
 * @param baseUrl the site's public URL without a trailing slash ({@code https://blog.example.com}),
 *     or empty when it is not known: then {@link #url} gives a path
 * @param author the author of posts that name none; empty when none is configured
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
    author = author == null ? "" : author.strip();
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(stylesheetPath, "stylesheetPath");
    if (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
  }

  /** True if a site author is configured. */
  public boolean hasAuthor() {
    return !author.isEmpty();
  }

  /** The configured site author, or {@code null}: pages and feeds then name no author. */
  public String authorOrNull() {
    return hasAuthor() ? author : null;
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
