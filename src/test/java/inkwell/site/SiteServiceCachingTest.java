package inkwell.site;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.aws.AwsClients;
import inkwell.aws.DynamoPostRepository;
import inkwell.aws.S3ContentStore;
import inkwell.config.BlogConfig;
import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.storage.Sequencer;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Emulators;
import inkwell.testenv.RequestCounter;
import inkwell.testenv.Tables;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The warm render cache and the summary-only feed setting, with a clock the test moves. */
@ExtendWith(AwsEmulators.class)
class SiteServiceCachingTest {

  /** A clock that stands still until the test moves it. */
  static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-06-01T12:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final Emulators emulators;
  private final RequestCounter requests = new RequestCounter();
  private final TestClock clock = new TestClock();
  private DynamoPostRepository posts;
  private ApplicationContext context;
  private int sequence;

  SiteServiceCachingTest(Emulators emulators) {
    this.emulators = emulators;
  }

  @BeforeEach
  void setUp() {
    String table = Emulators.uniqueName("cache");
    String bucket = Emulators.uniqueName("cache");
    Tables.createPostsTable(emulators.dynamoDb(), table);
    emulators.s3().createBucket(r -> r.bucket(bucket));
    var dynamo =
        AwsClients.dynamoDbBuilder(
                new AwsClients.Settings(
                    inkwell.testenv.AwsClients.REGION,
                    emulators.s3Endpoint(),
                    emulators.dynamoDbEndpoint(),
                    inkwell.testenv.AwsClients.credentials()))
            .overrideConfiguration(o -> o.addExecutionInterceptor(requests))
            .build();
    posts =
        new DynamoPostRepository(
            dynamo,
            table,
            new S3ContentStore(emulators.s3(), bucket, "posts/", "_status/", "_bodies/"),
            clock);
  }

  @AfterEach
  void closeContext() {
    if (context != null) {
      context.close();
    }
  }

  /** A SiteService built from configuration, as the beans build it, but with this test's parts. */
  private SiteService service(Map<String, Object> properties) {
    context = ApplicationContext.run(properties);
    return Sites.service(
        posts,
        context.getBean(SiteConfig.class),
        ZoneId.of(context.getBean(BlogConfig.class).getTimeZone()),
        clock);
  }

  private void publish(String key, String markdown) {
    ParseResult result =
        PostPipeline.create()
            .parse(
                new Source(
                    key,
                    markdown.getBytes(StandardCharsets.UTF_8),
                    Instant.parse("2026-01-01T00:00:00Z")));
    posts.publish(
        ((ParseResult.Parsed) result).post(), Sequencer.of(String.format("%08X", ++sequence)));
  }

  @Test
  void aWarmFunctionServesRepeatViewsFromMemoryUntilTheCacheTimeRunsOut() {
    SiteService site = service(Map.of("inkwell.site.render-cache-seconds", "30"));
    publish("posts/a.md", "---\ntitle: Version one\ndate: 2026-01-01\n---\nText.");

    assertThat(site.handle(SiteRequest.get("/a/")).text()).contains("Version one");
    requests.reset();
    assertThat(site.handle(SiteRequest.get("/a/")).text()).contains("Version one");
    assertThat(requests.operations()).as("served from memory").isEmpty();

    publish("posts/a.md", "---\ntitle: Version two\ndate: 2026-01-01\n---\nText.");
    clock.advance(Duration.ofSeconds(29));
    assertThat(site.handle(SiteRequest.get("/a/")).text()).contains("Version one");
    clock.advance(Duration.ofSeconds(1));
    assertThat(site.handle(SiteRequest.get("/a/")).text()).contains("Version two");
  }

  @Test
  void withTheCacheOffEveryViewReadsStorage() {
    SiteService site = service(Map.of("inkwell.site.shared-cache-seconds", "0"));
    publish("posts/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\nText.");
    site.handle(SiteRequest.get("/a/"));
    requests.reset();
    site.handle(SiteRequest.get("/a/"));
    assertThat(requests.operations())
        .as("the post, the newest and oldest post, the menu, the next scheduled post")
        .containsExactly("GetItem", "Query", "Query", "Query", "Query");
  }

