package inkwell.site.feed;

import static inkwell.site.feed.FeedFixtures.SITE;
import static inkwell.site.feed.ParsedXml.child;
import static inkwell.site.feed.ParsedXml.children;
import static inkwell.site.feed.ParsedXml.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SitemapsTest {

  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final Instant AUGUST = Instant.parse("2024-08-05T07:30:00Z");

  private static final List<SitemapUrl> SMALL =
      List.of(
          new SitemapUrl("/", AUGUST),
          new SitemapUrl("/2024/hello/", Instant.parse("2024-08-06T10:15:00.123456Z")),
          new SitemapUrl("/tags/c&a/", null));

  /** {@code count} post URLs, the i-th modified i minutes after AUGUST. */
  private static List<SitemapUrl> urls(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new SitemapUrl("/p/" + i + "/", AUGUST.plusSeconds(60L * i)))
        .toList();
  }

  private static Element document(List<SitemapUrl> urls, int page) {
    String xml = Sitemaps.page(SITE, urls, page).orElseThrow();
    return ParsedXml.parse(xml);
  }

  private static Element urlset(List<SitemapUrl> urls, int page) {
    Element root = document(urls, page);
    assertThat(root.getLocalName()).isEqualTo("urlset");
    assertThat(root.getNamespaceURI()).isEqualTo(NS);
    return root;
  }

  private static List<String> locs(Element root, String entry) {
    return children(root, NS, entry).stream().map(e -> text(e, NS, "loc")).toList();
  }

  @Nested
  class UpToFiftyThousandUrls {

    @Test
    void sitemapXmlIsOneUrlsetWithAbsoluteLocsInTheOrderGiven() {
      assertThat(locs(urlset(SMALL, 0), "url"))
          .containsExactly(
              "https://blog.example.com/",
              "https://blog.example.com/2024/hello/",
              "https://blog.example.com/tags/c&a/");
    }

    @Test
    void lastmodIsAW3cDatetimeToTheSecondAndOmittedWhenUnknown() {
      List<Element> urls = children(urlset(SMALL, 0), NS, "url");
      assertThat(text(urls.get(0), NS, "lastmod")).isEqualTo("2024-08-05T07:30:00Z");
      String truncated = text(urls.get(1), NS, "lastmod");
      assertThat(truncated).isEqualTo("2024-08-06T10:15:00Z");
      assertThat(FeedDateFormats.rfc3339(truncated)).isEqualTo("2024-08-06T10:15:00Z");
      assertThat(children(urls.get(2), NS, "lastmod")).isEmpty();
    }

    @Test
    void numberedPagesDoNotExist() {
      assertThat(Sitemaps.page(SITE, SMALL, 1)).isEmpty();
      assertThat(Sitemaps.page(SITE, SMALL, -1)).isEmpty();
    }

    @Test
    void emptySiteGetsAValidEmptyUrlset() {
      assertThat(children(urlset(List.of(), 0), NS, "url")).isEmpty();
    }

    @Test
    void exactlyFiftyThousandUrlsStillFitInOneUrlset() {
      List<SitemapUrl> urls = urls(Sitemaps.MAX_URLS);
      assertThat(children(urlset(urls, 0), NS, "url")).hasSize(50_000);
      assertThat(Sitemaps.page(SITE, urls, 1)).isEmpty();
    }
  }

  @Nested
  class MoreThanFiftyThousandUrls {

    private final List<SitemapUrl> urls = urls(Sitemaps.MAX_URLS + 1);

    @Test
    void sitemapXmlIsAnIndexOfTheNumberedPages() {
      Element index = document(urls, 0);
      assertThat(index.getLocalName()).isEqualTo("sitemapindex");
      assertThat(index.getNamespaceURI()).isEqualTo(NS);
      assertThat(locs(index, "sitemap"))
          .containsExactly(
              "https://blog.example.com/sitemap-1.xml", "https://blog.example.com/sitemap-2.xml");
    }

    @Test
    void eachIndexEntryIsDatedByTheNewestUrlOfItsPage() {
      List<Element> sitemaps = children(document(urls, 0), NS, "sitemap");
      assertThat(FeedDateFormats.rfc3339(text(sitemaps.get(0), NS, "lastmod")))
          .isEqualTo(urls.get(49_999).lastModified());
      assertThat(FeedDateFormats.rfc3339(text(sitemaps.get(1), NS, "lastmod")))
          .isEqualTo(urls.get(50_000).lastModified());
    }

    @Test
    void pageOneHoldsTheFirstFiftyThousandUrls() {
      List<String> locs = locs(urlset(urls, 1), "url");
      assertThat(locs).hasSize(50_000);
      assertThat(locs.get(0)).isEqualTo("https://blog.example.com/p/0/");
      assertThat(locs.get(49_999)).isEqualTo("https://blog.example.com/p/49999/");
    }

    @Test
    void pageTwoHoldsTheRest() {
      Element urlset = urlset(urls, 2);
      assertThat(locs(urlset, "url")).containsExactly("https://blog.example.com/p/50000/");
      assertThat(FeedDateFormats.rfc3339(text(child(urlset, NS, "url"), NS, "lastmod")))
          .isEqualTo(urls.get(50_000).lastModified());
    }

    @Test
    void pagesPastTheLastDoNotExist() {
      assertThat(Sitemaps.page(SITE, urls, 3)).isEmpty();
      assertThat(Sitemaps.page(SITE, urls, -1)).isEmpty();
    }
  }

  @Test
  void robotsTxtAllowsEverythingAndNamesTheAbsoluteSitemap() {
    assertThat(Sitemaps.robots(SITE))
        .isEqualTo("User-agent: *\nAllow: /\n\nSitemap: https://blog.example.com/sitemap.xml\n");
  }
}
