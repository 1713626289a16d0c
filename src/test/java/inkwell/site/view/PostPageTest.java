package inkwell.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.post.TocEntry;
import inkwell.site.SiteInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The post page: header, table of contents, body, older and newer links, preview banner. */
class PostPageTest {

  private static final List<TocEntry> TOC =
      List.of(
          new TocEntry(2, "intro", "Intro"),
          new TocEntry(3, "detail", "Detail"),
          new TocEntry(2, "end", "End"));

  private static RenderedPage render(Post post) {
    return RenderedPage.post(new PostView(Samples.site(), post, true, null));
  }

  private static Post with(Post post, Instant date, Instant updated, String author, String image) {
    return new Post(
        post.sourceKey(),
        post.slug(),
        post.title(),
        date,
        updated,
        post.tags(),
        post.categories(),
        post.summary(),
        post.draft(),
        post.publishDate(),
        post.expiryDate(),
        post.aliases(),
        post.canonicalUrl(),
        image,
        author,
        post.bodyHtml(),
        post.toc(),
        post.wordCount(),
        post.readingMinutes(),
        post.contentHash(),
        post.params());
  }

  @Test
  void aPostWhoseTitleComesFromFrontMatterHasExactlyOneH1EvenWithAHashHeadingInItsBody() {
    Post post = Samples.parse("posts/one-h1.md", "---\ntitle: Given\n---\n# Section\n\nText.\n");
    RenderedPage page = render(post);
    assertThat(page.doc().select("h1")).extracting(Element::text).containsExactly("Given");
    assertThat(page.doc().select("h2#section").text()).isEqualTo("Section");
  }

  @Test
  void theTitleIsTheH1AndLeadsTheTitleElement() {
    RenderedPage page = render(Samples.longPost());
    assertThat(page.one("article.post h1").text()).isEqualTo("Hello, Inkwell");
    assertThat(page.one("title").text()).isEqualTo("Hello, Inkwell · Inkwell Notes");
    assertThat(page.meta("og:title")).isEqualTo("Hello, Inkwell");
    assertThat(page.meta("og:type")).isEqualTo("article");
  }

  @Test
  void theSummaryIsTheMetaDescription() {
    RenderedPage page = render(Samples.longPost());
    assertThat(page.meta("description"))
        .isEqualTo(
            "Why this blog runs on two Lambda functions, and what it costs to keep it there.");
  }

  @Test
  void datesUseTimeElementsWithIsoDatetime() {
    RenderedPage page = render(Samples.longPost());
    List<Element> times = page.doc().select(".post-header time");
    assertThat(times)
        .extracting(e -> e.attr("datetime"))
        .containsExactly("2024-08-05T07:30:00Z", "2024-09-12T16:00:00Z");
    assertThat(times)
        .extracting(Element::text)
        .containsExactly("August 5, 2024", "September 12, 2024");
    assertThat(page.one(".updated").text()).isEqualTo("Updated September 12, 2024");
  }

  @ParameterizedTest(name = "updated {1} after {0}: shown = {2}")
  @CsvSource({
    "2024-08-05T07:30:00Z, 2024-08-05T07:30:00Z, false",
    "2024-08-05T07:30:00Z, 2024-08-05T20:00:00Z, false",
    "2024-08-05T07:30:00Z, 2024-08-06T00:00:00Z, true",
    "2024-08-05T07:30:00Z, 2025-01-01T12:00:00Z, true"
  })
  void theUpdatedDateIsShownOnlyWhenItFallsOnAnotherDay(
      Instant date, Instant updated, boolean shown) {
    RenderedPage page = render(with(Samples.longPost(), date, updated, null, null));
    assertThat(page.doc().select(".updated")).hasSize(shown ? 1 : 0);
    assertThat(page.meta("article:published_time")).isEqualTo(date.toString());
    assertThat(page.meta("article:modified_time")).isEqualTo(updated.toString());
  }

