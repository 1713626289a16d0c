package inkwell.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inkwell.post.Post;
import inkwell.post.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The storage package's value types: their limits, orders and checks. */
class StorageValuesTest {

  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-12-02T00:00:00Z");

  @Nested
  class SearchQueries {

    @Test
    void textIsStrippedAndNullIsEmpty() {
      assertThat(new SearchQuery("  java  ", 1).text()).isEqualTo("java");
      assertThat(new SearchQuery(null, 1).text()).isEmpty();
      assertThat(new SearchQuery(null, 1).isEmpty()).isTrue();
      assertThat(new SearchQuery("x", 1).isEmpty()).isFalse();
    }

    @Test
    void twoHundredCharactersAreKeptAndMoreAreCut() {
      assertThat(new SearchQuery("a".repeat(200), 1).text()).hasSize(200);
      assertThat(new SearchQuery("a".repeat(201), 1).text()).isEqualTo("a".repeat(200));
    }

    @Test
    void theCutNeverSplitsASurrogatePair() {
      String fits = "a".repeat(198) + "😀";
      assertThat(new SearchQuery(fits, 1).text()).isEqualTo(fits);
      assertThat(new SearchQuery("a".repeat(199) + "😀", 1).text()).isEqualTo("a".repeat(199));
    }

    @Test
    void aCutThatEndsInABlankIsStripped() {
      assertThat(new SearchQuery("a".repeat(199) + " bc", 1).text()).isEqualTo("a".repeat(199));
    }

    @ParameterizedTest(name = "page {0} -> {1}")
    @CsvSource({"-5, 1", "0, 1", "1, 1", "2, 2", "49, 49", "50, 50", "51, 50"})
    void pagesRunFromOneToFifty(int page, int expected) {
      assertThat(new SearchQuery("x", page).page()).isEqualTo(expected);
    }
  }

  @Nested
  class SearchResultPages {

    private SearchResults results(int page, long total) {
      return new SearchResults(new SearchQuery("x", page), total, false, List.of());
    }

    @ParameterizedTest(name = "page {0} of {1} hits -> next {2}")
    @CsvSource({
      "1, 0, false",
      "1, 10, false",
      "1, 11, true",
      "2, 20, false",
      "2, 21, true",
      "49, 1000, true",
      "50, 1000, false",
    })
    void aNextPageExistsWhenMoreHitsFollowUpToPageFifty(int page, long total, boolean next) {
      assertThat(results(page, total).hasNextPage()).isEqualTo(next);
    }

    @Test
    void noneIsNothing() {
      SearchResults none = SearchResults.none(new SearchQuery("x", 1));
      assertThat(none.total()).isZero();
      assertThat(none.totalIsLowerBound()).isFalse();
      assertThat(none.hits()).isEmpty();
    }

    @Test
    void aSnippetReadsAsItsPartsJoined() {
      SearchResults.Snippet snippet =
          new SearchResults.Snippet(
              List.of(new SearchResults.Part("a ", false), new SearchResults.Part("b", true)));
      assertThat(snippet.text()).isEqualTo("a b");
      assertThat(SearchResults.Snippet.plain("").parts()).isEmpty();
      assertThat(SearchResults.Snippet.plain("t").parts())
          .containsExactly(new SearchResults.Part("t", false));
    }
  }

  @Nested
  class Menus {

    private final MenuLink about = new MenuLink("about", "About", 2);
    private final MenuLink contact = new MenuLink("contact", "Contact", 1);
    private final MenuLink blog = new MenuLink("blog", "Blog", 2);

    @Test
    void visibleLinksComeByPositionThenSlug() {
      Menu menu =
          new Menu(
              List.of(
                  new Menu.Entry(about, T0, null),
                  new Menu.Entry(contact, T0, null),
                  new Menu.Entry(blog, T0, null)));
      assertThat(menu.visibleAt(T0)).containsExactly(contact, about, blog);
    }

    @Test
    void anEntryShowsFromItsPostsTimeUntilItExpires() {
      Menu menu =
          new Menu(List.of(new Menu.Entry(about, T0, T1), new Menu.Entry(contact, T1, null)));
      assertThat(menu.visibleAt(T0.minusNanos(1))).isEmpty();
      assertThat(menu.visibleAt(T0)).containsExactly(about);
      assertThat(menu.visibleAt(T1)).containsExactly(contact);
      assertThat(Menu.EMPTY.visibleAt(T1)).isEmpty();
    }

    @Test
    void entriesAreCopied() {
      List<Menu.Entry> entries = new ArrayList<>(List.of(new Menu.Entry(about, T0, null)));
      Menu menu = new Menu(entries);
      entries.clear();
      assertThat(menu.entries()).hasSize(1);
    }

