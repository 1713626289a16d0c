package inkwell.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import inkwell.cdn.CacheControl;
import inkwell.site.SiteHandler;
import inkwell.testenv.ApiGatewayEvents;
import inkwell.testenv.LambdaInvoker;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost per million views behind a CDN, from a simulated year of traffic rather than a guessed
 * hit ratio: {@link ViewTrace} through {@link CdnSimulation}, whose origin answers each page type
 * with the {@code Cache-Control} and the bytes the real site function sent for it in this run (the
 * site handler on the emulators, as on Lambda), priced with the durations and read units {@link
 * PageBench} measured. Compared on the same trace with the static floor (the same pages as files on
 * S3 behind CloudFront) and with no CDN. Formula and assumptions: docs/BENCHMARKS.md.
 */
final class CdnCostBench {

  static final int POSTS = 50_000;
  static final int TAGS = 200;
  static final double ZIPF = 1.0;
  static final int DAYS = 365;
  static final double PUBLISHES_PER_DAY = 3;
  static final int REGIONS = 4;
  static final long SEED = 20261201L;

  /** A static site on S3 sends no Cache-Control: CloudFront's default TTL (a day) applies. */
  static final long STATIC_DEFAULT_TTL = 86_400;

  /** The template's CdnCacheSeconds: a day, as the index function invalidates after a publish. */
  static final int TEMPLATE_CDN_CACHE_SECONDS = 86_400;

  /** CdnCacheSeconds before publishes invalidated, kept as a row for comparison. */
  static final int PREVIOUS_CDN_CACHE_SECONDS = 300;

  /**
   * From a publish to its invalidation taking effect at the edges: the index function's batch
   * (seconds) and CloudFront's invalidation (typically under a minute or two; AWS promises no
   * figure). The same for the static floor's deploy.
   */
  static final long INVALIDATION_DELAY_MILLIS = 60_000;

  private CdnCostBench() {}

  /** One way to serve the trace, and its bill. */
  record Variant(String name, CdnSimulation.Result result, CdnBill bill) {
    double perMillionUsd() {
      return bill.perMillionViews();
    }
  }