  @Test
  void datesFollowTheSiteLanguageAndZone() {
    SiteInfo berlin = Samples.site("Notizen", "de", ZoneId.of("Europe/Berlin"));
    Post post =
        with(
            Samples.longPost(), Instant.parse("2024-08-04T22:30:00Z"), Samples.UPDATED, null, null);
    RenderedPage page = RenderedPage.post(new PostView(berlin, post, true, null));
    Element time = page.doc().select(".post-header time").first();
    assertThat(time.attr("datetime")).isEqualTo("2024-08-05T00:30:00+02:00");
    assertThat(time.text()).isEqualTo("5. August 2024");
    assertThat(page.one("html").attr("lang")).isEqualTo("de");
  }

  @Test
  void readingTimeAndAuthorAreShown() {
    RenderedPage page = render(Samples.post("Title", "<p>x</p>", List.of()));
    assertThat(page.one(".reading-time").text()).isEqualTo("6 min read");
    assertThat(page.one(".author").text()).isEqualTo("By Title");
  }

  @Test
  void noAuthorLineWhenThePostHasNoAuthorButTheSiteAuthorIsInTheMeta() {
    RenderedPage page = render(Samples.shortPost());
    assertThat(page.doc().select(".author")).isEmpty();
    assertThat(page.meta("author")).isEqualTo("Ada Example");
  }

  @Test
  void tagsLinkToTheirPagesAndBecomeArticleTags() {
    RenderedPage page = render(Samples.longPost());
    List<Element> links = page.doc().select("article .tags a[rel=tag]");
    assertThat(links)
        .extracting(e -> e.attr("href"))
        .containsExactly("/tags/java/", "/tags/aws-lambda/", "/tags/serverless/");
    assertThat(links).extracting(Element::text).containsExactly("Java", "AWS Lambda", "Serverless");
    assertThat(page.doc().select("meta[property=article:tag]").eachAttr("content"))
        .containsExactly("Java", "AWS Lambda", "Serverless");
  }

  @Test
  void aPostWithoutTagsHasNoTagList() {
    assertThat(render(Samples.shortPost()).doc().select(".tags")).isEmpty();
  }

  @ParameterizedTest(name = "showToc={0}, entries={1}: shown={2}")
  @CsvSource({"true, 3, true", "false, 3, false", "true, 0, false", "false, 0, false"})
  void theTocIsShownOnlyWhenShowTocAndNotEmpty(boolean showToc, int entries, boolean shown) {
    Post post = Samples.post("T", "<h2 id=\"intro\">Intro</h2>", TOC.subList(0, entries));
    RenderedPage page = RenderedPage.post(new PostView(Samples.site(), post, showToc, null));
    assertThat(page.doc().select("nav[aria-label=Table of contents]")).hasSize(shown ? 1 : 0);
  }

  @Test
  void theTocNestsByLevelAndLinksToTheHeadingIds() {
    RenderedPage page = render(Samples.post("T", "<p>x</p>", TOC));
    Element toc = page.one("nav.toc");
    assertThat(toc.select("> ol > li > a").eachAttr("href")).containsExactly("#intro", "#end");
    assertThat(toc.select("> ol > li > ol > li > a").eachText()).containsExactly("Detail");
  }

  @Test
  void theBodyHtmlIsIncludedUnescaped() {
    String body = "<p>Hello <em>world</em> &amp; <a href=\"https://example.org/\">friends</a></p>";
    RenderedPage page = render(Samples.post("T", body, List.of()));
    assertThat(page.html()).contains(body);
    assertThat(page.one(".post-body em").text()).isEqualTo("world");
  }

  @Test
  void olderAndNewerLinksGoThroughTheRedirects() {
    RenderedPage page =
        RenderedPage.post(new PostView(Samples.site(), Samples.longPost(), true, null, true, true));
    Element nav = page.one("nav.post-nav");
    assertThat(nav.expectFirst("a[rel=prev]").attr("href")).isEqualTo("/older/2024/hello/");
    assertThat(nav.expectFirst("a[rel=prev]").text()).isEqualTo("Older post");
    assertThat(nav.expectFirst("a[rel=next]").attr("href")).isEqualTo("/newer/2024/hello/");
    assertThat(nav.expectFirst("a[rel=next]").text()).isEqualTo("Newer post");
  }

