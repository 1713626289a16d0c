package inkwell.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.storage.PostSummary;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Home, tag and archive pages: entries, pagination, empty state, titles. */
class ListingPageTest {

  @Test
  void theHeadingIsTheH1AndTheDescriptionFollows() {
    RenderedPage page = RenderedPage.listing(Samples.home());
    assertThat(page.one("h1").text()).isEqualTo("Inkwell Notes");
    assertThat(page.one(".listing-description").text()).isEqualTo(Samples.site().description());
  }

  @Test
  void eachPostIsAnArticleWithTitleLinkDateReadingTimeSummaryAndTags() {
    RenderedPage page = RenderedPage.listing(Samples.home());
    List<Element> entries = page.doc().select("ol.post-list > li > article");
    assertThat(entries).hasSize(2);
    Element first = entries.get(0);
    assertThat(first.expectFirst("h2 a").attr("href")).isEqualTo("/2024/hello/");
    assertThat(first.expectFirst("h2 a").text()).isEqualTo("Hello, Inkwell");
    assertThat(first.expectFirst("time").attr("datetime")).isEqualTo("2024-08-05T07:30:00Z");
    assertThat(first.expectFirst("time").text()).isEqualTo("August 5, 2024");
    assertThat(first.expectFirst(".reading-time").text()).isEqualTo("1 min read");
    assertThat(first.expectFirst(".summary").text()).startsWith("Why this blog runs");
    assertThat(first.select(".tags a").eachAttr("href"))
        .containsExactly("/tags/java/", "/tags/aws-lambda/", "/tags/serverless/");
    assertThat(entries.get(1).select(".tags")).isEmpty();
  }

  @ParameterizedTest(name = "olderPath={0}, firstPage={1}: older link {2}, newest link {3}")
  @CsvSource({
    "/?after=abc, true, true, false",
    "/?after=abc, false, true, true",
    ", false, false, true",
    ", true, false, false"
  })
  void paginationLinksAppearOnlyWhenThereIsSomewhereToGo(
      String olderPath, boolean firstPage, boolean older, boolean newest) {
    RenderedPage page =
        RenderedPage.listing(
            Samples.home(List.of(PostSummary.of(Samples.shortPost())), olderPath, firstPage));
    List<Element> olderLinks = page.doc().select("nav.pagination a:containsOwn(Older posts)");
    assertThat(olderLinks).hasSize(older ? 1 : 0);
    if (older) {
      assertThat(olderLinks.get(0).attr("href")).isEqualTo(olderPath);
    }
    List<Element> newestLinks = page.doc().select("nav.pagination a:containsOwn(Newest posts)");
    assertThat(newestLinks).hasSize(newest ? 1 : 0);
    if (newest) {
      assertThat(newestLinks.get(0).attr("href")).isEqualTo("/");
    }
    assertThat(page.doc().select("nav.pagination")).hasSize(older || newest ? 1 : 0);
  }

  @Test
  void anEmptyListingSaysNoPostsYet() {
    RenderedPage page = RenderedPage.listing(Samples.home(List.of(), null, true));
    assertThat(page.one("main .empty").text()).isEqualTo("No posts yet.");
    assertThat(page.doc().select("article, .post-list")).isEmpty();
  }

  @ParameterizedTest(name = "{0} page, first={1}: \"{2}\"")
  @CsvSource({
    "HOME, true, Inkwell Notes",
    "HOME, false, Older posts · Inkwell Notes",
    "TAG, true, Posts tagged Java · Inkwell Notes",
    "ARCHIVE, false, Posts tagged Java · older posts · Inkwell Notes"
  })
  void theTitleNamesTheListingThenTheSite(ListingView.Kind kind, boolean first, String title) {
    String heading = kind == ListingView.Kind.HOME ? "Inkwell Notes" : "Posts tagged Java";
    ListingView view =
        new ListingView(Samples.site(), kind, heading, null, "/x/", List.of(), null, first);
    assertThat(RenderedPage.listing(view).one("title").text()).isEqualTo(title);
  }

  @Test
  void theCanonicalUrlIsTheListingPathWithoutCursor() {
    ListingView later =
        new ListingView(
            Samples.site(),
            ListingView.Kind.TAG,
            "Posts tagged Java",
            null,
            "/tags/java/",
            List.of(),
            "/tags/java/?after=older",
            false);
    RenderedPage page = RenderedPage.listing(later);
    assertThat(page.one("link[rel=canonical]").attr("href"))
        .isEqualTo("https://blog.example.com/tags/java/");
    assertThat(page.meta("og:type")).isEqualTo("website");
  }

  @Test
  void theHomeNavLinkIsMarkedCurrentOnlyOnTheFirstHomePage() {
    RenderedPage home = RenderedPage.listing(Samples.home());
    assertThat(home.doc().select("nav[aria-label=Site] a[aria-current=page]").eachText())
        .containsExactly("Home");
    RenderedPage later = RenderedPage.listing(Samples.home(List.of(), null, false));
    assertThat(later.doc().select("[aria-current]")).isEmpty();
  }

  @Test
  void withoutADescriptionTheSiteDescriptionIsTheMetaDescription() {
    RenderedPage page = RenderedPage.listing(Samples.tagPage());
    assertThat(page.doc().select(".listing-description")).isEmpty();
    assertThat(page.meta("description")).isEqualTo(Samples.site().description());
  }
}