  static void run(Blog blog, String postSlug, CostModel.Inputs in, long views, Report report) {
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("post", "/" + postSlug + "/");
    paths.put("home", "/");
    paths.put("tag", "/tags/java/");
    paths.put("feed", "/feed.xml");
    ViewTrace.Settings settings =
        new ViewTrace.Settings(views, POSTS, TAGS, ZIPF, DAYS, PUBLISHES_PER_DAY, REGIONS, SEED);
    ViewTrace trace = new ViewTrace(settings);

    Map<String, Object> served = new LinkedHashMap<>();
    List<CdnSimulation.Page> site = pages(blog, paths, TEMPLATE_CDN_CACHE_SECONDS, served);
    List<CdnSimulation.Page> previous = pages(blog, paths, PREVIOUS_CDN_CACHE_SECONDS, served);
    List<CdnSimulation.Page> hour = pages(blog, paths, 3600, served);
    List<CdnSimulation.Page> files = new ArrayList<>();
    for (CdnSimulation.Page page : site) {
      files.add(new CdnSimulation.Page(CacheControl.parse(null, STATIC_DEFAULT_TTL), page.bytes()));
    }

    Bench.log("cdn: %,d views over %,d posts, %d regional caches", views, POSTS, REGIONS);
    Variant floor =
        priced(
            "static floor",
            CdnSimulation.run(trace, settings, files, INVALIDATION_DELAY_MILLIS),
            in,
            Origin.S3);
    Variant cdn =
        priced(
            "site behind CloudFront (defaults: s-maxage a day + invalidating /* after each"
                + " publish's batch)",
            CdnSimulation.run(trace, settings, site, INVALIDATION_DELAY_MILLIS),
            in,
            Origin.SITE);
    Variant cdnPrevious =
        priced(
            "s-maxage 300, no invalidation (the defaults before invalidation)",
            CdnSimulation.run(trace, settings, previous, false),
            in,
            Origin.SITE);
    Variant cdnHour =
        priced(
            "s-maxage 3600, no invalidation",
            CdnSimulation.run(trace, settings, hour, false),
            in,
            Origin.SITE);
    Variant direct = priced("no CDN", cdn.result(), in, Origin.NONE);
    Variant throughApi =
        priced(
            "site defaults, origin the HTTP API (before the function URL)",
            cdn.result(),
            in,
            Origin.HTTP_API);

    String floorName = "static site on S3 + CloudFront, same trace";
    report.add(
        "CDN simulation",
        "views answered from the cache, site behind CloudFront (defaults: s-maxage a day +"
            + " invalidation after each publish)",
        100 * cdn.result().hitRatio(),
        "%",
        floorName,
        100 * floor.result().hitRatio());
    report.add(
        "CDN simulation",
        "requests reaching the origin per million views",
        perMillion(cdn.result().originRequests(), views),
        "",
        floorName + " (S3 GETs)",
        perMillion(floor.result().originRequests(), views));
    report.add(
        "CDN simulation",
        "views showing a page older than the origin's, per million",
        perMillion(cdn.result().staleViews(), views),
        "",
        "-",
        0);
    report.add(
        "CDN simulation",
        "longest time between a publish and a view that did not show it",
        cdn.result().longestStaleSeconds(),
        "s",
        "publish to invalidation done, modelled",
        INVALIDATION_DELAY_MILLIS / 1000.0);
    report.add(
        "CDN simulation",
        "the same without invalidation, s-maxage 300 (the defaults before)",
        cdnPrevious.result().longestStaleSeconds(),
        "s",
        "s-maxage",
        previous.get(0).control().freshSeconds());
    report.add(
        "Cost",
        "per million views behind CloudFront (site defaults)",
        cdn.perMillionUsd(),
        "USD",
        floorName,
        floor.perMillionUsd(),
        "at most 1.2x the floor",
        cdn.perMillionUsd() <= 1.2 * floor.perMillionUsd());
    for (Variant variant : List.of(cdnPrevious, cdnHour, throughApi, direct)) {
      report.add(
          "Cost",
          "per million views, " + variant.name(),
          variant.perMillionUsd(),
          "USD",
          floorName,
          floor.perMillionUsd());
    }

    report.add(
        "Cost",
        "per million views behind CloudFront, after the free tiers (a month of this trace)",
        cdn.bill().perMillionViewsAfterFreeTiers(),
        "USD",
        "no CDN, after the free tiers",
        direct.bill().perMillionViewsAfterFreeTiers());

    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("trace", settings);
    detail.put("responses", served);
    Map<String, Object> variants = new LinkedHashMap<>();
    for (Variant variant : List.of(floor, cdn, cdnPrevious, cdnHour, throughApi, direct)) {
      Map<String, Object> v = new LinkedHashMap<>();
      CdnSimulation.Result r = variant.result();
      v.put("perMillionViewsUsd", variant.perMillionUsd());
      v.put("perMillionViewsAfterFreeTiersUsd", variant.bill().perMillionViewsAfterFreeTiers());
      v.put("bill", variant.bill());
      v.put("hitRatio", r.hitRatio());
      v.put("originRequests", r.originRequests());
      v.put("originRequestsByType", toMap(r.originByType()));
      v.put("bytesToReaders", r.bytes());
      v.put("staleViews", r.staleViews());
      v.put("staleBeyondFreshness", r.staleBeyondFresh());
      v.put("longestStaleSeconds", r.longestStaleSeconds());
      v.put("invalidations", r.invalidations());
      variants.put(variant.name(), v);
    }
    detail.put("variants", variants);
    detail.put(
        "prices",
        Map.of(
            "asOf", CostModel.CDN_PRICES_AS_OF,
            "cloudFrontPerMillionHttpsRequests", CostModel.CLOUDFRONT_PER_HTTPS_REQUEST * 1e6,
            "cloudFrontPerGbOut", CostModel.CLOUDFRONT_PER_GB_OUT,
            "cloudFrontFunctionPerMillion", CostModel.CLOUDFRONT_FUNCTION_PER_INVOCATION * 1e6,
            "cloudFrontPerInvalidationPathAfter1000", CostModel.CLOUDFRONT_PER_INVALIDATION_PATH,
            "internetPerGbOut", CostModel.INTERNET_PER_GB_OUT));
    detail.put("invalidationDelayMillis", INVALIDATION_DELAY_MILLIS);
    detail.put("initBilled", in.cold != null);
    report.detail("cdn", detail);
  }

  private static double perMillion(long count, long views) {
    return count * 1e6 / views;
  }

