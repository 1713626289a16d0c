package inkwell.site;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.Hashes;
import inkwell.support.Gzip;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The response rules of docs/READING.md ("HTTP behaviour" and "Caching and freshness") on {@link
 * HttpSemantics} alone: entity tags and {@code If-None-Match}, gzip and {@code Accept-Encoding},
 * {@code Cache-Control} by status, the scheduled post's bound, HEAD and the security headers.
 */
class HttpSemanticsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T17:46:34Z");

  /** Distinct numbers, so that each one is seen to come from its own setting. */
  private static final int MAX_AGE = 61;

  private static final int SHARED_MAX_AGE = 301;
  private static final int STALE = 86401;
  private static final String PAGE_CACHE =
      "public, max-age=61, s-maxage=301, stale-while-revalidate=86401";

  private static final String BIG_BODY = "<p>" + "word ".repeat(400) + "</p>";

  private final HttpSemantics http =
      new HttpSemantics(config(), null, Clock.fixed(NOW, ZoneOffset.UTC));

  static SiteConfig config() {
    return new SiteConfig() {
      @Override
      public String getTitle() {
        return "Inkwell";
      }

      @Override
      public String getDescription() {
        return "A blog";
      }

      @Override
      public String getBaseUrl() {
        return "";
      }

      @Override
      public String getCdnKey() {
        return "";
      }

      @Override
      public String getAuthor() {
        return null;
      }

      @Override
      public String getLanguage() {
        return "en";
      }

      @Override
      public int getPostsPerPage() {
        return 10;
      }

      @Override
      public int getFeedSize() {
        return 20;
      }

      @Override
      public boolean isFeedFullContent() {
        return true;
      }

      @Override
      public int getMaxAge() {
        return MAX_AGE;
      }

      @Override
      public int getSharedMaxAge() {
        return SHARED_MAX_AGE;
      }

      @Override
      public int getStaleWhileRevalidate() {
        return STALE;
      }

      @Override
      public int getRenderCacheSeconds() {
        return 0;
      }

      @Override
      public int getSharedCacheSeconds() {
        return 60;
      }
    };
  }

  private static SiteRequest get(String acceptEncoding, String ifNoneMatch) {
    return new SiteRequest("GET", "/", null, acceptEncoding, ifNoneMatch);
  }

  private static SiteResponse html(int status, String body) {
    return SiteResponse.of(status, "text/html; charset=utf-8", body);
  }

  private static String tagOf(String body) {
    return Hashes.sha256Hex(body.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
  }

  @Nested
  class EntityTags {

    @Test
    void theTagIsTheFirst128BitsOfTheBodysSha256() {
      SiteResponse response = html(200, "hello");
      assertThat(HttpSemantics.tagOf(response))
          .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e")
          .isEqualTo(tagOf("hello"));
    }

    @Test
    void aPageGetsItsStrongTagInQuotes() {
      SiteResponse out = http.finish(get(null, null), html(200, "hello"), false);
      assertThat(out.header("ETag")).isEqualTo("\"" + tagOf("hello") + "\"");
    }

    @Test
    void aTagAlreadyKnownIsUsedAsItIs() {
      SiteResponse out = http.finish(get(null, null), html(200, "hello"), false, "known", null);
      assertThat(out.header("ETag")).isEqualTo("\"known\"");
    }

    @Test
    void theGzippedVariantGetsItsOwnTag() {
      SiteResponse out = http.finish(get("gzip", null), html(200, BIG_BODY), false);
      assertThat(out.header("ETag")).isEqualTo("\"" + tagOf(BIG_BODY) + "-gzip\"");
    }

    @ParameterizedTest(name = "{0} gets a tag")
    @ValueSource(ints = {200, 404, 410})
    void pagesAndTheirAbsenceAreTagged(int status) {
      SiteResponse out = http.finish(get(null, null), html(status, "x"), false);
      assertThat(out.header("ETag")).isEqualTo("\"" + tagOf("x") + "\"");
    }

    @ParameterizedTest(name = "{0} gets no tag")
    @ValueSource(ints = {301, 302, 400, 405, 414, 500, 503})
    void redirectsErrorsAndFailuresAreNotTagged(int status) {
      SiteResponse out = http.finish(get(null, null), html(status, "x"), false);
      assertThat(out.header("ETag")).isNull();
    }
  }

  @Nested
  class IfNoneMatch {

    private static final String TAG = "2cf24dba5fb0a30e26e83b2ac5b9e29e";

    @ParameterizedTest(name = "[{0}] matches")
    @ValueSource(
        strings = {
          "\"2cf24dba5fb0a30e26e83b2ac5b9e29e\"",
          "W/\"2cf24dba5fb0a30e26e83b2ac5b9e29e\"",
          "\"2cf24dba5fb0a30e26e83b2ac5b9e29e-gzip\"",
          "W/\"2cf24dba5fb0a30e26e83b2ac5b9e29e-gzip\"",
          "2cf24dba5fb0a30e26e83b2ac5b9e29e",
          "*",
          " * ",
          "\"other\", \"2cf24dba5fb0a30e26e83b2ac5b9e29e\"",
          "\"other\",W/\"2cf24dba5fb0a30e26e83b2ac5b9e29e\"",
          "\"other\", *",
        })
    void aListNamingTheTagInAnyEncodingWeakOrStrongOrAStarMatches(String header) {
      assertThat(HttpSemantics.matches(header, TAG)).isTrue();
    }

    @ParameterizedTest(name = "[{0}] does not match")
    @ValueSource(
        strings = {
          "",
          "\"other\"",
          "\"2cf24dba5fb0a30e26e83b2ac5b9e29\"",
          "\"2cf24dba5fb0a30e26e83b2ac5b9e29ef\"",
          "w/\"2cf24dba5fb0a30e26e83b2ac5b9e29e\"",
          "\"2cf24dba5fb0a30e26e83b2ac5b9e29e-br\"",
          "\"2cf24dba5fb0a30e26e83b2ac5b9e29e",
          "\"**\"",
          "\"other\", \"another\"",
        })
    void anythingElseDoesNot(String header) {
      assertThat(HttpSemantics.matches(header, TAG)).isFalse();
    }

    @Test
    void noHeaderMatchesNothing() {
      assertThat(HttpSemantics.matches(null, TAG)).isFalse();
    }

    @Test
    void aPairOfQuotesIsTheEmptyTagAndASingleQuoteIsNone() {
      assertThat(HttpSemantics.matches("\"\"", "")).isTrue();
      assertThat(HttpSemantics.matches("\"", "")).isFalse();
      assertThat(HttpSemantics.matches("\"", "\"")).isTrue();
    }

    @Test
    void aMatchingPageIsA304WithTheTagAndCacheHeadersButNoBody() {
      SiteResponse response =
          new SiteResponse(
              200,
              Map.of("Content-Type", "text/html; charset=utf-8", "Link", "</x>"),
              "hello".getBytes(StandardCharsets.UTF_8));
      SiteResponse out = http.finish(get(null, "\"" + TAG + "\""), response, false);
      assertThat(out.status()).isEqualTo(304);
      assertThat(out.body()).isEmpty();
      assertThat(out.header("ETag")).isEqualTo("\"" + TAG + "\"");
      assertThat(out.header("Cache-Control")).isEqualTo(PAGE_CACHE);
      assertThat(out.header("Link")).isEqualTo("</x>");
      assertThat(out.header("Vary")).isEqualTo("Accept-Encoding");
      assertThat(out.header("Date")).isEqualTo("Tue, 01 Dec 2026 17:46:34 GMT");
      assertThat(out.header("Content-Type")).isNull();
      assertThat(out.header("Content-Length")).isNull();
      assertThat(out.header("Content-Encoding")).isNull();
    }

    @Test
    void aStarOrAWeakTagGivesA304Too() {
      assertThat(http.finish(get(null, "*"), html(200, "hello"), false).status()).isEqualTo(304);
      assertThat(http.finish(get(null, "W/\"" + TAG + "\""), html(200, "hello"), false).status())
          .isEqualTo(304);
    }

    @Test
    void theGzippedTagGivesA304ToAClientThatAcceptsGzip() {
      String gzTag = "\"" + tagOf(BIG_BODY) + "-gzip\"";
      SiteResponse out = http.finish(get("gzip", gzTag), html(200, BIG_BODY), false);
      assertThat(out.status()).isEqualTo(304);
      assertThat(out.header("ETag")).isEqualTo(gzTag);
      assertThat(out.header("Content-Encoding")).isNull();
    }

    @Test
    void aTagThatDoesNotMatchGetsTheWholePage() {
      SiteResponse out = http.finish(get(null, "\"other\""), html(200, "hello"), false);
      assertThat(out.status()).isEqualTo(200);
      assertThat(out.text()).isEqualTo("hello");
    }

    @ParameterizedTest(name = "{0} is sent whole even when the tag matches")
    @ValueSource(ints = {404, 410})
    void aMissingPageIsNeverA304(int status) {
      SiteResponse out = http.finish(get(null, "*"), html(status, "hello"), false);
      assertThat(out.status()).isEqualTo(status);
      assertThat(out.text()).isEqualTo("hello");
    }
  }

  @Nested
  class AcceptEncoding {

    @ParameterizedTest(name = "[{0}] accepts gzip")
    @ValueSource(
        strings = {
          "gzip",
          "GZIP",
          "gzip, deflate, br",
          "br,gzip",
          "deflate , gzip ; q=0.5",
          "gzip;q=1",
          "gzip;q=1.0",
          "gzip;q=0.001",
          "gzip;Q=0.5",
          "gzip;level=9",
          "gzip;level=9;q=0.1",
          "*",
          "*;q=0.5",
          "identity;q=0, *",
          "br;q=0, gzip",
          "gzip;q=0.5, *;q=0",
          "*;q=0, gzip",
        })
    void gzipOrAStarWithANonZeroQualityAcceptsGzip(String header) {
      assertThat(HttpSemantics.acceptsGzip(header)).isTrue();
    }

    @ParameterizedTest(name = "[{0}] does not")
    @ValueSource(
        strings = {
          "",
          "identity",
          "deflate, br",
          "x-gzip",
          "gzip;q=0",
          "gzip;q=0.0",
          "gzip; q=0.000",
          "gzip;q=-1",
          "gzip;q=",
          "gzip;q=high",
          "*;q=0",
          "gzip;q=0, *",
          "*, gzip;q=0",
          "gzip;q=0, *;q=1",
        })
    void anythingElseDoesNot(String header) {
      assertThat(HttpSemantics.acceptsGzip(header)).isFalse();
    }

    @Test
    void noHeaderMeansNoGzip() {
      assertThat(HttpSemantics.acceptsGzip(null)).isFalse();
    }

    @Test
    void aBodyOf860BytesOrMoreIsGzippedForAClientThatAcceptsIt() {
      String body = "a".repeat(860);
      SiteResponse out = http.finish(get("gzip", null), html(200, body), false);
      assertThat(out.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(new String(Gzip.decompress(out.body()), StandardCharsets.UTF_8)).isEqualTo(body);
      assertThat(out.header("Content-Length")).isEqualTo(Integer.toString(out.body().length));
      assertThat(out.header("Vary")).isEqualTo("Accept-Encoding");
    }

    @Test
    void aBodyOf859BytesIsSentAsItIs() {
      String body = "a".repeat(859);
      SiteResponse out = http.finish(get("gzip", null), html(200, body), false);
      assertThat(out.header("Content-Encoding")).isNull();
      assertThat(out.text()).isEqualTo(body);
      assertThat(out.header("Content-Length")).isEqualTo("859");
      assertThat(out.header("ETag")).isEqualTo("\"" + tagOf(body) + "\"");
    }

    @Test
    void aClientThatRefusesGzipGetsTheBodyAsItIs() {
      SiteResponse out = http.finish(get("gzip;q=0", null), html(200, BIG_BODY), false);
      assertThat(out.header("Content-Encoding")).isNull();
      assertThat(out.text()).isEqualTo(BIG_BODY);
    }

    @Test
    void aLarge404IsGzippedButALarge301Or503IsNot() {
      assertThat(
              http.finish(get("gzip", null), html(404, BIG_BODY), false).header("Content-Encoding"))
          .isEqualTo("gzip");
      assertThat(
              http.finish(get("gzip", null), html(301, BIG_BODY), false).header("Content-Encoding"))
          .isNull();
      assertThat(
              http.finish(get("gzip", null), html(503, BIG_BODY), false).header("Content-Encoding"))
          .isNull();
    }
  }

  @Nested
  class CacheControl {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "200 | public, max-age=61, s-maxage=301, stale-while-revalidate=86401",
          "304 | public, max-age=61, s-maxage=301, stale-while-revalidate=86401",
          "301 | public, max-age=86400",
          "302 | public, max-age=60, s-maxage=60",
          "404 | public, max-age=60, s-maxage=60",
          "410 | public, max-age=60, s-maxage=60",
          "400 | private, no-store",
          "405 | private, no-store",
          "413 | private, no-store",
          "414 | private, no-store",
          "499 | private, no-store",
          "500 | no-store",
          "503 | no-store",
        })
    void eachStatusMayBeKeptAsLongAsReadingMdSays(int status, String cacheControl) {
      assertThat(http.cacheControl(status, false)).isEqualTo(cacheControl);
      assertThat(http.finish(get(null, null), html(status, "x"), false).header("Cache-Control"))
          .isEqualTo(cacheControl);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {200, 404, 500})
    void theFingerprintedStylesheetIsKeptForAYear(int status) {
      assertThat(http.cacheControl(status, true)).isEqualTo("public, max-age=31536000, immutable");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "199, true",
      "200, true",
      "301, true",
      "399, true",
      "400, false",
      "403, false",
      "404, true",
      "405, false",
      "410, true",
      "414, false",
      "500, false",
    })
    void onlyResponsesAboutNoOneRequestAreShareable(int status, boolean shareable) {
      assertThat(HttpSemantics.shareable(status)).isEqualTo(shareable);
    }

    @Test
    void theResponsesOwnCacheControlIsReplaced() {
      SiteResponse response =
          new SiteResponse(200, Map.of("Cache-Control", "no-cache"), new byte[] {'x'});
      assertThat(http.finish(get(null, null), response, false).header("Cache-Control"))
          .isEqualTo(PAGE_CACHE);
    }
  }

  @Nested
  class TheNextScheduledPost {

    private String cacheControl(int status, Instant changesAt) {
      return http.finish(get(null, null), html(status, "x"), false, null, changesAt)
          .header("Cache-Control");
    }

    @Test
    void noTimeKeepsTheConfiguredAges() {
      assertThat(cacheControl(200, null)).isEqualTo(PAGE_CACHE);
    }

    @Test
    void aTimeBeforeBothAgesEndsBoth() {
      assertThat(cacheControl(200, NOW.plusSeconds(30)))
          .isEqualTo("public, max-age=30, s-maxage=30, stale-while-revalidate=86401");
    }

    @Test
    void aTimeBetweenTheBrowsersAndTheSharedAgeEndsOnlyTheShared() {
      assertThat(cacheControl(200, NOW.plusSeconds(120)))
          .isEqualTo("public, max-age=61, s-maxage=120, stale-while-revalidate=86401");
    }

    @Test
    void aTimeAtTheAgesLeavesThemAsTheyAre() {
      assertThat(cacheControl(200, NOW.plusSeconds(61)))
          .isEqualTo("public, max-age=61, s-maxage=61, stale-while-revalidate=86401");
      assertThat(cacheControl(200, NOW.plusSeconds(301))).isEqualTo(PAGE_CACHE);
    }

    @Test
    void aTimeAfterBothAgesChangesNothing() {
      assertThat(cacheControl(200, NOW.plus(Duration.ofDays(2)))).isEqualTo(PAGE_CACHE);
    }

    @ParameterizedTest(name = "{0} ms from now -> {1} s")
    @CsvSource({"1, 1", "999, 1", "1000, 1", "1001, 2", "1999, 2", "2000, 2"})
    void partOfASecondCountsAsAWholeOne(long millis, long seconds) {
      assertThat(cacheControl(200, NOW.plusMillis(millis)))
          .isEqualTo(
              "public, max-age="
                  + seconds
                  + ", s-maxage="
                  + seconds
                  + ", stale-while-revalidate=86401");
    }

    @Test
    void aTimeNowOrPastIsNoBound() {
      assertThat(cacheControl(200, NOW)).isEqualTo(PAGE_CACHE);
      assertThat(cacheControl(200, NOW.minusSeconds(5))).isEqualTo(PAGE_CACHE);
    }

    @Test
    void onlyPagesAreBoundedNotMissingPagesOrRedirects() {
      assertThat(cacheControl(404, NOW.plusSeconds(5)))
          .isEqualTo("public, max-age=60, s-maxage=60");
      assertThat(cacheControl(301, NOW.plusSeconds(5))).isEqualTo("public, max-age=86400");
    }

    @Test
    void aNotModifiedAnswerIsBoundedLikeThePage() {
      SiteResponse out =
          http.finish(get(null, "*"), html(200, "x"), false, null, NOW.plusSeconds(30));
      assertThat(out.status()).isEqualTo(304);
      assertThat(out.header("Cache-Control"))
          .isEqualTo("public, max-age=30, s-maxage=30, stale-while-revalidate=86401");
    }
  }

  @Nested
  class EveryResponse {

    @Test
    void carriesTheDateTheSecurityHeadersAndItsOwnHeaders() {
      SiteResponse out = http.finish(get(null, null), html(200, "hello"), false);
      assertThat(out.headers())
          .containsEntry("Date", "Tue, 01 Dec 2026 17:46:34 GMT")
          .containsEntry("Content-Type", "text/html; charset=utf-8")
          .containsEntry("Content-Length", "5")
          .containsEntry("Vary", "Accept-Encoding")
          .containsEntry("Content-Security-Policy", HttpSemantics.CONTENT_SECURITY_POLICY)
          .containsEntry("X-Content-Type-Options", "nosniff")
          .containsEntry("Referrer-Policy", "strict-origin-when-cross-origin")
          .containsEntry("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
          .containsEntry("X-Frame-Options", "DENY")
          .containsEntry(
              "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
      assertThat(out.text()).isEqualTo("hello");
    }

    @Test
    void thePublicPolicyAllowsNoScriptAndFetchesFromTheSiteOnly() {
      assertThat(HttpSemantics.CONTENT_SECURITY_POLICY)
          .isEqualTo(
              "default-src 'none'; style-src 'self'; img-src 'self' https:; media-src 'self' https:;"
                  + " font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self';"
                  + " frame-ancestors 'none'");
    }

    @Test
    void aPageScriptIsAllowedByItsHashAndNothingElse() {
      PageScript script = new PageScript("console.log(1)");
      HttpSemantics preview = new HttpSemantics(config(), script, Clock.fixed(NOW, ZoneOffset.UTC));
      SiteResponse out = preview.finish(get(null, null), html(200, "x"), false);
      assertThat(out.header("Content-Security-Policy"))
          .isEqualTo(HttpSemantics.CONTENT_SECURITY_POLICY + "; script-src " + script.hashSource());
    }

    @Test
    void headHasNoBodyButTheLengthOfGet() {
      SiteRequest head = new SiteRequest("HEAD", "/", null, null, null);
      SiteResponse out = http.finish(head, html(200, "hello"), false);
      assertThat(out.status()).isEqualTo(200);
      assertThat(out.body()).isEmpty();
      assertThat(out.header("Content-Length")).isEqualTo("5");
      assertThat(out.header("ETag")).isEqualTo("\"" + tagOf("hello") + "\"");
    }

    @Test
    void headOfAGzippedPageHasTheLengthOfTheGzippedBody() {
      SiteResponse get = http.finish(get("gzip", null), html(200, BIG_BODY), false);
      SiteResponse head =
          http.finish(new SiteRequest("HEAD", "/", null, "gzip", null), html(200, BIG_BODY), false);
      assertThat(head.body()).isEmpty();
      assertThat(head.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(head.header("Content-Length"))
          .isEqualTo(Integer.toString(get.body().length))
          .isNotEqualTo(Integer.toString(BIG_BODY.length()));
    }

    @Test
    void headOfAnErrorHasNoBodyEither() {
      SiteRequest head = new SiteRequest("HEAD", "/", null, null, null);
      SiteResponse out = http.finish(head, html(503, "down"), false);
      assertThat(out.status()).isEqualTo(503);
      assertThat(out.body()).isEmpty();
      assertThat(out.header("Content-Length")).isEqualTo("4");
    }
  }
}
