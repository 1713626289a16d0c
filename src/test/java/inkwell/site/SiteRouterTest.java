package inkwell.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import inkwell.post.Slugs;
import inkwell.site.Route.Feed.Format;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route of docs/READING.md's table, every kind of escape and every refusal, decided by {@link
 * SiteRouter} alone: no storage, no server.
 */
class SiteRouterTest {

  private static final String BAD_ESCAPE = "the URL has a bad percent-escape";
  private static final String NOT_UTF8 = "the URL's percent-escapes are not UTF-8";
  private static final String CONTROL = "the path contains a control character or a backslash";
  private static final String DOT_SEGMENT = "the path contains a . or .. segment";
  private static final String AFTER_TWICE = "the after parameter is given twice";

  private static Route route(String pathAndQuery) {
    return SiteRouter.route(SiteRequest.get(pathAndQuery));
  }

  private static Route route(String path, String query) {
    return SiteRouter.route(new SiteRequest("GET", path, query, null, null));
  }

  @Nested
  class EveryRouteOfTheTable {

    static Stream<Arguments> routes() {
      return Stream.of(
          arguments("/", new Route.Home(null)),
          arguments("/?after=c1", new Route.Home("c1")),
          arguments("/hello-world/", new Route.PostPage("hello-world")),
          arguments("/2024/08/deep-dive/", new Route.PostPage("2024/08/deep-dive")),
          arguments("/tags/", new Route.TagIndex()),
          arguments("/tags/java/", new Route.TagPage("java", null)),
          arguments("/tags/java-17/?after=c1", new Route.TagPage("java-17", "c1")),
          arguments("/archive/", new Route.ArchiveIndex(null)),
          arguments("/archive/?after=c1", new Route.ArchiveIndex("c1")),
          arguments("/archive/2024/", new Route.ArchivePage(2024, 0, null)),
          arguments("/archive/2024/03/", new Route.ArchivePage(2024, 3, null)),
          arguments("/archive/2024/12/?after=c1", new Route.ArchivePage(2024, 12, "c1")),
          arguments("/older/hello/", new Route.Adjacent("hello", true)),
          arguments("/newer/2024/hello/", new Route.Adjacent("2024/hello", false)),
          arguments("/feed.xml", new Route.Feed(Format.RSS)),
          arguments("/atom.xml", new Route.Feed(Format.ATOM)),
          arguments("/feed.json", new Route.Feed(Format.JSON)),
          arguments("/sitemap.xml", new Route.Sitemap(0)),
          arguments("/sitemap-1.xml", new Route.Sitemap(1)),
          arguments("/sitemap-2.xml", new Route.Sitemap(2)),
          arguments("/sitemap-999999.xml", new Route.Sitemap(999999)),
          arguments("/robots.txt", new Route.Robots()),
          arguments("/favicon.ico", new Route.Favicon()),
          arguments("/api/posts", new Route.ApiPosts(null)),
          arguments("/api/posts?after=c1", new Route.ApiPosts("c1")),
          arguments("/api/posts/hello", new Route.ApiPost("hello")),
          arguments("/api/posts/2024/hello", new Route.ApiPost("2024/hello")),
          arguments("/api/tags", new Route.ApiTags()),
          arguments("/search", new Route.Search("", 1)),
          arguments("/search?q=java&page=2", new Route.Search("java", 2)),
          arguments("/api/search?q=java", new Route.ApiSearch("java", 1)),
          arguments("/api/search?q=java&page=3", new Route.ApiSearch("java", 3)),
          arguments("/assets/site.0123456789.css", new Route.Stylesheet("site.0123456789.css")),
          arguments("/assets/site.abcdef0123.css", new Route.Stylesheet("site.abcdef0123.css")),
          arguments("/media/cat.png", new Route.Media("cat.png")),
          arguments("/media/2024/_my-cat.v2.jpg", new Route.Media("2024/_my-cat.v2.jpg")),
          arguments("/old-page.html", new Route.Alias("old-page.html")),
          arguments("/2019/Old_Post.html", new Route.Alias("2019/Old_Post.html")),
          arguments("/2019/old_post/", new Route.Alias("2019/old_post")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("routes")
    void eachPathRoutesToItsPage(String pathAndQuery, Route expected) {
      assertThat(route(pathAndQuery)).isEqualTo(expected);
    }
  }

  @Nested
  class CanonicalAddresses {

    @ParameterizedTest(name = "{0} -> 301 {1}")
    @CsvSource({
      "/hello-world, /hello-world/",
      "/2024/hello, /2024/hello/",
      "/tags, /tags/",
      "/tags/java, /tags/java/",
      "/archive/2024, /archive/2024/",
      "/older/hello, /older/hello/",
      "/Hello-World/, /hello-world/",
      "/2024/HELLO/, /2024/hello/",
      "/Tags/Java/, /tags/java/",
      "/ARCHIVE/2024/03/, /archive/2024/03/",
      // the slash is added first, the case folded on the next request
      "/Hello-World, /Hello-World/",
    })
    void aPathWithoutItsSlashOrInUpperCaseMovesToTheCanonicalOne(String path, String location) {
      assertThat(route(path)).isEqualTo(new Route.Canonical(location));
    }

    @Test
    void anUpperCasePathThatIsNoSlugEvenFoldedIsNotRedirectedButLookedUpAsAnAlias() {
      assertThat(route("/Old_Post/")).isEqualTo(new Route.Alias("Old_Post"));
    }

    @Test
    void aPathWithoutSlashWhoseLastSegmentHasADotIsAnOldAddressNotACanonicalOne() {
      assertThat(route("/2019/old.post")).isEqualTo(new Route.Alias("2019/old.post"));
      assertThat(route("/v1.2/notes")).isEqualTo(new Route.Canonical("/v1.2/notes/"));
    }
  }

  @Nested
  class Escapes {

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("inkwell.site.SiteRouterTest#validEscapes")
    void aValidEscapeIsDecodedBeforeRouting(String path, Route expected) {
      assertThat(route(path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> 400")
    @CsvSource({
      "/%, " + BAD_ESCAPE,
      "/a%2, " + BAD_ESCAPE,
      "/%2/, " + BAD_ESCAPE,
      "/%G0/, " + BAD_ESCAPE,
      "/%0G/, " + BAD_ESCAPE,
      "/%%41/, " + BAD_ESCAPE,
      "/%C3%28/, " + NOT_UTF8,
      "/%E9/, " + NOT_UTF8,
      "/caf%C3/, " + NOT_UTF8,
      "/%FF/, " + NOT_UTF8,
      "/%ED%A0%80/, " + NOT_UTF8,
    })
    void aBadEscapeOrInvalidUtf8IsABadRequest(String path, String reason) {
      assertThat(route(path)).isEqualTo(new Route.BadRequest(reason));
    }

    @Test
    void anEscapeThatEndsThePathExactlyIsValid() {
      // "%41" is the last three characters: i + 2 == length - 1
      assertThat(route("/%41")).isEqualTo(new Route.Canonical("/A/"));
      assertThat(route("/a%4")).isEqualTo(new Route.BadRequest(BAD_ESCAPE));
    }

    @Test
    void rawTextOutsideTheBasicPlaneIsKeptWithOrWithoutAnEscapeBesideIt() {
      assertThat(route("/😀/")).isEqualTo(new Route.Alias("😀"));
      assertThat(route("/%41😀/")).isEqualTo(new Route.Alias("A😀"));
      assertThat(route("/😀%20x/")).isEqualTo(new Route.Alias("😀 x"));
    }

    @Test
    void theFirstRawCharacterAboveAsciiIsEncodedAsUtf8NotAsAByte() {
      assertThat(route("/%41\u0080/")).isEqualTo(new Route.Alias("A\u0080"));
    }

    @Test
    void rawNonAsciiTextBesideAnEscapeIsKeptAsUtf8() {
      assertThat(route("/café-%C3%A9/")).isEqualTo(new Route.Alias("café-é"));
      assertThat(route("/café/")).isEqualTo(new Route.Alias("café"));
    }
  }

  static Stream<Arguments> validEscapes() {
    return Stream.of(
        arguments("/%68ello/", new Route.PostPage("hello")),
        arguments("/%68%65%6C%6C%6F/", new Route.PostPage("hello")),
        arguments("/%68%65%6c%6c%6f/", new Route.PostPage("hello")),
        arguments("/hello%20world/", new Route.Alias("hello world")),
        arguments("/caf%C3%A9/", new Route.Alias("café")),
        arguments("/CAF%C3%A9/", new Route.Alias("CAFé")),
        arguments("/%E2%82%AC/", new Route.Alias("€")),
        arguments("/%F0%9F%98%80/", new Route.Alias("😀")),
        arguments("/a%7Eb/", new Route.Alias("a~b")),
        arguments("/a%20b", new Route.Canonical("/a b/")),
        arguments("/media/cat%2Dv2.png", new Route.Media("cat-v2.png")),
        arguments("/tags/j%61va/", new Route.TagPage("java", null)),
        arguments("/feed%2Exml", new Route.Feed(Format.RSS)),
        // an escaped slash is a slash once decoded: the path then has an empty segment
        arguments("/%2Fetc/", new Route.NotFound()),
        arguments("/a%2Fb/", new Route.PostPage("a/b")));
  }

  @Nested
  class RefusedPaths {

    @ParameterizedTest(name = "{0} -> 400")
    @CsvSource({
      "/../, " + DOT_SEGMENT,
      "/./, " + DOT_SEGMENT,
      "/a/../b/, " + DOT_SEGMENT,
      "/a/./b/, " + DOT_SEGMENT,
      "/a/.., " + DOT_SEGMENT,
      "/%2e%2e/, " + DOT_SEGMENT,
      "/%2E/, " + DOT_SEGMENT,
      "/a%00b/, " + CONTROL,
      "/a%1Fb/, " + CONTROL,
      "/a%0Ab/, " + CONTROL,
      "/a%7Fb/, " + CONTROL,
      "/a%5Cb/, " + CONTROL,
      "/a\\b/, " + CONTROL,
      "hello/, the path must start with /",
      "'', the path must start with /",
    })
    void traversalControlCharactersAndRelativePathsAreBadRequests(String path, String reason) {
      assertThat(route(path, null)).isEqualTo(new Route.BadRequest(reason));
    }

    @Test
    void theFirstCharactersAboveTheControlRangeAreAllowed() {
      assertThat(route("/a%20b/")).isEqualTo(new Route.Alias("a b"));
      assertThat(route("/a%7Eb/")).isEqualTo(new Route.Alias("a~b"));
      assertThat(route("/a%C2%80b/")).isEqualTo(new Route.Alias("a\u0080b"));
    }

    @Test
    void segmentsOfThreeDotsAreNoTraversal() {
      assertThat(route("/a/.../")).isEqualTo(new Route.Alias("a/..."));
    }

    @ParameterizedTest(name = "{0} -> 404")
    @CsvSource({"/a//b/", "//", "//a/", "/a//"})
    void anEmptySegmentIsNotFound(String path) {
      assertThat(route(path)).isEqualTo(new Route.NotFound());
    }
  }

  @Nested
  class LongAddresses {

    private static String pathOfLength(int length) {
      return "/" + "a".repeat(length - 2) + "/";
    }

    @Test
    void aPathOf1024CharactersIsRouted() {
      assertThat(pathOfLength(1024)).hasSize(SiteRouter.MAX_PATH);
      assertThat(route(pathOfLength(1024), null)).isEqualTo(new Route.PostPage("a".repeat(1022)));
      assertThat(route(pathOfLength(1023), null)).isEqualTo(new Route.PostPage("a".repeat(1021)));
    }

    @Test
    void aPathOf1025CharactersIsTooLong() {
      assertThat(route(pathOfLength(1025), null)).isEqualTo(new Route.TooLong(1024));
    }

    @Test
    void aQueryOf1024CharactersIsRoutedAndOneOf1025IsTooLong() {
      String query1024 = "after=" + "c".repeat(1018);
      assertThat(route("/", query1024)).isEqualTo(new Route.Home("c".repeat(1018)));
      assertThat(route("/", query1024 + "c")).isEqualTo(new Route.TooLong(1024));
    }

    @Test
    void theLengthIsCheckedBeforeTheEscapes() {
      assertThat(route("/%ZZ" + "a".repeat(1021), null)).isEqualTo(new Route.TooLong(1024));
    }
  }

  @Nested
  class NotFound {

    @ParameterizedTest(name = "{0} -> 404")
    @CsvSource({
      "/tags/java/extra/",
      "/archive/24/",
      "/archive/20245/",
      "/archive/2024/13/",
      "/archive/2024/00/",
      "/archive/2024/3/",
      "/archive/2024/03/01/",
      "/archive/0000/",
      "/archive/0000/01/",
      "/archive/abcd/",
      "/older/",
      "/newer/",
      "/older/bad_slug/",
      "/api",
      "/api/",
      "/api/posts/",
      "/api/tags/",
      "/api/tags/java",
      "/api/other",
      "/api/posts/Bad_Slug",
      "/api/search/",
      "/media",
      "/media/",
      "/media/cat.png/",
      "/media/.hidden.png",
      "/media/a%20b.png",
      "/assets",
      "/assets/",
      "/assets/site.0123456789.css/",
      "/assets/images/",
    })
    void aPathUnderAReservedPrefixThatNamesNothingIsNotFound(String path) {
      assertThat(route(path)).isEqualTo(new Route.NotFound());
    }

    @ParameterizedTest(name = "{0} is looked up as a moved site's asset")
    @ValueSource(
        strings = {
          "/assets/site.css",
          "/assets/site.012345678.css",
          "/assets/site.0123456789a.css",
          "/assets/site.ABCDEF0123.css",
          "/assets/x/site.0123456789.css",
          "/assets/images/cat.png",
        })
    void aFileUnderAssetsThatIsNotTheStylesheetIsLookedUpAsAnAlias(String path) {
      // A Jekyll site's own /assets/...: an address the moved site's images kept (MIGRATING.md).
      assertThat(route(path)).isEqualTo(new Route.Alias(path.substring(1)));
    }

    @Test
    void theFirstYearWithAMonthAndTheFirstYearAloneAreArchivePages() {
      assertThat(route("/archive/0001/")).isEqualTo(new Route.ArchivePage(1, 0, null));
      assertThat(route("/archive/0001/01/")).isEqualTo(new Route.ArchivePage(1, 1, null));
    }
  }

  @Nested
  class Sitemaps {

    @ParameterizedTest(name = "{0} is a sitemap page, not any unknown path")
    @CsvSource({"/sitemap-2.xml, 2", "/sitemap-10.xml, 10", "/sitemap-123456.xml, 123456"})
    void aNumberedSitemapRoutesToItsPage(String path, int page) {
      assertThat(route(path)).isEqualTo(new Route.Sitemap(page));
    }

    @ParameterizedTest(name = "{0} is an old address")
    @CsvSource({
      "/sitemap-0.xml",
      "/sitemap-01.xml",
      "/sitemap-1000000.xml",
      "/sitemap-.xml",
      "/sitemap-x.xml",
      "/Sitemap-2.xml",
    })
    void aSitemapNameOutsideThePatternIsLookedUpAsAnAlias(String path) {
      assertThat(route(path)).isEqualTo(new Route.Alias(path.substring(1)));
    }

    @Test
    void aFeedOrSitemapWithASlashIsNoFeed() {
      assertThat(route("/feed.xml/")).isEqualTo(new Route.Alias("feed.xml"));
      assertThat(route("/sitemap-2.xml/")).isEqualTo(new Route.Alias("sitemap-2.xml"));
      assertThat(route("/robots.txt/")).isEqualTo(new Route.Alias("robots.txt"));
    }

    @Test
    void aFeedNameBelowAFolderIsNoFeed() {
      assertThat(route("/blog/feed.xml")).isEqualTo(new Route.Alias("blog/feed.xml"));
      assertThat(route("/blog/search")).isEqualTo(new Route.Canonical("/blog/search/"));
    }
  }

  @Nested
  class TheAfterCursor {

    @ParameterizedTest(name = "{0} -> after {1}")
    @CsvSource(
        nullValues = "null",
        value = {
          "null, null",
          "'', null",
          "after=, null",
          "after, null",
          "after=c1, c1",
          "utm_source=mail&after=c1, c1",
          "after=c1&utm_source=mail, c1",
          "after=c%2B1, c+1",
          "after=c+1, c+1",
          "%61fter=c1, c1",
          "after%20=c1, null",
          "after+=c1, null",
          "After=c1, null",
          "q=%ZZ, null",
          "after=a=b, a=b",
          // a parameter with no name is ignored, even with a bad escape in its value
          "=%ZZ, null",
          "=c1, null",
        })
    void theCursorIsReadFromTheQueryAndOtherParametersAreIgnored(String query, String after) {
      assertThat(SiteRouter.after(query)).isEqualTo(after);
    }

    @ParameterizedTest(name = "{0} -> 400")
    @CsvSource({
      "after=a&after=b",
      "after=a&after=a",
      "after=&after=b",
      "after=a&after=",
      "after=a&%61fter=b",
    })
    void aCursorGivenTwiceIsABadRequestWhateverItsValues(String query) {
      assertThat(route("/", query)).isEqualTo(new Route.BadRequest(AFTER_TWICE));
      assertThat(route("/api/posts", query)).isEqualTo(new Route.BadRequest(AFTER_TWICE));
    }

    @Test
    void aCursorWithABadEscapeIsABadRequest() {
      assertThat(route("/", "after=%ZZ")).isEqualTo(new Route.BadRequest(BAD_ESCAPE));
      assertThat(route("/", "%ZZ=1")).isEqualTo(new Route.BadRequest(BAD_ESCAPE));
    }

    @Test
    void anyPageIgnoresAParameterItDoesNotRead() {
      assertThat(route("/hello/", "fbclid=x&utm_campaign=y"))
          .isEqualTo(new Route.PostPage("hello"));
    }
  }

  @Test
  void aPageCarriesTheCursorOfASectionPagesListing() {
    assertThat(route("/posts/", "after=c1")).isEqualTo(new Route.PostPage("posts", "c1"));
  }

  @Test
  void aMovedBlogsPaginatedTagPageIsTheTagsListing() {
    assertThat(route("/tags/java/page/2/", null)).isEqualTo(new Route.Canonical("/tags/java/"));
    assertThat(route("/tags/page/3/", null)).isEqualTo(new Route.Canonical("/tags/"));
    assertThat(route("/tags/%E5%85%89%E7%8C%AB/page/2/", null))
        .isEqualTo(new Route.Canonical("/tags/" + Slugs.segment("光猫") + "/"));
  }

  @Test
  void aTagAsHugoWritesItIsTheTagAtInkwellsSlug() {
    assertThat(route("/tags/%E5%85%89%E7%8C%AB/", null))
        .isEqualTo(new Route.Canonical("/tags/" + Slugs.segment("光猫") + "/"));
    assertThat(route("/tags/3d-%E6%89%93%E5%8D%B0%E6%9C%BA/", null))
        .isEqualTo(new Route.Canonical("/tags/3d/"));
    assertThat(route("/tags/c_sharp/", null)).isEqualTo(new Route.Canonical("/tags/c-sharp/"));
    assertThat(route("/tags/c++/", null)).isEqualTo(new Route.Canonical("/tags/c/"));
    assertThat(route("/tags/-java/", null)).isEqualTo(new Route.Canonical("/tags/java/"));
  }

  @Nested
  class SearchParameters {

    @ParameterizedTest(name = "{0} -> q=[{1}] page {2}")
    @CsvSource(
        nullValues = "null",
        value = {
          "null, '', 1",
          "'', '', 1",
          "q, '', 1",
          "q=, '', 1",
          "q=hello+world, hello world, 1",
          "q=a%2Bb, a+b, 1",
          "q=caf%C3%A9, café, 1",
          "q=%ZZ+x, %ZZ x, 1",
          "q=100%, 100%, 1",
          "q=a&q=b, a, 1",
          "Q=a, '', 1",
          "x=1&q=a=b, a=b, 1",
          "q=a&page=1, a, 1",
          "q=a&page=2, a, 2",
          "q=a&page=9999, a, 9999",
          "q=a&page=10000, a, 1",
          "q=a&page=0, a, 1",
          "q=a&page=01, a, 1",
          "q=a&page=-2, a, 1",
          "q=a&page=x, a, 1",
          "q=a&page=%32, a, 2",
        })
    void theQueryIsReadLenientlyAndThePageFromOne(String query, String q, int page) {
      assertThat(route("/search", query)).isEqualTo(new Route.Search(q, page));
      assertThat(route("/api/search", query)).isEqualTo(new Route.ApiSearch(q, page));
    }

    @Test
    void aCursorGivenTwiceIsRefusedEvenOnTheSearchPage() {
      assertThat(route("/search", "after=a&after=b&q=x"))
          .isEqualTo(new Route.BadRequest(AFTER_TWICE));
    }

    @Test
    void searchWithASlashIsAnOrdinaryPath() {
      assertThat(route("/search/")).isEqualTo(new Route.PostPage("search"));
    }
  }

  @Nested
  class Decoding {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "plain, plain",
      "a+b, a+b",
      "%41%42, AB",
      "%c3%a9, é",
      "x%20, 'x '",
    })
    void decodeIsStrictPercentDecodingToUtf8(String raw, String decoded) {
      assertThat(SiteRouter.decode(raw)).isEqualTo(decoded);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"%", "%4", "x%", "%4G", "%G4", "%C3"})
    void decodeRefusesWhatItCannotDecode(String raw) {
      assertThatThrownBy(() -> SiteRouter.decode(raw)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
