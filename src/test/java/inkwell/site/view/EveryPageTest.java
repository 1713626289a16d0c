package inkwell.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.site.SitePaths;
import inkwell.storage.PostSummary;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the shared layout guarantees on every kind of page. */
class EveryPageTest {

  private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s\"'<>)]+");

  static Stream<RenderedPage> pages() {
    JtePages pages = RenderedPage.PAGES;
    return Stream.of(
        RenderedPage.of("post page", pages.post(Samples.postView())),
        RenderedPage.of(
            "short post without toc",
            pages.post(new PostView(Samples.site(), Samples.shortPost(), true, null))),
        RenderedPage.of(
            "draft preview",
            pages.post(new PostView(Samples.site(), Samples.shortPost(), false, "Draft"))),
        RenderedPage.of("home page", pages.listing(Samples.home())),
        RenderedPage.of(
            "older home page",
            pages.listing(Samples.home(List.of(PostSummary.of(Samples.shortPost())), null, false))),
        RenderedPage.of("tag page", pages.listing(Samples.tagPage())),
        RenderedPage.of("empty listing", pages.listing(Samples.home(List.of(), null, true))),
        RenderedPage.of("tag index", pages.tagIndex(Samples.tagIndex())),
        RenderedPage.of(
            "empty tag index", pages.tagIndex(new TagIndexView(Samples.site(), List.of()))),
        RenderedPage.of("error page", pages.error(Samples.notFound())));
  }

  static Stream<RenderedPage> pagesWithAUrl() {
    return pages().filter(page -> !page.name().startsWith("error"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyPageStartsWithTheHtml5DoctypeAndParsesWithoutErrors(RenderedPage page) {
    assertThat(page.html()).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
    assertThat(page.parseErrors()).as(page.name()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyPageHasExactlyOneH1AndALanguageOnHtml(RenderedPage page) {
    assertThat(page.doc().select("h1")).hasSize(1);
    assertThat(page.one("html").attr("lang")).isEqualTo("en");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyPageHasCharsetViewportTitleAndDescription(RenderedPage page) {
    assertThat(page.one("meta[charset]").attr("charset")).isEqualTo("utf-8");
    assertThat(page.one("meta[name=viewport]").attr("content"))
        .isEqualTo("width=device-width, initial-scale=1");
    assertThat(page.one("head > title").text()).endsWith("Inkwell Notes");
    assertThat(page.meta("description")).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyPageLinksTheFingerprintedStylesheetTheIconAndTheThreeFeeds(RenderedPage page) {
    assertThat(page.one("link[rel=stylesheet]").attr("href"))
        .isEqualTo(Theme.load().stylesheetPath())
        .matches("/assets/site\\.[0-9a-f]{10}\\.css");
    assertThat(page.one("link[rel=icon]").attr("href")).isEqualTo(SitePaths.FAVICON);
    assertThat(page.one("link[rel=alternate][type=application/rss+xml]").attr("href"))
        .isEqualTo(SitePaths.RSS);
    assertThat(page.one("link[rel=alternate][type=application/atom+xml]").attr("href"))
        .isEqualTo(SitePaths.ATOM);
    assertThat(page.one("link[rel=alternate][type=application/feed+json]").attr("href"))
        .isEqualTo(SitePaths.JSON_FEED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyPageHasASkipLinkHeaderNavMainAndFooter(RenderedPage page) {
    Element skip = page.doc().body().child(0);
    assertThat(skip.is("a[href=#content]")).as("first element of body is the skip link").isTrue();
    assertThat(page.one("main").id()).isEqualTo("content");
    assertThat(page.one("header.site-header a.site-title").attr("href")).isEqualTo("/");
    assertThat(page.one("nav[aria-label=Site]").select("a").eachAttr("href"))
        .containsExactly("/", "/tags/", "/archive/", "/feed.xml");
    assertThat(page.one("nav[aria-label=Site]").select("a").eachText())
        .containsExactly("Home", "Tags", "Archive", "Feed");
    assertThat(page.doc().select("body > footer")).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyPageHasOpenGraphAndTwitterMeta(RenderedPage page) {
    assertThat(page.meta("og:title")).isNotBlank();
    assertThat(page.meta("og:description")).isNotBlank();
    assertThat(page.meta("og:type")).isIn("article", "website");
    assertThat(page.meta("og:site_name")).isEqualTo("Inkwell Notes");
    assertThat(page.meta("twitter:card")).isIn("summary", "summary_large_image");
    assertThat(page.meta("twitter:title")).isEqualTo(page.meta("og:title"));
    assertThat(page.meta("twitter:description")).isEqualTo(page.meta("og:description"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pagesWithAUrl")
  void canonicalAndOgUrlAreTheSameAbsoluteUrlOnTheSite(RenderedPage page) {
    String canonical = page.one("link[rel=canonical]").attr("href");
    assertThat(canonical).startsWith(Samples.BASE_URL + "/").endsWith("/");
    assertThat(page.meta("og:url")).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void pagesContainNoScriptNoStyleElementAndNoStyleAttribute(RenderedPage page) {
    assertThat(page.html())
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<style");
    assertThat(page.html()).doesNotContainIgnoringCase(" style=");
    assertThat(page.doc().select("[style], script, style, iframe, object, embed")).isEmpty();
    assertThat(page.doc().getAllElements().stream().flatMap(e -> e.attributes().asList().stream()))
        .noneMatch(attribute -> attribute.getKey().startsWith("on"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void pagesNameNoHostButTheSiteOutsideThePostBodyAndCoverImage(RenderedPage page) {
    Document doc = page.doc().clone();
    doc.select(".post-body, meta[property=og:image], meta[name=twitter:image]").remove();
    Matcher urls = HTTP_URL.matcher(doc.outerHtml());
    while (urls.find()) {
      assertThat(urls.group()).as("URL in %s", page.name()).startsWith(Samples.BASE_URL + "/");
    }
  }
}
