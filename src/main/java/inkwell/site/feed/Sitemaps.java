package inkwell.site.feed;

import inkwell.site.SiteInfo;
import inkwell.site.SitePaths;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * Sitemaps (https://www.sitemaps.org/protocol.html) and robots.txt.
 *
 * <p>With up to {@link #MAX_URLS} URLs, {@code /sitemap.xml} lists them all. With more, it is a
 * sitemap index of {@code /sitemap-1.xml}, {@code /sitemap-2.xml}, ..., each listing the next
 * {@code MAX_URLS} URLs in the order given. A controller asks for one document by number:
 *
 * <pre>{@code
 * Optional<String> xml = Sitemaps.page(site, urls, 0); // /sitemap.xml
 * Optional<String> part = Sitemaps.page(site, urls, 2); // /sitemap-2.xml, or empty: a 404
 * }</pre>
 *
 * <p>Thread-safe: static methods without shared mutable state.
 */
public final class Sitemaps {

  /** The most URLs one sitemap may list (sitemaps.org). */
  public static final int MAX_URLS = 50_000;

  static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  private Sitemaps() {}

  /**
   * The sitemap document numbered {@code page}: 0 for {@code /sitemap.xml}, {@code n >= 1} for
   * {@link SitePaths#sitemapPage(int) /sitemap-n.xml}. Empty for a page that does not exist: any
   * {@code n >= 1} while everything fits in {@code /sitemap.xml}, a number past the last chunk, or
   * a negative one.
   *
   * @param urls every URL of the site, home and listing pages included; paths are made absolute
   *     with {@link SiteInfo#url}
   */
  public static Optional<String> page(SiteInfo site, List<SitemapUrl> urls, int page) {
    Objects.requireNonNull(site, "site");
    int chunks = (urls.size() + MAX_URLS - 1) / MAX_URLS;
    if (page == 0) {
      return Optional.of(chunks > 1 ? index(site, urls, chunks) : urlset(site, urls));
    }
    if (chunks <= 1 || page < 1 || page > chunks) {
      return Optional.empty();
    }
    return Optional.of(urlset(site, chunk(urls, page)));
  }

  /** robots.txt: every crawler may fetch everything, and the sitemap is at {@code /sitemap.xml}. */
  public static String robots(SiteInfo site) {
    return "User-agent: *\nAllow: /\n\nSitemap: " + site.url(SitePaths.SITEMAP) + "\n";
  }

  private static List<SitemapUrl> chunk(List<SitemapUrl> urls, int page) {
    int from = (page - 1) * MAX_URLS;
    return urls.subList(from, Math.min(from + MAX_URLS, urls.size()));
  }

  private static String urlset(SiteInfo site, List<SitemapUrl> urls) {
    return Xml.document(
        xml -> {
          xml.start("", "urlset", NS).namespace("", NS);
          for (SitemapUrl url : urls) {
            entry(xml, "url", site.url(url.path()), url.lastModified());
          }
          xml.end();
        });
  }

  private static String index(SiteInfo site, List<SitemapUrl> urls, int chunks) {
    return Xml.document(
        xml -> {
          xml.start("", "sitemapindex", NS).namespace("", NS);
          for (int page = 1; page <= chunks; page++) {
            entry(xml, "sitemap", site.url(SitePaths.sitemapPage(page)), newest(chunk(urls, page)));
          }
          xml.end();
        });
  }

  private static void entry(Xml xml, String element, String loc, Instant lastModified)
      throws XMLStreamException {
    xml.start(element).element("loc", loc);
    if (lastModified != null) {
      xml.element("lastmod", FeedDates.rfc3339(lastModified));
    }
    xml.end();
  }

  /** A chunk's last change: its newest known {@code lastModified}, or null if none is known. */
  private static Instant newest(List<SitemapUrl> urls) {
    return urls.stream()
        .map(SitemapUrl::lastModified)
        .filter(Objects::nonNull)
        .max(Instant::compareTo)
        .orElse(null);
  }
}