  private static Map<String, Long> toMap(long[] byType) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < byType.length; i++) {
      map.put(ViewTrace.TYPES.get(i), byType[i]);
    }
    return map;
  }

  /** What answers the requests that get past the cache. */
  enum Origin {
    /**
     * The site through its function URL, as the template builds it: Lambda and DynamoDB, no HTTP
     * API charge (the trace's pages are all the site's; search, which stays on the API, is not in
     * it); readers get CloudFront's function too.
     */
    SITE,
    /** The site through the HTTP API, the CDN's origin before the function URL: $1.00 a million. */
    HTTP_API,
    /** Files on S3. */
    S3,
    /** No CDN at all: every view is an API request, sent to the reader from the region. */
    NONE
  }

  /** The result as a bill; see {@link CdnBill} and docs/BENCHMARKS.md for the formula. */
  static Variant priced(String name, CdnSimulation.Result r, CostModel.Inputs in, Origin origin) {
    boolean cdn = origin != Origin.NONE;
    boolean site = origin != Origin.S3;
    long[] reached = cdn ? r.originByType() : r.viewsByType();
    long siteRequests = 0;
    double gbSeconds = 0;
    double readUnits = 0;
    long s3Gets = origin == Origin.S3 ? r.originRequests() : 0;
    if (site) {
      for (int type = 0; type < reached.length; type++) {
        PageBench.PageFigures page = in.pages.pages().get(ViewTrace.TYPES.get(type));
        siteRequests += reached[type];
        gbSeconds += reached[type] * billedSeconds(in, page) * CostModel.MEMORY_GB;
        readUnits += reached[type] * page.readUnits();
        s3Gets += reached[type] * page.requests().stream().filter("GetObject"::equals).count();
      }
    }
    double gigabytes = r.bytes() / 1e9;
    CdnBill bill =
        new CdnBill(
            r.views(),
            cdn ? r.views() : 0,
            cdn ? gigabytes : 0,
            origin == Origin.SITE || origin == Origin.HTTP_API ? r.views() : 0,
            origin == Origin.HTTP_API || origin == Origin.NONE ? siteRequests : 0,
            siteRequests,
            gbSeconds,
            readUnits,
            s3Gets,
            cdn ? 0 : gigabytes,
            r.invalidations(),
            12 * DAYS / 365);
    return new Variant(name, r, bill);
  }

  /**
   * Seconds Lambda bills for one request of {@code page}: its measured warm p50 rounded up to the
   * millisecond, plus 1% of the site's cold start when the cold-start benchmark ran (INIT is billed
   * since August 2025).
   */
  private static double billedSeconds(CostModel.Inputs in, PageBench.PageFigures page) {
    double seconds = Math.ceil(page.p50Ms()) / 1000;
    if (in.cold != null) {
      double coldMs =
          in.cold.medians().entrySet().stream()
              .filter(e -> e.getKey().startsWith("site"))
              .mapToDouble(e -> e.getValue().totalMs())
              .min()
              .orElse(0);
      seconds += CostModel.COLD_SHARE_OF_VIEWS * coldMs / 1000;
    }
    return seconds;
  }

  /**
   * Each page type as the site function answers it in this run (a browser's Accept-Encoding): its
   * Cache-Control, read by the cache model, and the bytes a reader receives (body as sent plus the
   * status line and headers), with {@code sharedMaxAge} as the template's CdnCacheSeconds.
   */
  private static List<CdnSimulation.Page> pages(
      Blog blog, Map<String, String> paths, int sharedMaxAge, Map<String, Object> served) {
    Map<String, Object> properties = blog.handlerProperties();
    properties.put("inkwell.site.base-url", "https://blog.example.com");
    properties.put("inkwell.site.shared-max-age", sharedMaxAge);
    List<CdnSimulation.Page> pages = new ArrayList<>();
    try (SiteHandler handler =
        new SiteHandler(ApplicationContext.builder().properties(properties).start())) {
      for (String type : ViewTrace.TYPES) {
        String path = paths.get(type);
        APIGatewayV2HTTPResponse response =
            LambdaInvoker.invoke(
                handler,
                APIGatewayV2HTTPEvent.class,
                ApiGatewayEvents.request("GET", path, PageBench.BROWSER));
        if (response.getStatusCode() != 200) {
          throw new IllegalStateException(path + " answered " + response.getStatusCode());
        }
        long bytes = Base64.getDecoder().decode(response.getBody()).length + 17;
        for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
          bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        String cacheControl = response.getHeaders().get("Cache-Control");
        pages.add(new CdnSimulation.Page(CacheControl.parse(cacheControl, 0), bytes));
        served.put(
            type + "@" + sharedMaxAge,
            Map.of("path", path, "cacheControl", cacheControl, "bytes", bytes));
      }
    }
    return pages;
  }
}
