package inkwell.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.site.SiteInfo;
import inkwell.storage.PostSummary;
import inkwell.storage.TagCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text value is escaped by JTE wherever it is written; only the sanitized post body is not.
 * The hostile text is {@value Samples#HOSTILE}.
 */
class EscapingTest {

  private static final String HOSTILE = Samples.HOSTILE;
  private static final SiteInfo HOSTILE_SITE = Samples.site(HOSTILE, "en", ZoneId.of("UTC"));

  private static Post hostilePost() {
    return Samples.post(HOSTILE, "<p>safe body</p>", List.of());
  }

  static Stream<RenderedPage> hostilePages() {
    JtePages pages = RenderedPage.PAGES;
    Post post = hostilePost();
    return Stream.of(
        RenderedPage.of("post", pages.post(new PostView(HOSTILE_SITE, post, true, HOSTILE))),
        RenderedPage.of(
            "listing",
            pages.listing(
                new ListingView(
                    HOSTILE_SITE,
                    ListingView.Kind.TAG,
                    HOSTILE,
                    HOSTILE,
                    "/tags/hostile/",
                    List.of(PostSummary.of(post)),
                    "/tags/hostile/?after=x",
                    false))),
        RenderedPage.of(
            "tag index",
            pages.tagIndex(
                new TagIndexView(HOSTILE_SITE, List.of(new TagCount(HOSTILE, "hostile", 2))))),
        RenderedPage.of("error", pages.error(new ErrorView(HOSTILE_SITE, 404, HOSTILE, HOSTILE))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostilePages")
  void hostileTextNeverAppearsRaw(RenderedPage page) {
    assertThat(page.html()).doesNotContain("<script").doesNotContain("& ampersands");
    assertThat(page.doc().select("script")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostilePages")
  void hostileTextSurvivesIntactInTheTitleElementAndTheH1(RenderedPage page) {
    assertThat(page.one("title").text()).contains(HOSTILE);
    assertThat(page.one("h1").text()).isIn(HOSTILE, "Tags");
    assertThat(page.one("a.site-title").text()).isEqualTo(HOSTILE);
    assertThat(page.doc().expectFirst("footer p").text()).isEqualTo(HOSTILE + " by Ada Example.");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostilePages")
  void hostileTextSurvivesIntactInMetaContentAndLinkTitleAttributes(RenderedPage page) {
    assertThat(page.meta("og:site_name")).isEqualTo(HOSTILE);
    assertThat(page.meta("og:title")).startsWith(page.one("h1").text());
    assertThat(page.one("link[type=application/rss+xml]").attr("title"))
        .isEqualTo(HOSTILE + " (RSS)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostilePages")
  void attributeValuesNeverContainARawLessThanOrAmpersand(RenderedPage page) {
    // A quote would end the attribute early, so the pattern finds it as a broken attribute.
    Matcher attributes = Pattern.compile("=\"([^\"]*)\"").matcher(page.html());
    while (attributes.find()) {
      assertThat(attributes.group(1))
          .doesNotContain("<", "\"quotes")
          .doesNotContainPattern("&(?![a-z]+;|#[0-9]+;)");
    }
  }

  @Test
  void inThePostTheTitleSummaryTagAuthorAndPreviewAreEscapedEverywhere() {
    RenderedPage page = RenderedPage.post(new PostView(HOSTILE_SITE, hostilePost(), true, HOSTILE));
    assertThat(page.one("h1").text()).isEqualTo(HOSTILE);
    assertThat(page.one("title").text()).isEqualTo(HOSTILE + " · " + HOSTILE);
    assertThat(page.meta("description")).isEqualTo(HOSTILE);
    assertThat(page.meta("og:description")).isEqualTo(HOSTILE);
    assertThat(page.meta("twitter:title")).isEqualTo(HOSTILE);
    assertThat(page.meta("author")).isEqualTo(HOSTILE);
    assertThat(page.meta("article:tag")).isEqualTo(HOSTILE);
    assertThat(page.one(".tags a").text()).isEqualTo(HOSTILE);
    assertThat(page.one(".author").text()).isEqualTo("By " + HOSTILE);
    assertThat(page.one(".preview-banner").text()).isEqualTo("Preview: " + HOSTILE);
  }

  @Test
  void inAListingTheHeadingDescriptionTitleSummaryAndTagsAreEscaped() {
    RenderedPage page = hostilePages().filter(p -> p.name().equals("listing")).findFirst().get();
    assertThat(page.one(".listing-description").text()).isEqualTo(HOSTILE);
    Element entry = page.one("article.entry");
    assertThat(entry.expectFirst("h2 a").text()).isEqualTo(HOSTILE);
    assertThat(entry.expectFirst(".summary").text()).isEqualTo(HOSTILE);
    assertThat(entry.expectFirst(".tags a").text()).isEqualTo(HOSTILE);
  }

  @Test
  void aTocEntryIsEscapedInTextAndFragment() {
    Post post =
        Samples.post("T", "<p>x</p>", List.of(new inkwell.post.TocEntry(2, "a\"b<c", HOSTILE)));
    RenderedPage page = RenderedPage.post(new PostView(Samples.site(), post, true, null));
    assertThat(page.one("nav.toc li a").text()).isEqualTo(HOSTILE);
    assertThat(page.one("nav.toc li a").attr("href")).isEqualTo("#a\"b<c");
  }

  @Test
  void theSanitizedBodyIsTheOnlyUnescapedOutput() {
    String body = "<p>It is <strong>" + "bold" + "</strong> &amp; <code>&lt;b&gt;</code></p>";
    Post post =
        new Post(
            "posts/b.md",
            "b",
            "B",
            Samples.DATE,
            Samples.DATE,
            List.of(Tag.of("x")),
            List.of(),
            "",
            false,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            body,
            List.of(),
            1,
            1,
            "0".repeat(64),
            java.util.Map.of());
    String html = RenderedPage.PAGES.post(new PostView(Samples.site(), post, false, null));
    assertThat(html).contains(body);
  }

  @Test
  void theTemplatesWriteOnlyAPostsSanitizedBodyUnescaped() throws IOException {
    Path templates = Path.of(System.getProperty("inkwell.projectDir", "."), "src/main/jte");
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(templates)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
        all.append(Files.readString(file));
      }
    }
    // A post's body, and a section page's (its _index.md's body, given to the listing).
    String unescaped =
        all.toString()
            .replace("$unsafe{post.bodyHtml()}", "")
            .replace("$unsafe{view.introHtml()}", "");
    assertThat(unescaped).doesNotContain("$unsafe{");
    assertThat(all.toString()).doesNotContain("@raw");
  }
}