    @Test
    void anEntryNeedsALinkAndATime() {
      assertThatThrownBy(() -> new Menu.Entry(null, T0, null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("link");
      assertThatThrownBy(() -> new Menu.Entry(about, null, null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("visibleFrom");
      assertThatThrownBy(() -> new MenuLink(null, "l", 1)).hasMessage("slug");
      assertThatThrownBy(() -> new MenuLink("s", null, 1)).hasMessage("label");
    }
  }

  @Nested
  class SlugOwnership {

    @ParameterizedTest(name = "{0} before {1}")
    @CsvSource({
      "posts/Hello World.md, posts/hello-world.md",
      "posts/a.md, posts/b.md",
      "posts/a.md, posts/a.md.bak",
      "posts/\uFFFF.md, posts/\uD83D\uDE00.md",
    })
    void theFirstKeyByCodePointOwns(String first, String second) {
      assertThat(SlugOwners.ORDER.compare(first, second)).isNegative();
      assertThat(SlugOwners.ORDER.compare(second, first)).isPositive();
      assertThat(SlugOwners.ORDER.compare(first, first)).isZero();
    }
  }

  @Nested
  class Listings {

    @ParameterizedTest(name = "{0}/{1} is an archive")
    @CsvSource({"1, 0", "9999, 12", "2024, 1"})
    void yearsFromOneTo9999AndMonthsUpTo12(int year, int month) {
      assertThat(new Listing.Archive(year, month).year()).isEqualTo(year);
    }

    @ParameterizedTest(name = "{0}/{1} is none")
    @CsvSource({"0, 1", "10000, 1", "2024, -1", "2024, 13"})
    void anythingElseIsRefused(int year, int month) {
      assertThatThrownBy(() -> new Listing.Archive(year, month))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no such archive: " + year + "/" + month);
    }
  }

  @Nested
  class SmallValues {

    @Test
    void theSmallerTagNameWinsAndATieKeepsTheFirst() {
      assertThat(TagCount.smallerName("Java", "java")).isEqualTo("Java");
      assertThat(TagCount.smallerName("java", "Java")).isEqualTo("Java");
      String first = new String("same");
      assertThat(TagCount.smallerName(first, "same")).isSameAs(first);
    }

    @Test
    void aSearchChangeTravelsAsJson() {
      SearchChange change = SearchChange.of("posts/a.md", Sequencer.of("1"));
      assertThat(change.sequencer()).isEqualTo("1" + "0".repeat(39));
      assertThat(SearchChange.fromJson(change.toJson())).isEqualTo(change);
      assertThat(SearchChange.fromJson(SearchChange.rebuildAll().toJson()))
          .isEqualTo(new SearchChange(null, null, true));
      assertThat(SearchChange.of("k", null).sequencer()).isNull();
    }

    @Test
    void aSearchChangeWithoutAKeyIsRefused() {
      assertThatThrownBy(() -> SearchChange.fromJson("{\"sequencer\":\"1\"}"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> SearchChange.fromJson("{\"key\":\"\"}"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(SearchChange.fromJson("{\"key\":\"k\",\"rebuild\":false}"))
          .isEqualTo(new SearchChange("k", null, false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        nullValues = "null",
        value = {
          "a.png, image/png",
          "a.JPG, image/jpeg",
          "a.jpeg, image/jpeg",
          "a.gif, image/gif",
          "a.webp, image/webp",
          "a.avif, image/avif",
          "x/a.svg, image/svg+xml",
          "favicon.ico, image/x-icon",
          ".png, image/png",
          "a.png.txt, null",
          "png, null",
          "a., null",
        })
    void mediaTypesComeFromTheExtension(String name, String type) {
      assertThat(MediaStore.contentType(name).orElse(null)).isEqualTo(type);
    }

    @Test
    void withoutAnIndexSearchIsUnavailableAndFindsNothing() {
      SearchQuery query = new SearchQuery("x", 2);
      assertThat(PostSearch.NONE.available()).isFalse();
      assertThat(PostSearch.NONE.search(query, T0)).isEqualTo(SearchResults.none(query));
      PostSearch index = (q, now) -> SearchResults.none(q);
      assertThat(index.available()).isTrue();
    }

    @Test
    void listsInValuesAreCopied() {
      List<String> items = new ArrayList<>(List.of("a"));
      Page<String> page = new Page<>(items, null);
      items.add("b");
      assertThat(page.items()).containsExactly("a");
    }

    @Test
    void aStoredPostNeedsASlugAndAState() {
      assertThatThrownBy(() -> new StoredPost(null, StoredPost.State.GONE, null, null))
          .hasMessage("slug");
      assertThatThrownBy(() -> new StoredPost("s", null, null, null)).hasMessage("state");
    }
  }

  @Nested
  class Summaries {

    @Test
    void aSummaryTakesTheListingFieldsOfItsPost() {
      Post post =
          new Post(
              "posts/a.md",
              "a",
              "A",
              T0,
              T1,
              List.of(Tag.of("Java")),
              List.of(),
              "sum",
              true,
              T1,
              T1.plusSeconds(60),
              List.of(),
              null,
              null,
              null,
              "<p>x</p>",
              List.of(),
              5,
              3,
              "h",
              Map.of());
      assertThat(PostSummary.of(post))
          .isEqualTo(
              new PostSummary(
                  "a",
                  "A",
                  T0,
                  T1,
                  T1,
                  T1.plusSeconds(60),
                  "sum",
                  List.of(Tag.of("Java")),
                  3,
                  true));
    }

    @Test
    void listingsGoByVisibleTimeThenSlug() {
      PostSummary early = new PostSummary("z", "Z", T1, T1, T0, null, "", List.of(), 1);
      PostSummary lateA = new PostSummary("a", "A", T0, T0, T1, null, "", List.of(), 1);
      PostSummary lateB = new PostSummary("b", "B", T0, T0, T1, null, "", List.of(), 1);
      List<PostSummary> sorted = new ArrayList<>(List.of(lateB, lateA, early));
      sorted.sort(PostSummary.OLDEST_FIRST);
      assertThat(sorted).containsExactly(early, lateA, lateB);
      assertThat(early.draft()).isFalse();
    }
  }
}
