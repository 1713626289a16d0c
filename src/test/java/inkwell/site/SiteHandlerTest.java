package inkwell.site;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.aws.DynamoPostRepository;
import inkwell.aws.S3ContentStore;
import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.site.view.Theme;
import inkwell.storage.Sequencer;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Buckets;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.RequestCounter;
import inkwell.testenv.Tables;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The site function end to end: API Gateway v2 event JSON, deserialized as the Lambda runtime does,
 * through {@link SiteHandler} and the real controllers, against posts published into the DynamoDB
 * and S3 emulators. Every route, status code and header, and the storage requests per page, counted
 * inside the function's own SDK clients.
 */
@ExtendWith(AwsEmulators.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteHandlerTest {

  private static final PostPipeline PIPELINE = PostPipeline.create();

  private final Emulators emulators;
  private SiteHandler handler;
  private RequestCounter requests;
  private DynamoPostRepository posts;
  private int sequence = 0x100;
  private String bucket;

  SiteHandlerTest(Emulators emulators) {
    this.emulators = emulators;
  }

  /** A response as a browser would see it: body decoded from base64 and gzip. */
  record Reply(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Document html() {
      return Jsoup.parse(text());
    }
  }

  @BeforeAll
  void start() {
    bucket = Emulators.uniqueName("site");
    String table = Emulators.uniqueName("site");
    Buckets.createContentBucket(emulators.s3(), bucket);
    Tables.createPostsTable(emulators.dynamoDb(), table);
    Map<String, Object> properties = EmulatorAwsSettings.onEmulators(emulators, bucket, table);
    properties.put("inkwell.site.title", "Field Notes");
    properties.put("inkwell.site.base-url", "https://blog.example.com");
    properties.put("inkwell.site.posts-per-page", "2");
    // What every page shares (the menu, the ends of the timeline) stays in memory for the whole
    // class, however slow the machine: the request counts below are those of a warm function.
    properties.put("inkwell.site.shared-cache-seconds", "3600");
    handler = new SiteHandler(ApplicationContext.builder().properties(properties).start());
    requests = handler.getApplicationContext().getBean(RequestCounter.class);
    posts =
        new DynamoPostRepository(
            emulators.dynamoDb(),
            table,
            new S3ContentStore(emulators.s3(), bucket, "posts/", "_status/", "_bodies/"),
            Clock.systemUTC());

    publish(
        "posts/2024/first-steps.md",
        "---\ntitle: First steps\ndate: 2024-01-10\ntags: [Java, Lambda]\naliases: [/old/first.html]\n---\nHello <b>world</b>.");
    publish(
        "posts/second.md",
        "---\ntitle: Second post\ndate: 2024-02-20\ntags: [Java]\n---\n## One\n\nText.\n\n## Two\n\n## Three\n");
    publish(
        "posts/third.md",
        "---\ntitle: Third & last\ndate: 2024-03-30\ntags: [AWS]\nsummary: The <newest> one.\n---\nBody three.");
    publish("posts/draft.md", "---\ntitle: Secret draft\ndraft: true\n---\nNot yet.");
    publish("posts/scheduled.md", "---\ntitle: Later\ndate: 2099-01-01\n---\nFuture.");
    publish("posts/removed.md", "---\ntitle: Removed\ndate: 2023-01-01\n---\nBye.");
    posts.remove("posts/removed.md", Sequencer.of(String.format("%08X", ++sequence)));
    publish("posts/renamed.md", "---\ntitle: Renamed\ndate: 2023-05-05\n---\nOld slug.");
    publish(
        "posts/renamed.md",
        "---\ntitle: Renamed\ndate: 2023-05-05\nslug: new-name\n---\nNew slug.");
    // A warm function: the newest and oldest post (the older and newer links) are in memory.
    get("/2024/first-steps/");
  }

  @AfterAll
  void stop() {
    handler.close();
  }

  @BeforeEach
  void resetCounts() {
    requests.reset();
  }

  private void publish(String key, String markdown) {
    ParseResult result =
        PIPELINE.parse(
            new Source(
                key,
                markdown.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-01-01T00:00:00Z")));
    posts.publish(
        ((ParseResult.Parsed) result).post(), Sequencer.of(String.format("%08X", ++sequence)));
  }

  private Reply request(String method, String path, Map<String, String> headers) {
    TestSite.Reply reply = TestSite.request(handler, method, path, headers);
    return new Reply(reply.status(), reply.headers(), reply.body());
  }

  private Reply get(String path) {
    return request("GET", path, Map.of());
  }

  @Test
  void theSiteFunctionHoldsTheTablesReaderAndNoWriter() {
    assertThat(get("/").status()).isEqualTo(200);
    var context = handler.getApplicationContext();
    assertThat(context.getActiveBeanRegistrations(inkwell.aws.DynamoPostReader.class)).hasSize(1);
    assertThat(context.getActiveBeanRegistrations(inkwell.aws.DynamoPostWriter.class)).isEmpty();
  }

  @Nested
  class Pages {

    @Test
    void theHomePageListsVisiblePostsNewestFirstWithOneQuery() {
      Reply home = get("/");
      assertThat(home.status()).isEqualTo(200);
      assertThat(home.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
      assertThat(home.html().select("main article h2 a").eachText())
          .containsExactly("Third & last", "Second post");
      assertThat(home.text()).doesNotContain("Secret draft").doesNotContain("Later");
      assertThat(requests.operations()).containsExactly("Query");
    }

    @Test
    void olderPostsAreReachedThroughACursorLink() {
      String older = get("/").html().select("a[href^=/?after=]").attr("href");
      assertThat(older).startsWith("/?after=");
      Reply page = get(older);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.html().select("main article h2 a").eachText())
          .containsExactly("First steps", "Renamed");
    }

    @Test
    void withNoSiteAuthorConfiguredTheFooterAndFeedsNameNone() {
      assertThat(get("/").html().select("footer").text())
          .doesNotContain(" by ")
          .contains("Follow with");
      assertThat(get("/feed.xml").text()).doesNotContain("dc:creator");
      assertThat(get("/feed.json").text()).doesNotContain("\"authors\"");
      assertThat(get("/atom.xml").html().select("feed > author > name").text())
          .as("Atom requires an author: the site's title stands in")
          .isEqualTo("Field Notes");
    }

    @Test
    void aPostPageIsOneGetItem() {
      Reply post = get("/2024/first-steps/");
      assertThat(post.status()).isEqualTo(200);
      assertThat(post.html().select("h1").text()).isEqualTo("First steps");
      assertThat(post.html().select("article b").text()).isEqualTo("world");
      assertThat(post.html().select("link[rel=canonical]").attr("href"))
          .isEqualTo("https://blog.example.com/2024/first-steps/");
      assertThat(requests.operations()).containsExactly("GetItem");
    }

    @Test
    void aTagPageAndTheTagIndexListTheirPosts() {
      Reply tag = get("/tags/java/");
      assertThat(tag.status()).isEqualTo(200);
      assertThat(tag.html().select("h1").text()).contains("Java");
      assertThat(requests.operations()).containsExactly("Query");
      Reply index = get("/tags/");
      assertThat(index.status()).isEqualTo(200);
      assertThat(index.html().select("main a[href=/tags/java/]")).hasSize(1);
    }

    @Test
    void archivesByYearAndMonth() {
      assertThat(get("/archive/").status()).isEqualTo(200);
      assertThat(get("/archive/2024/").html().select("main article")).hasSize(3);
      assertThat(get("/archive/2024/02/").html().select("main article h2").text())
          .isEqualTo("Second post");
      assertThat(get("/archive/1999/").status()).isEqualTo(404);
      assertThat(get("/archive/2024/13/").status()).isEqualTo(404);
    }

    @Test
    void olderAndNewerLinksRedirectToTheNeighbours() {
      Reply older = get("/older/second/");
      assertThat(older.status()).isEqualTo(302);
      assertThat(older.header("Location")).isEqualTo("/2024/first-steps/");
      assertThat(get("/newer/second/").header("Location")).isEqualTo("/third/");
      assertThat(get("/newer/third/").status()).isEqualTo(404);
    }
  }

  @Nested
  class StatusCodes {

    @Test
    void anUnknownPageIsAThemed404() {
      Reply missing = get("/no-such-post/");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.html().select("h1").text()).isEqualTo("Page not found");
      assertThat(missing.html().select("link[rel=stylesheet]")).hasSize(1);
    }

    @Test
    void draftsAndScheduledPostsAreNotServed() {
      assertThat(get("/draft/").status()).isEqualTo(404);
      assertThat(get("/scheduled/").status()).isEqualTo(404);
    }

    @Test
    void aDeletedPostIsGone() {
      Reply gone = get("/removed/");
      assertThat(gone.status()).isEqualTo(410);
      assertThat(gone.html().select("h1").text()).isNotBlank();
    }

    @Test
    void aRenamedPostRedirectsPermanently() {
      Reply moved = get("/renamed/");
      assertThat(moved.status()).isEqualTo(301);
      assertThat(moved.header("Location")).isEqualTo("/new-name/");
    }

    @Test
    void anAliasRedirectsPermanently() {
      Reply alias = get("/old/first.html");
      assertThat(alias.status()).isEqualTo(301);
      assertThat(alias.header("Location")).isEqualTo("/2024/first-steps/");
    }

    @Test
    void thePathWithoutTrailingSlashRedirectsToTheCanonicalOne() {
      Reply reply = get("/2024/first-steps");
      assertThat(reply.status()).isEqualTo(301);
      assertThat(reply.header("Location")).isEqualTo("/2024/first-steps/");
      assertThat(get("/Second/").header("Location")).isEqualTo("/second/");
      assertThat(requests.operations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void onlyGetAndHeadAreAllowed(String method) {
      Reply reply = request(method, "/second/", Map.of());
      assertThat(reply.status()).isEqualTo(405);
      assertThat(reply.header("Allow")).isEqualTo("GET, HEAD");
      assertThat(reply.html().select("h1").text()).isNotBlank();
    }
  }

  @Nested
  class BadRequests {

    /**
     * One request for each way to a 400: the path as API Gateway sends it, still escaped, refused
     * by the router (a bad escape; an escaped traversal, which a decoded path would hide), and a
     * cursor refused by the storage layer. Which paths the router refuses is SiteRouterTest's.
     */
    @ParameterizedTest
    @ValueSource(
        strings = {
          "/%zz/",
          "/a/%2E%2E%2Fb/",
          "/?after=!!!not-a-cursor",
          "/tags/java/?after=aGVsbG8"
        })
    void hostileOrBrokenRequestsGetAThemed400(String path) {
      Reply reply = get(path);
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.header("Content-Type")).startsWith("text/html");
      assertThat(reply.html().select("h1").text()).isEqualTo("Bad request");
      assertThat(reply.text()).doesNotContain("Exception").doesNotContain("at inkwell.");
    }

    @Test
    void anOverlongPathIsRefusedAsTooLong() {
      Reply reply = get("/" + "a".repeat(3000) + "/");
      assertThat(reply.status()).isEqualTo(414);
      assertThat(reply.html().select("h1").text()).isEqualTo("Address too long");
    }

    @Test
    void unknownQueryParametersAreIgnored() {
      assertThat(get("/?utm_source=feed&&=&x").status()).isEqualTo(200);
    }

    @Test
    void aCursorFromAnotherListingIsRefused() {
      String tagCursor = get("/tags/java/").html().select("a[href*=after=]").attr("href");
      String cursor = tagCursor.substring(tagCursor.indexOf("after=") + 6);
      assertThat(get("/?after=" + cursor).status()).isEqualTo(400);
    }
  }

  @Nested
  class Http {

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
      for (String path : List.of("/", "/second/", "/missing/", "/feed.xml", "/%zz/")) {
        Reply reply = get(path);
        assertThat(reply.header("Content-Security-Policy"))
            .as(path)
            .contains("default-src 'none'")
            .contains("frame-ancestors 'none'")
            .doesNotContain("unsafe-inline");
        assertThat(reply.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        assertThat(reply.header("Referrer-Policy"))
            .as(path)
            .isEqualTo("strict-origin-when-cross-origin");
        assertThat(reply.header("Strict-Transport-Security")).as(path).startsWith("max-age=");
      }
    }

    @Test
    void noPageCarriesAScriptAndThePolicyAllowsNone() {
      // The preview's live reload adds a script and allows it; the site function never does.
      for (String path : List.of("/", "/second/", "/tags/", "/missing/", "/%zz/")) {
        Reply reply = get(path);
        assertThat(reply.html().select("script")).as(path).isEmpty();
        assertThat(reply.text()).as(path).doesNotContain("EventSource", "_inkwell");
        assertThat(reply.header("Content-Security-Policy"))
            .as(path)
            .doesNotContain("script-src")
            .contains("connect-src 'self';");
      }
      assertThat(get("/_inkwell/reload/").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "application/rss+xml",
          "application/rss+xml, application/atom+xml;q=0.6, text/xml;q=0.4",
          "text/html"
        })
    void anAcceptHeaderWithoutJsonOrWildcardStillGetsTheResource(String accept) {
      Reply feed = request("GET", "/feed.xml", Map.of("Accept", accept));
      assertThat(feed.status()).isEqualTo(200);
      assertThat(feed.header("Content-Type")).isEqualTo("application/rss+xml; charset=utf-8");
      assertThat(request("GET", "/second/", Map.of("Accept", accept)).status()).isEqualTo(200);
    }

    @Test
    void aMatchingStarOrWeakIfNoneMatchGetsA304WithNoBody() {
      Reply first = get("/second/");
      String etag = first.header("ETag");
      assertThat(etag).matches("\"[0-9a-f]{32}\"");
      Reply again = request("GET", "/second/", Map.of("If-None-Match", etag));
      assertThat(again.status()).isEqualTo(304);
      assertThat(again.body()).isEmpty();
      assertThat(again.header("ETag")).isEqualTo(etag);
      assertThat(request("GET", "/second/", Map.of("If-None-Match", "*")).status()).isEqualTo(304);
      assertThat(request("GET", "/second/", Map.of("If-None-Match", "W/" + etag)).status())
          .isEqualTo(304);
      assertThat(request("GET", "/second/", Map.of("If-None-Match", "\"other\"")).status())
          .isEqualTo(200);
    }

    @Test
    void gzipIsSentWhenAcceptedAndDecodesToTheSamePage() {
      Reply plain = get("/second/");
      Reply zipped = request("GET", "/second/", Map.of("Accept-Encoding", "br, gzip;q=0.8"));
      assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(zipped.header("Vary")).contains("Accept-Encoding");
      assertThat(zipped.text()).isEqualTo(plain.text());
      assertThat(zipped.header("ETag")).isNotEqualTo(plain.header("ETag")).endsWith("-gzip\"");
      Reply notModified =
          request(
              "GET",
              "/second/",
              Map.of("Accept-Encoding", "gzip", "If-None-Match", zipped.header("ETag")));
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(
              request("GET", "/second/", Map.of("Accept-Encoding", "gzip;q=0"))
                  .header("Content-Encoding"))
          .isNull();
      assertThat(
              request("GET", "/second/", Map.of("Accept-Encoding", "*")).header("Content-Encoding"))
          .isEqualTo("gzip");
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
      Reply get = get("/second/");
      Reply head = request("HEAD", "/second/", Map.of());
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
      assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
      assertThat(request("HEAD", "/missing/", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void theThemesIconIsServedAtFaviconIcoAndCachedAsAPage() {
      assertThat(get("/").html().select("link[rel=icon]").attr("href")).isEqualTo("/favicon.ico");
      requests.reset();
      Reply icon = get("/favicon.ico");
      assertThat(icon.status()).isEqualTo(200);
      assertThat(icon.header("Content-Type")).isEqualTo("image/x-icon");
      assertThat(icon.body()).isEqualTo(Theme.load().icon());
      assertThat(requests.operations())
          .as("one look for the author's icon in the media, no table request")
          .containsExactly("GetObject");
      assertThat(icon.header("Cache-Control")).isEqualTo(get("/").header("Cache-Control"));
    }

    @Test
    void anAuthorsFaviconIcoInTheMediaPrefixWinsOverTheThemes() {
      byte[] own = "the author's own icon".getBytes(StandardCharsets.UTF_8);
      emulators
          .s3()
          .putObject(r -> r.bucket(bucket).key("media/favicon.ico"), RequestBody.fromBytes(own));
      try {
        Reply icon = get("/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.header("Content-Type")).isEqualTo("image/x-icon");
        assertThat(icon.body()).isEqualTo(own);
      } finally {
        emulators.s3().deleteObject(r -> r.bucket(bucket).key("media/favicon.ico"));
      }
    }

    @Test
    void theStylesheetIsServedWithAYearLongImmutableCache() {
      String href = get("/").html().select("link[rel=stylesheet]").attr("href");
      Reply css = get(href);
      assertThat(css.status()).isEqualTo(200);
      assertThat(css.header("Content-Type")).startsWith("text/css");
      assertThat(css.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
      assertThat(css.text()).contains("prefers-color-scheme");
      assertThat(get("/assets/site.0000000000.css").status()).isEqualTo(301);
    }
  }

  @Nested
  class FeedsAndApi {

    @Test
    void rssCarriesFullContentForOneQueryAndOneBatchRead() {
      Reply rss = get("/feed.xml");
      assertThat(rss.status()).isEqualTo(200);
      assertThat(rss.header("Content-Type")).isEqualTo("application/rss+xml; charset=utf-8");
      assertThat(rss.text()).contains("<rss").contains("Third &amp; last").contains("Body three.");
      assertThat(requests.operations()).containsExactly("Query", "BatchGetItem");
    }

    @Test
    void atomAndJsonFeedAreServed() {
      assertThat(get("/atom.xml").header("Content-Type"))
          .isEqualTo("application/atom+xml; charset=utf-8");
      Reply json = get("/feed.json");
      assertThat(json.header("Content-Type")).isEqualTo("application/feed+json; charset=utf-8");
      assertThat(json.text())
          .contains("https://jsonfeed.org/version/1.1")
          .contains("https://blog.example.com/second/");
    }

    @Test
    void theSitemapListsPostsAndRobotsPointsToIt() {
      Reply sitemap = get("/sitemap.xml");
      assertThat(sitemap.status()).isEqualTo(200);
      assertThat(sitemap.text())
          .contains("<loc>https://blog.example.com/2024/first-steps/</loc>")
          .doesNotContain("draft");
      assertThat(get("/robots.txt").text())
          .contains("Sitemap: https://blog.example.com/sitemap.xml");
      assertThat(get("/sitemap-2.xml").status()).isEqualTo(404);
    }

    @Test
    void theJsonApiListsPostsAndTagsAndServesOnePost() {
      Reply list = get("/api/posts");
      assertThat(list.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
      assertThat(list.text())
          .contains("\"slug\":\"third\"")
          .contains("\"next\":\"https://blog.example.com/api/posts?after=");
      Reply one = get("/api/posts/2024/first-steps");
      assertThat(one.text()).contains("\"title\":\"First steps\"").contains("\"html\":");
      assertThat(get("/api/posts/draft").status()).isEqualTo(404);
      assertThat(get("/api/tags").text()).contains("\"slug\":\"java\"").contains("\"posts\":2");
    }
  }
}
