package inkwell.site;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.site.TestSite.Reply;
import inkwell.testenv.AwsClients;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a CDN in front (and a browser) may keep, status by status, as the site function answers API
 * Gateway events: pages for {@code s-maxage} and then stale while revalidating, a 404 briefly, a
 * client error about one request (400, 405, 414) never in a shared cache, a 5xx never at all; and a
 * {@code Date} on every response. The function runs as on Lambda against the emulators, and against
 * a DynamoDB endpoint where nothing listens for the 503.
 */
@ExtendWith(AwsEmulators.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CacheHeadersTest {

  private static final String PAGES =
      "public, max-age=60, s-maxage=300, stale-while-revalidate=86400";
  private static final String BRIEF = "public, max-age=60, s-maxage=60";
  private static final String NOT_SHARED = "private, no-store";

  private final Emulators emulators;
  private TestSite blog;
  private SiteHandler site;
  private SiteHandler outage;

  CacheHeadersTest(Emulators emulators) {
    this.emulators = emulators;
  }

  @BeforeAll
  void start() {
    blog = TestSite.create(emulators, "cache-headers");
    // The warm render cache on: it must not keep what a CDN must not keep either.
    Map<String, Object> settings =
        Map.of(
            "inkwell.site.base-url", "https://blog.example.com",
            "inkwell.site.render-cache-seconds", "60");
    site = blog.handler(settings);
    Map<String, Object> dead = new HashMap<>(settings);
    dead.put(EmulatorAwsSettings.DYNAMODB_ENDPOINT, AwsClients.closedPortEndpoint().toString());
    outage = blog.handler(dead);
    blog.publish("posts/hello.md", "---\ntitle: Hello\ndate: 2024-05-01\ntags: [java]\n---\nHi.");
  }

  @AfterAll
  void stop() {
    blog.close();
  }

  private static Reply request(SiteHandler handler, String method, String path) {
    return TestSite.request(handler, method, path, Map.of("accept-encoding", "gzip"));
  }

  private Reply get(String path) {
    return request(site, "GET", path);
  }

  @Nested
  class WhatACdnMayKeep {

    @ParameterizedTest
    @ValueSource(
        strings = {"/", "/hello/", "/tags/java/", "/feed.xml", "/api/posts", "/sitemap.xml"})
    void pagesAndFeedsForSMaxageThenStaleWhileRevalidating(String path) {
      Reply reply = get(path);
      assertThat(reply.status()).as(path).isEqualTo(200);
      assertThat(reply.header("Cache-Control")).as(path).isEqualTo(PAGES);
    }

    @Test
    void aMissingOrDeletedPageBrieflyAndNeverStale() {
      Reply missing = get("/no-such-post/");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.header("Cache-Control"))
          .isEqualTo(BRIEF)
          .doesNotContain("stale-while-revalidate");
    }

    @Test
    void aPermanentRedirectForADay() {
      Reply moved = get("/hello");
      assertThat(moved.status()).isEqualTo(301);
      assertThat(moved.header("Cache-Control")).isEqualTo("public, max-age=86400");
    }
  }

  @Nested
  class WhatNoSharedCacheMayKeep {

    @Test
    void aBadRequest() {
      Reply bad = get("/%zz/");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.header("Cache-Control")).isEqualTo(NOT_SHARED);
      Reply badCursor = get("/?after=!!!not-a-cursor");
      assertThat(badCursor.status()).isEqualTo(400);
      assertThat(badCursor.header("Cache-Control")).isEqualTo(NOT_SHARED);
    }

    @Test
    void aMethodThatIsNotAllowed() {
      Reply refused = request(site, "POST", "/hello/");
      assertThat(refused.status()).isEqualTo(405);
      assertThat(refused.header("Cache-Control")).isEqualTo(NOT_SHARED);
    }

    /** Where the limit lies, for the path and the query, is SiteRouterTest's. */
    @Test
    void anAddressOverTheLengthLimitIsA414NotA400Or413() {
      Reply tooLong = get("/hello/?utm_source=" + "x".repeat(SiteRouter.MAX_PATH));
      assertThat(tooLong.status()).isEqualTo(414);
      assertThat(tooLong.header("Cache-Control")).isEqualTo(NOT_SHARED);
    }

    @Test
    void aStorageOutageNeitherInACdnNorInTheWarmRenderCache() {
      Instant before = Instant.now().minusSeconds(1);
      Reply down = request(outage, "GET", "/hello/");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.header("Cache-Control")).isEqualTo("no-store");
      assertThat(down.header("Retry-After")).isEqualTo("5");
      assertDateIsNow(down, before, Instant.now().plusSeconds(1));
      assertThat(request(outage, "GET", "/hello/").status())
          .as("the render cache did not keep the 503: it is asked again and fails again")
          .isEqualTo(503);
    }
  }

  @Test
  void everyResponseCarriesADateOfNow() {
    Instant before = Instant.now().minusSeconds(1);
    List<Reply> replies =
        List.of(
            get("/"),
            get("/hello/"),
            get("/hello"),
            get("/missing/"),
            get("/%zz/"),
            get("/" + "a".repeat(2000)),
            request(site, "POST", "/"),
            request(site, "HEAD", "/hello/"));
    Instant after = Instant.now().plusSeconds(1);
    for (Reply reply : replies) {
      assertDateIsNow(reply, before, after);
    }
    // The 503's Date: aStorageOutageNeitherInACdnNorInTheWarmRenderCache (each outage request
    // waits out the SDK's retries).
  }

  private static void assertDateIsNow(Reply reply, Instant before, Instant after) {
    String date = reply.header("Date");
    assertThat(date).as("status %d", reply.status()).matches("[A-Z][a-z]{2}, \\d{2} .* GMT");
    Instant when = ZonedDateTime.parse(date, HttpSemantics.HTTP_DATE).toInstant();
    assertThat(Duration.between(before, when).isNegative()).isFalse();
    assertThat(Duration.between(when, after).isNegative()).isFalse();
  }
}
