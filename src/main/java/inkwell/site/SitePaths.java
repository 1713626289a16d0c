package inkwell.site;

import java.util.Set;

/**
 * Every URL path the site serves, in one place. Pages end with a slash ({@code /2024/hello/});
 * files do not ({@code /feed.xml}). The first segments listed in {@link #RESERVED} belong to the
 * site, so no post slug may start with one.
 */
public final class SitePaths {

  /** First path segments used by the site itself. */
  public static final Set<String> RESERVED =
      Set.of(
          "tags",
          "archive",
          "older",
          "newer",
          "api",
          "assets",
          "feed.xml",
          "atom.xml",
          "feed.json",
          "sitemap.xml",
          "robots.txt",
          "favicon.ico");

  /** The query parameter of a listing's cursor ({@code /?after=...}). */
  public static final String AFTER = "after";

  /** The query parameters of search ({@code /search?q=...&page=n}, {@code /api/search}). */
  public static final String QUERY = "q";

  public static final String PAGE = "page";

  /**
   * The query parameters that change a page. The site ignores every other one (tracking tags), so a
   * CDN in front keeps them out of its cache key (template.yaml's cache policy, checked by
   * CdnTemplateTest).
   */
  public static final Set<String> QUERY_PARAMETERS = Set.of(AFTER, QUERY, PAGE);

  public static final String HOME = "/";
  public static final String TAGS = "/tags/";
  public static final String ARCHIVE = "/archive/";
  public static final String RSS = "/feed.xml";
  public static final String ATOM = "/atom.xml";
  public static final String JSON_FEED = "/feed.json";
  public static final String SITEMAP = "/sitemap.xml";
  public static final String ROBOTS = "/robots.txt";

  /** The site's icon: the author's {@code favicon.ico} in the media, else the theme's. */
  public static final String FAVICON = "/favicon.ico";

  public static final String SEARCH = "/search";
  public static final String API_SEARCH = "/api/search";

  private SitePaths() {}

  public static String post(String slug) {
    return "/" + slug + "/";
  }

  public static String tag(String tagSlug) {
    return TAGS + tagSlug + "/";
  }

  /** {@code /archive/2024/} for {@code month == 0}, else {@code /archive/2024/08/}. */
  public static String archive(int year, int month) {
    return month == 0
        ? String.format("%s%04d/", ARCHIVE, year)
        : String.format("%s%04d/%02d/", ARCHIVE, year, month);
  }

  /** Redirects to the post published just before {@code slug}. */
  public static String older(String slug) {
    return "/older/" + slug + "/";
  }

  /** Redirects to the post published just after {@code slug}. */
  public static String newer(String slug) {
    return "/newer/" + slug + "/";
  }

  /** A listing page after the first: the same path with the cursor of the page before. */
  public static String page(String path, String cursor) {
    return path + "?" + AFTER + "=" + cursor;
  }

  /** The {@code n}-th sitemap (1-based) when there are more than 50,000 URLs. */
  /** A page of search results, at {@code path} ({@link #SEARCH} or {@link #API_SEARCH}). */
  public static String search(String path, String query, int page) {
    String q = java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
    return path + "?" + QUERY + "=" + q + (page > 1 ? "&" + PAGE + "=" + page : "");
  }

  public static String sitemapPage(int n) {
    return "/sitemap-" + n + ".xml";
  }
}
