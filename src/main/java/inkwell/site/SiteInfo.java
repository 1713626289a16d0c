package inkwell.site;

import inkwell.storage.MenuLink;
import java.time.ZoneId;
import java.util.List;
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
 * @param menu the header's menu entries after Home, Tags, Archive and Feed, in order
 */
public record SiteInfo(
    String title,
    String description,
    String baseUrl,
    String author,
    String language,
    ZoneId zone,
    String stylesheetPath,
    List<MenuLink> menu) {

  /** Site settings with an empty menu. */
  public SiteInfo(
      String title,
      String description,
      String baseUrl,
      String author,
      String language,
      ZoneId zone,
      String stylesheetPath) {
    this(title, description, baseUrl, author, language, zone, stylesheetPath, List.of());
  }

  public SiteInfo {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(baseUrl, "baseUrl");
    author = author == null ? "" : author.strip();
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(stylesheetPath, "stylesheetPath");
    menu = List.copyOf(menu);
    if (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
  }

  /** True if a site author is configured. */
  /** This site, for a page in {@code language} (a multilingual blog's); itself for {@code null}. */
  public SiteInfo withLanguage(String language) {
    return language == null || language.equals(this.language)
        ? this
        : new SiteInfo(title, description, baseUrl, author, language, zone, stylesheetPath, menu);
  }

  public boolean hasAuthor() {
    return !author.isEmpty();
  }

  /** The configured site author, or {@code null}: pages and feeds then name no author. */
  public String authorOrNull() {
    return hasAuthor() ? author : null;
  }

  /** The same site reached at another base URL. */
  public SiteInfo withBaseUrl(String otherBaseUrl) {
    return new SiteInfo(
        title, description, otherBaseUrl, author, language, zone, stylesheetPath, menu);
  }

  /** The same site with {@code entries} in its header's menu. */
  public SiteInfo withMenu(List<MenuLink> entries) {
    return new SiteInfo(
        title, description, baseUrl, author, language, zone, stylesheetPath, entries);
  }

  /** The absolute URL of a site path ({@code /2024/hello/} to {@code https://.../2024/hello/}). */
  public String url(String path) {
    return baseUrl + (path.startsWith("/") ? path : "/" + path);
  }
}