  @Test
  void feedsCarrySummariesOnlyWhenConfiguredSoAndThenCostOneQuery() {
    SiteService site = service(Map.of("inkwell.site.feed-full-content", "false"));
    publish(
        "posts/a.md",
        "---\ntitle: A\ndate: 2026-01-01\nsummary: Short version.\n---\nThe whole long body.");
    requests.reset();
    String rss = site.handle(SiteRequest.get("/feed.xml")).text();
    assertThat(rss).contains("Short version.").doesNotContain("The whole long body.");
    assertThat(requests.operations())
        .as("the listing; and, once per shared-cache interval, the next scheduled post")
        .containsExactly("Query", "Query");
  }

  @Nested
  class OlderAndNewerLinks {

    private Elements links(SiteService site, String path) {
      return Jsoup.parse(site.handle(SiteRequest.get(path)).text()).select("nav.post-nav a");
    }

    @Test
    void aBlogWithOnePostShowsNeitherLink() {
      SiteService site = service(Map.of());
      publish("posts/only.md", "---\ntitle: Only\ndate: 2026-01-01\n---\nText.");
      assertThat(links(site, "/only/")).isEmpty();
    }

    @Test
    void theNewestLinksOnlyToAnOlderPostTheOldestOnlyToANewerAndNoneLeadsToA404() {
      SiteService site = service(Map.of());
      publish("posts/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\nText.");
      publish("posts/b.md", "---\ntitle: B\ndate: 2026-02-01\n---\nText.");
      publish("posts/c.md", "---\ntitle: C\ndate: 2026-03-01\n---\nText.");
      publish("posts/later.md", "---\ntitle: Later\ndate: 2027-01-01\n---\nScheduled.");
      assertThat(links(site, "/c/").eachText()).containsExactly("Older post");
      assertThat(links(site, "/b/").eachText()).containsExactly("Older post", "Newer post");
      assertThat(links(site, "/a/").eachText()).containsExactly("Newer post");
      for (String path : List.of("/a/", "/b/", "/c/")) {
        for (String link : links(site, path).eachAttr("href")) {
          assertThat(site.handle(SiteRequest.get(link)).status()).as(link).isEqualTo(302);
        }
      }
    }

    @Test
    void theEndsAreReadOncePerSharedCacheIntervalSoAWarmPostViewIsOneGetItem() {
      SiteService site = service(Map.of("inkwell.site.shared-cache-seconds", "60"));
      publish("posts/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\nText.");
      publish("posts/b.md", "---\ntitle: B\ndate: 2026-02-01\n---\nText.");
      requests.reset();
      site.handle(SiteRequest.get("/a/"));
      assertThat(requests.operations())
          .as("the post, the newest and oldest post, the menu, the next scheduled post")
          .containsExactly("GetItem", "Query", "Query", "Query", "Query");
      requests.reset();
      site.handle(SiteRequest.get("/b/"));
      assertThat(requests.operations()).containsExactly("GetItem");
      clock.advance(Duration.ofSeconds(60));
      requests.reset();
      site.handle(SiteRequest.get("/b/"));
      assertThat(requests.operations())
          .containsExactly("GetItem", "Query", "Query", "Query", "Query");
    }

    @Test
    void aPostPublishedWithinTheIntervalIsLinkedOnlyOnceTheIntervalEnds() {
      SiteService site = service(Map.of("inkwell.site.shared-cache-seconds", "60"));
      publish("posts/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\nText.");
      assertThat(links(site, "/a/")).isEmpty();
      publish("posts/b.md", "---\ntitle: B\ndate: 2026-02-01\n---\nText.");
      assertThat(links(site, "/a/")).as("no link yet, and so none to a 404").isEmpty();
      clock.advance(Duration.ofSeconds(60));
      assertThat(links(site, "/a/").eachText()).containsExactly("Newer post");
    }
  }

  @Nested
  class Pages {

    @Test
    void aPageShowsNoDateReadingTimeTagsOrNeighboursAndCostsOneGetItem() {
      SiteService site = service(Map.of());
      publish("posts/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\nText.");
      publish("posts/b.md", "---\ntitle: B\ndate: 2026-02-01\n---\nText.");
      publish("pages/about.md", "---\ntitle: About\ntags: [x]\n---\nHello.");
      site.handle(SiteRequest.get("/")); // a warm function: the menu is in memory
      requests.reset();
      Document page = Jsoup.parse(site.handle(SiteRequest.get("/about/")).text());
      assertThat(requests.operations()).containsExactly("GetItem");
      assertThat(page.select("h1").text()).isEqualTo("About");
      assertThat(page.select("article .post-body").text()).isEqualTo("Hello.");
      assertThat(page.select("article time, .reading-time, .tags, nav.post-nav")).isEmpty();
      assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("website");
    }

