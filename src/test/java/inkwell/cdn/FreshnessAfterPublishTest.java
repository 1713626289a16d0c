package inkwell.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.cdn.CdnCache.Outcome;
import inkwell.site.SiteHandler;
import inkwell.site.TestSite;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Emulators;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How soon readers behind a CDN see a publish: the site function, fed API Gateway events against
 * the emulators, is the origin of the cache model, which obeys the {@code Cache-Control} the site
 * sends. The bound (docs/READING.md, "Caching"): with the template's default {@code s-maxage} of a
 * day, a changed page as soon as the invalidation the index function asks for after the publish's
 * batch has completed ({@code IndexFunctionCdnTest} shows it asks for one per batch); without an
 * invalidation (it failed), or with no CDN distribution configured, within {@code s-maxage} of the
 * publish, except for the first request after the copy expired, which gets the old copy once while
 * the CDN fetches the new one (stale-while-revalidate); a page that was missing within a minute.
 */
@ExtendWith(AwsEmulators.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreshnessAfterPublishTest {

  private static final long S_MAXAGE = 300;

  /** The template's CdnCacheSeconds, now that publishes invalidate. */
  private static final long A_DAY = 86_400;

  private final Emulators emulators;
  private TestSite blog;
  private SiteHandler site;
  private SiteHandler siteKeepingADay;

  FreshnessAfterPublishTest(Emulators emulators) {
    this.emulators = emulators;
  }

  @BeforeAll
  void start() {
    blog = TestSite.create(emulators, "fresh");
    site =
        blog.handler(
            Map.of(
                "inkwell.site.base-url",
                "https://blog.example.com",
                "inkwell.site.shared-max-age",
                String.valueOf(S_MAXAGE)));
    siteKeepingADay =
        blog.handler(
            Map.of(
                "inkwell.site.base-url",
                "https://blog.example.com",
                "inkwell.site.shared-max-age",
                String.valueOf(A_DAY)));
  }

  @AfterAll
  void stop() {
    blog.close();
  }

  private void publish(String key, String title) {
    blog.publish(key, "---\ntitle: " + title + "\ndate: 2024-05-01\n---\nText.");
  }

  /** The site function as the CDN's origin: the version is the status and the entity tag. */
  private CdnCache.Response fetch(String path) {
    TestSite.Reply reply = TestSite.request(site, "GET", path, Map.of("accept-encoding", "gzip"));
    return new CdnCache.Response(
        reply.status() + " " + reply.header("ETag"),
        CacheControl.parse(reply.header("Cache-Control"), 0));
  }

  private CdnCache.Response fetchKeptADay(String path) {
    TestSite.Reply reply =
        TestSite.request(siteKeepingADay, "GET", path, Map.of("accept-encoding", "gzip"));
    assertThat(reply.header("Cache-Control")).contains("s-maxage=86400");
    return new CdnCache.Response(
        reply.status() + " " + reply.header("ETag"),
        CacheControl.parse(reply.header("Cache-Control"), 0));
  }

  private static long at(long seconds) {
    return seconds * 1000;
  }

  @Test
  void aChangedPostIsSeenWithinSMaxageButForOneStaleViewAfterTheCopyExpires() {
    publish("posts/changing.md", "First version");
    CdnCache cache = new CdnCache();
    String first = cache.get("/changing/", at(0), this::fetch).version();
    publish("posts/changing.md", "Second version");
    String second = fetch("/changing/").version();
    assertThat(second).isNotEqualTo(first);

    assertThat(cache.get("/changing/", at(S_MAXAGE - 1), this::fetch))
        .as("within s-maxage the CDN serves its copy")
        .isEqualTo(new CdnCache.Served(Outcome.HIT, first));
    assertThat(cache.get("/changing/", at(S_MAXAGE), this::fetch))
        .as("the first request after it expires gets it once more, and the CDN refreshes it")
        .isEqualTo(new CdnCache.Served(Outcome.STALE_HIT, first));
    assertThat(cache.get("/changing/", at(S_MAXAGE + 1), this::fetch))
        .isEqualTo(new CdnCache.Served(Outcome.HIT, second));
  }

  @Test
  void aPostPublishedWhileItsAddressWasMissingIsSeenWithinAMinute() {
    CdnCache cache = new CdnCache();
    assertThat(cache.get("/brand-new/", at(0), this::fetch).version()).startsWith("404");
    publish("posts/brand-new.md", "Brand new");
    assertThat(cache.get("/brand-new/", at(59), this::fetch).version()).startsWith("404");
    CdnCache.Served after = cache.get("/brand-new/", at(60), this::fetch);
    assertThat(after.outcome()).isEqualTo(Outcome.MISS);
    assertThat(after.version()).startsWith("200");
  }

  @Test
  void aBadRequestIsNeverKept() {
    CdnCache cache = new CdnCache();
    assertThat(cache.get("/%zz/", at(0), this::fetch).outcome()).isEqualTo(Outcome.PASS);
    assertThat(cache.get("/%zz/", at(1), this::fetch).outcome()).isEqualTo(Outcome.PASS);
    assertThat(cache.size()).isZero();
  }

  @Test
  void withADayOfSMaxageAPublishIsSeenOnceTheBatchsInvalidationCompletes() {
    publish("posts/kept-a-day.md", "First version");
    CdnCache cache = new CdnCache();
    String first = cache.get("/kept-a-day/", at(0), this::fetchKeptADay).version();
    publish("posts/kept-a-day.md", "Second version");
    String second = fetchKeptADay("/kept-a-day/").version();
    assertThat(second).isNotEqualTo(first);

    // The index function handles the publish's batch and asks for the invalidation 5 s later;
    // CloudFront takes a while to carry it out at every edge (a minute, here).
    cache.invalidateAll(at(5), at(65));
    assertThat(cache.get("/kept-a-day/", at(64), this::fetchKeptADay))
        .as("until the invalidation completes the CDN serves its copy")
        .isEqualTo(new CdnCache.Served(Outcome.HIT, first));
    assertThat(cache.get("/kept-a-day/", at(65), this::fetchKeptADay))
        .as("the first view after it completes gets the new version from the site")
        .isEqualTo(new CdnCache.Served(Outcome.MISS, second));
    assertThat(cache.get("/kept-a-day/", at(66), this::fetchKeptADay))
        .isEqualTo(new CdnCache.Served(Outcome.HIT, second));
  }

  /**
   * A scheduled post appears at its time with no event, so nothing invalidates: the site keeps
   * every page's {@code s-maxage} (and {@code max-age}) within the time until the next scheduled
   * post, so that a CDN keeping pages for a day still shows it from then on (but for one stale view
   * while it refreshes).
   */
  @Test
  void withADayOfSMaxageAScheduledPostIsOnTheHomePageFromItsTime() throws InterruptedException {
    publish("posts/already-there.md", "Already there");
    Instant appears = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
    blog.publish(
        "posts/scheduled-for-soon.md",
        "---\ntitle: Scheduled for soon\ndate: " + appears + "\n---\nText.");
    TestSite.Reply before =
        TestSite.request(siteKeepingADay, "GET", "/", Map.of("accept-encoding", "gzip"));
    long shared = CacheControl.parse(before.header("Cache-Control"), 0).freshSeconds();
    assertThat(shared).as(before.header("Cache-Control")).isBetween(1L, 6L);
    assertThat(before.header("Cache-Control")).startsWith("public, max-age=" + shared + ",");
    assertThat(before.text()).doesNotContain("Scheduled for soon");

    CdnCache cache = new CdnCache();
    String first = cache.get("/", at(0), this::fetchHomeKeptADay).version();
    Thread.sleep(Math.max(0, appears.toEpochMilli() - System.currentTimeMillis()) + 1_000);
    TestSite.Reply after =
        TestSite.request(siteKeepingADay, "GET", "/", Map.of("accept-encoding", "gzip"));
    assertThat(after.text()).contains("Scheduled for soon");
    assertThat(after.header("Cache-Control"))
        .as("no post scheduled any more: a day again")
        .contains("s-maxage=86400");

    assertThat(cache.get("/", at(shared), this::fetchHomeKeptADay))
        .as("the copy kept until the post's time is served once more while the CDN refreshes it")
        .isEqualTo(new CdnCache.Served(Outcome.STALE_HIT, first));
    CdnCache.Served refreshed = cache.get("/", at(shared + 1), this::fetchHomeKeptADay);
    assertThat(refreshed.outcome()).isEqualTo(Outcome.HIT);
    assertThat(refreshed.version()).isNotEqualTo(first);
  }

  private CdnCache.Response fetchHomeKeptADay(String path) {
    TestSite.Reply reply =
        TestSite.request(siteKeepingADay, "GET", path, Map.of("accept-encoding", "gzip"));
    return new CdnCache.Response(
        reply.status() + " " + reply.header("ETag"),
        CacheControl.parse(reply.header("Cache-Control"), 0));
  }

  @Test
  void withADayOfSMaxageAndNoInvalidationTheOldVersionStaysForADay() {
    publish("posts/never-invalidated.md", "First version");
    CdnCache cache = new CdnCache();
    String first = cache.get("/never-invalidated/", at(0), this::fetchKeptADay).version();
    publish("posts/never-invalidated.md", "Second version");
    String second = fetchKeptADay("/never-invalidated/").version();
    assertThat(second).isNotEqualTo(first);

    assertThat(cache.get("/never-invalidated/", at(3_600), this::fetchKeptADay))
        .isEqualTo(new CdnCache.Served(Outcome.HIT, first));
    assertThat(cache.get("/never-invalidated/", at(A_DAY - 1), this::fetchKeptADay))
        .isEqualTo(new CdnCache.Served(Outcome.HIT, first));
    assertThat(cache.get("/never-invalidated/", at(A_DAY), this::fetchKeptADay))
        .as("then once more, stale, while the CDN refreshes it")
        .isEqualTo(new CdnCache.Served(Outcome.STALE_HIT, first));
    assertThat(cache.get("/never-invalidated/", at(A_DAY + 1), this::fetchKeptADay).version())
        .isEqualTo(second);
  }
}
