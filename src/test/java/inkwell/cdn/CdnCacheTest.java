package inkwell.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.cdn.CdnCache.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cache model keeps and serves what {@code Cache-Control} allows, and nothing else. */
class CdnCacheTest {

  @Nested
  class ReadingCacheControl {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        nullValues = "null",
        value = {
          "public, max-age=60, s-maxage=300, stale-while-revalidate=86400 | true | 300 | 86400",
          "public, max-age=60, s-maxage=60 | true | 60 | 0",
          "public, max-age=86400 | true | 86400 | 0",
          "public, max-age=31536000, immutable | true | 31536000 | 0",
          "private, no-store | false | 0 | 0",
          "no-store | false | 0 | 0",
          "no-cache | false | 0 | 0",
          "null | false | 0 | 0",
        })
    void aSharedCacheTakesSMaxageOverMaxAgeAndKeepsNothingPrivate(
        String header, boolean storable, long fresh, long stale) {
      assertThat(CacheControl.parse(header, 0)).isEqualTo(new CacheControl(storable, fresh, stale));
    }

    @Test
    void aResponseWithoutTheHeaderGetsTheCachesDefault() {
      assertThat(CacheControl.parse(null, 86400)).isEqualTo(new CacheControl(true, 86400, 0));
      assertThat(CacheControl.parse("public", 0)).isEqualTo(CacheControl.NOT_STORED);
    }
  }

  /** An origin whose content the test changes, counting the requests it gets. */
  private static final class Origin implements CdnCache.Origin {
    String version = "v1";
    String header = "public, max-age=60, s-maxage=300, stale-while-revalidate=86400";
    final List<String> asked = new ArrayList<>();

    @Override
    public CdnCache.Response fetch(String key) {
      asked.add(key);
      return new CdnCache.Response(version, CacheControl.parse(header, 0));
    }
  }

  private static long seconds(long s) {
    return s * 1000;
  }

  @Test
  void aFreshCopyIsServedWithoutAskingTheOrigin() {
    CdnCache cache = new CdnCache();
    Origin origin = new Origin();
    assertThat(cache.get("/a/", 0, origin).outcome()).isEqualTo(Outcome.MISS);
    origin.version = "v2";
    CdnCache.Served later = cache.get("/a/", seconds(299), origin);
    assertThat(later).isEqualTo(new CdnCache.Served(Outcome.HIT, "v1"));
    assertThat(origin.asked).hasSize(1);
  }

  @Test
  void anExpiredCopyIsServedOnceMoreWhileTheNewOneIsFetched() {
    CdnCache cache = new CdnCache();
    Origin origin = new Origin();
    cache.get("/a/", 0, origin);
    origin.version = "v2";
    assertThat(cache.get("/a/", seconds(300), origin))
        .isEqualTo(new CdnCache.Served(Outcome.STALE_HIT, "v1"));
    assertThat(cache.get("/a/", seconds(301), origin))
        .isEqualTo(new CdnCache.Served(Outcome.HIT, "v2"));
    assertThat(origin.asked).hasSize(2);
  }

  @Test
  void pastStaleWhileRevalidateTheReaderWaitsForTheOrigin() {
    CdnCache cache = new CdnCache();
    Origin origin = new Origin();
    cache.get("/a/", 0, origin);
    origin.version = "v2";
    assertThat(cache.get("/a/", seconds(300 + 86400), origin))
        .isEqualTo(new CdnCache.Served(Outcome.MISS, "v2"));
  }

  @Test
  void whatMayNotBeStoredAlwaysReachesTheOriginAndDropsAnOlderCopy() {
    CdnCache cache = new CdnCache();
    Origin origin = new Origin();
    cache.get("/a/", 0, origin);
    origin.header = "no-store";
    origin.version = "503";
    assertThat(cache.get("/a/", seconds(400), origin).outcome()).isEqualTo(Outcome.STALE_HIT);
    assertThat(cache.get("/a/", seconds(401), origin))
        .isEqualTo(new CdnCache.Served(Outcome.PASS, "503"));
    assertThat(cache.get("/a/", seconds(402), origin).outcome()).isEqualTo(Outcome.PASS);
    assertThat(cache.size()).isZero();
  }

  @Test
  void anInvalidationDropsEveryCopy() {
    CdnCache cache = new CdnCache();
    Origin origin = new Origin();
    cache.get("/a/", 0, origin);
    cache.get("/b/", 0, origin);
    cache.invalidateAll();
    assertThat(cache.size()).isZero();
    assertThat(cache.get("/a/", seconds(1), origin).outcome()).isEqualTo(Outcome.MISS);
  }

  @Test
  void anInvalidationTakesEffectWhenItCompletesAndSparesCopiesFetchedSinceItWasAsked() {
    CdnCache cache = new CdnCache();
    Origin origin = new Origin();
    origin.header = "public, max-age=60, s-maxage=86400, stale-while-revalidate=86400";
    cache.get("/a/", 0, origin);
    cache.get("/b/", 0, origin);
    origin.version = "v2";
    cache.invalidateAll(seconds(10), seconds(70));
    assertThat(cache.get("/c/", seconds(30), origin).outcome()).isEqualTo(Outcome.MISS);
    assertThat(cache.get("/a/", seconds(69), origin))
        .as("still propagating")
        .isEqualTo(new CdnCache.Served(Outcome.HIT, "v1"));
    assertThat(cache.get("/a/", seconds(70), origin))
        .isEqualTo(new CdnCache.Served(Outcome.MISS, "v2"));
    assertThat(cache.get("/c/", seconds(71), origin))
        .as("fetched after the invalidation was asked for")
        .isEqualTo(new CdnCache.Served(Outcome.HIT, "v2"));
    assertThat(cache.size()).isEqualTo(2);
  }
}