    @Test
    void pagesAreInTheSitemapButNotOnTheHomePageTheArchiveOrTheFeeds() {
      SiteService site = service(Map.of());
      publish("posts/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\nText.");
      publish("pages/about.md", "---\ntitle: About\n---\nHello.");
      for (String path : List.of("/", "/archive/", "/feed.xml", "/atom.xml", "/feed.json")) {
        assertThat(site.handle(SiteRequest.get(path)).text()).as(path).doesNotContain("/about/");
      }
      assertThat(site.handle(SiteRequest.get("/sitemap.xml")).text()).contains("/about/");
    }
  }

  @Nested
  class Menu {

    private Elements nav(SiteService site, String path) {
      return Jsoup.parse(site.handle(SiteRequest.get(path)).text()).select("nav.site-nav a");
    }

    @Test
    void theHeaderListsTheEntriesAfterFeedInOrderAndMarksTheCurrentOne() {
      SiteService site = service(Map.of());
      publish("posts/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\nText.");
      publish("pages/about.md", "---\ntitle: About this blog\nmenu: 2\nmenuTitle: About\n---\nHi.");
      publish("posts/uses.md", "---\ntitle: Uses & <tools>\ndate: 2026-01-02\nmenu: 1\n---\nList.");
      publish("pages/now.md", "---\ntitle: Now\n---\nNot in the menu.");

      Elements home = nav(site, "/");
      assertThat(home.eachText())
          .containsExactly("Home", "Tags", "Archive", "Feed", "Uses & <tools>", "About");
      assertThat(home.eachAttr("href")).endsWith("/uses/", "/about/");
      assertThat(home.select("[aria-current=page]").eachText()).containsExactly("Home");

      Elements about = nav(site, "/about/");
      assertThat(about.select("[aria-current=page]").eachText()).containsExactly("About");
      assertThat(nav(site, "/no-such-page/").eachText())
          .as("error pages carry the menu too")
          .contains("About");
      assertThat(site.handle(SiteRequest.get("/")).text())
          .as("the label is escaped")
          .contains("Uses &amp; &lt;tools&gt;");
    }

    @Test
    void theMenuIsReadOncePerSharedCacheIntervalSoAWarmPageViewIsOneRequest() {
      SiteService site = service(Map.of("inkwell.site.shared-cache-seconds", "60"));
      publish("posts/a.md", "---\ntitle: A\ndate: 2026-01-01\ntags: [x]\n---\nText.");
      publish("pages/about.md", "---\ntitle: About\nmenu: 1\n---\nHi.");
      requests.reset();
      site.handle(SiteRequest.get("/about/"));
      assertThat(requests.operations())
          .as("cold: the page, the menu and the next scheduled post")
          .containsExactly("GetItem", "Query", "Query");
      for (String path : List.of("/about/", "/", "/tags/", "/archive/", "/tags/x/")) {
        requests.reset();
        assertThat(site.handle(SiteRequest.get(path)).status()).as(path).isEqualTo(200);
        assertThat(requests.operations()).as(path).hasSize(1);
      }
    }

    @Test
    void anEntryPublishedWithinTheIntervalAppearsOnceItEnds() {
      SiteService site = service(Map.of("inkwell.site.shared-cache-seconds", "60"));
      publish("posts/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\nText.");
      assertThat(nav(site, "/").eachText()).doesNotContain("About");
      publish("pages/about.md", "---\ntitle: About\nmenu: 1\n---\nHi.");
      clock.advance(Duration.ofSeconds(59));
      assertThat(nav(site, "/").eachText()).doesNotContain("About");
      clock.advance(Duration.ofSeconds(1));
      assertThat(nav(site, "/").eachText()).contains("About");
    }
  }

  @Test
  void aPostScheduledForLaterAppearsOnTimeWithNoSchedulerAndNoRepublish() {
    SiteService site = service(Map.of());
    publish("posts/soon.md", "---\ntitle: Soon\ndate: 2026-06-01T12:30:00Z\n---\nText.");
    assertThat(site.handle(SiteRequest.get("/soon/")).status()).isEqualTo(404);
    assertThat(site.handle(SiteRequest.get("/")).text()).doesNotContain("Soon");
    clock.advance(Duration.ofMinutes(30));
    assertThat(site.handle(SiteRequest.get("/soon/")).status()).isEqualTo(200);
    assertThat(site.handle(SiteRequest.get("/")).text()).contains("Soon");
  }
}