  @ParameterizedTest
  @CsvSource({"true, false, Older post", "false, true, Newer post"})
  void onlyTheLinkToANeighbourThatExistsIsShown(boolean older, boolean newer, String shown) {
    RenderedPage page =
        RenderedPage.post(
            new PostView(Samples.site(), Samples.longPost(), true, null, older, newer));
    assertThat(page.doc().select("nav.post-nav a").eachText()).containsExactly(shown);
  }

  @Test
  void withoutNeighboursThereIsNoOlderAndNewerNavigation() {
    assertThat(render(Samples.longPost()).doc().select("nav.post-nav")).isEmpty();
  }

  @Test
  void aPreviewShowsAVisibleBannerAndAsksNotToBeIndexed() {
    RenderedPage page =
        RenderedPage.post(
            new PostView(Samples.site(), Samples.shortPost(), true, "Draft - not published"));
    assertThat(page.one("main .preview-banner[role=status]").text())
        .isEqualTo("Preview: Draft - not published");
    assertThat(page.meta("robots")).isEqualTo("noindex");
  }

  @Test
  void thePublicPageHasNoBannerAndMayBeIndexed() {
    RenderedPage page = render(Samples.shortPost());
    assertThat(page.doc().select(".preview-banner")).isEmpty();
    assertThat(page.meta("robots")).isNull();
  }

  @Test
  void aCoverImagePathBecomesAnAbsoluteOgImageWithALargeCard() {
    RenderedPage page = render(Samples.longPost());
    assertThat(page.meta("og:image")).isEqualTo("https://blog.example.com/images/cover.png");
    assertThat(page.meta("twitter:image")).isEqualTo(page.meta("og:image"));
    assertThat(page.meta("twitter:card")).isEqualTo("summary_large_image");
  }

  @Test
  void withoutACoverImageThereIsNoOgImageAndASummaryCard() {
    RenderedPage page = render(Samples.shortPost());
    assertThat(page.meta("og:image")).isNull();
    assertThat(page.meta("twitter:image")).isNull();
    assertThat(page.meta("twitter:card")).isEqualTo("summary");
  }

  @Test
  void theCanonicalUrlIsThePostsOwnUnlessTheAuthorSetOne() {
    assertThat(render(Samples.longPost()).one("link[rel=canonical]").attr("href"))
        .isEqualTo("https://blog.example.com/2024/hello/");
    Post crossPosted =
        Samples.parse(
            "posts/x.md",
            "---\ntitle: X\ncanonical: https://elsewhere.example.org/first/\n---\nBody.");
    RenderedPage page = render(crossPosted);
    assertThat(page.one("link[rel=canonical]").attr("href"))
        .isEqualTo("https://elsewhere.example.org/first/");
    assertThat(page.meta("og:url")).isEqualTo("https://elsewhere.example.org/first/");
  }

  @Test
  void aPostBuiltByHandRendersToo() {
    Post post =
        new Post(
            "posts/a.md",
            "a",
            "A",
            Samples.DATE,
            Samples.DATE,
            List.of(Tag.of("Ünïcode Tag")),
            List.of(),
            "",
            false,
            null,
            null,
            List.of(),
            null,
            "https://cdn.example.net/a.png",
            null,
            "",
            List.of(),
            0,
            1,
            "0".repeat(64),
            Map.of());
    RenderedPage page = render(post);
    assertThat(page.meta("description")).isEqualTo(Samples.site().description());
    assertThat(page.meta("og:image")).isEqualTo("https://cdn.example.net/a.png");
    assertThat(page.one(".tags a").attr("href")).isEqualTo("/tags/unicode-tag/");
    assertThat(page.one(".reading-time").text()).isEqualTo("1 min read");
  }
}
