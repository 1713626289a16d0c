package inkwell.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import inkwell.aws.DynamoPostRepository;
import inkwell.aws.S3ContentStore;
import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.storage.Sequencer;
import inkwell.support.Gzip;
import inkwell.testenv.ApiGatewayEvents;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Buckets;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.LambdaInvoker;
import inkwell.testenv.Tables;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The site's absolute URLs (canonical links, feeds, robots.txt) when no base URL is configured, as
 * the template deploys it by default: they start with the origin each request was sent to. The site
 * function runs as on Lambda, fed API Gateway event JSON, against the emulators.
 */
@ExtendWith(AwsEmulators.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteOriginTest {

  private static final String API = "abc123.execute-api.us-east-1.amazonaws.com";

  /** What the template's distribution sends as X-Inkwell-Cdn-Key (its cache policy's id). */
  private static final String CDN_KEY = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

  private final Emulators emulators;
  private final Map<String, Object> properties = new HashMap<>();
  private SiteHandler fromRequest;
  private SiteHandler configured;
  private SiteHandler behindCdn;

  SiteOriginTest(Emulators emulators) {
    this.emulators = emulators;
  }

  @BeforeAll
  void start() {
    String bucket = Emulators.uniqueName("origin");
    String table = Emulators.uniqueName("origin");
    Buckets.createContentBucket(emulators.s3(), bucket);
    Tables.createPostsTable(emulators.dynamoDb(), table);
    properties.putAll(EmulatorAwsSettings.onEmulators(emulators, bucket, table));
    properties.put("inkwell.site.base-url", "");
    // The render cache on: pages rendered for one origin must never be served at another.
    properties.put("inkwell.site.render-cache-seconds", "60");
    fromRequest = new SiteHandler(ApplicationContext.builder().properties(properties).start());
    Map<String, Object> withBase = new HashMap<>(properties);
    withBase.put("inkwell.site.base-url", "https://blog.example.com");
    configured = new SiteHandler(ApplicationContext.builder().properties(withBase).start());
    Map<String, Object> forwarded = new HashMap<>(properties);
    forwarded.put("inkwell.site.cdn-key", CDN_KEY);
    behindCdn = new SiteHandler(ApplicationContext.builder().properties(forwarded).start());
    DynamoPostRepository posts =
        new DynamoPostRepository(
            emulators.dynamoDb(),
            table,
            new S3ContentStore(emulators.s3(), bucket, "posts/", "_status/", "_bodies/"),
            Clock.systemUTC());
    ParseResult parsed =
        PostPipeline.create()
            .parse(
                new Source(
                    "posts/hello.md",
                    "---\ntitle: Hello\ndate: 2024-05-01\n---\nHi."
                        .getBytes(StandardCharsets.UTF_8),
                    Instant.parse("2024-05-01T00:00:00Z")));
    posts.publish(((ParseResult.Parsed) parsed).post(), Sequencer.of("0100"));
  }

  @AfterAll
  void stop() {
    fromRequest.close();
    configured.close();
    behindCdn.close();
  }

  private static String get(SiteHandler handler, String path, String proto, String host) {
    return get(handler, path, Map.of("x-forwarded-proto", proto, "host", host));
  }

  private static String get(SiteHandler handler, String path, Map<String, String> headers) {
    String host = headers.get("host");
    APIGatewayV2HTTPResponse response =
        LambdaInvoker.invoke(
            handler, APIGatewayV2HTTPEvent.class, ApiGatewayEvents.request("GET", path, headers));
    assertThat(response.getStatusCode()).as("GET %s at %s", path, host).isEqualTo(200);
    byte[] body = Base64.getDecoder().decode(response.getBody());
    boolean gzipped =
        response.getHeaders().entrySet().stream()
            .anyMatch(
                h ->
                    h.getKey().equalsIgnoreCase("Content-Encoding") && h.getValue().equals("gzip"));
    return new String(gzipped ? Gzip.decompress(body) : body, StandardCharsets.UTF_8);
  }

  private static String canonical(String html) {
    return Jsoup.parse(html).selectFirst("link[rel=canonical]").attr("href");
  }

  @Test
  void thePagesOfTheApisOwnDomainLinkToIt() {
    assertThat(canonical(get(fromRequest, "/hello/", "https", API)))
        .isEqualTo("https://" + API + "/hello/");
    assertThat(get(fromRequest, "/feed.xml", "https", API))
        .contains("<link>https://" + API + "/hello/</link>");
    assertThat(get(fromRequest, "/robots.txt", "https", API))
        .contains("Sitemap: https://" + API + "/sitemap.xml");
  }

  @Test
  void samLocalStartApisAddressKeepsItsPortAndPlainHttp() {
    // sam local start-api sends Host 127.0.0.1:3000 and X-Forwarded-Proto http.
    assertThat(canonical(get(fromRequest, "/", "http", "127.0.0.1:3000")))
        .isEqualTo("http://127.0.0.1:3000/");
  }

  @Test
  void aCustomDomainAndTheApiDomainEachGetTheirOwnLinksFromTheCache() {
    for (int round = 0; round < 2; round++) {
      assertThat(canonical(get(fromRequest, "/hello/", "https", "blog.example.org")))
          .isEqualTo("https://blog.example.org/hello/");
      assertThat(canonical(get(fromRequest, "/hello/", "https", API)))
          .isEqualTo("https://" + API + "/hello/");
    }
  }

  @Test
  void aHostThatIsNotAHostNameNeverReachesThePage() {
    String html = get(fromRequest, "/hello/", "https", "evil.example/\"><script>");
    assertThat(html).doesNotContain("evil.example");
    assertThat(canonical(html)).isEqualTo("/hello/");
  }

  @Test
  void behindTheCdnTheForwardedHostItSetsIsTheOriginNotTheApisDomain() {
    // The template's CloudFront function sets X-Forwarded-Host to the reader's host; the origin
    // request policy sends the API's own domain as Host.
    String cdn = "d111111abcdef8.cloudfront.net";
    Map<String, String> headers =
        Map.of(
            "x-forwarded-proto", "https",
            "host", API,
            "x-forwarded-host", cdn,
            "x-inkwell-cdn-key", CDN_KEY);
    assertThat(canonical(get(behindCdn, "/hello/", headers)))
        .isEqualTo("https://" + cdn + "/hello/");
    assertThat(get(behindCdn, "/feed.xml", headers)).contains("<link>https://" + cdn + "/hello/");
    assertThat(canonical(get(behindCdn, "/hello/", "https", API)))
        .as("without the CDN's header (the API called directly, sam local) the Host counts")
        .isEqualTo("https://" + API + "/hello/");
  }

  @Test
  void aForwardedHostIsIgnoredUnlessTheCdnInFrontSetsIt() {
    // Without the setting a reader could name any host in X-Forwarded-Host and a shared cache
    // would keep the page with links to it.
    Map<String, String> spoofed =
        Map.of("x-forwarded-proto", "https", "host", API, "x-forwarded-host", "evil.example");
    assertThat(canonical(get(fromRequest, "/hello/", spoofed)))
        .isEqualTo("https://" + API + "/hello/");
    assertThat(canonical(get(configured, "/hello/", spoofed)))
        .isEqualTo("https://blog.example.com/hello/");
  }

  @Test
  void behindTheCdnAForwardedHostSentToTheApiDirectlyIsIgnored() {
    // Anyone can call the HTTP API with a made-up X-Forwarded-Host; only the CDN sends the key.
    for (String key : new String[] {null, "", "guess", CDN_KEY + "x"}) {
      Map<String, String> forged = new HashMap<>();
      forged.put("x-forwarded-proto", "https");
      forged.put("host", API);
      forged.put("x-forwarded-host", "evil.example");
      if (key != null) {
        forged.put("x-inkwell-cdn-key", key);
      }
      String html = get(behindCdn, "/hello/", forged);
      assertThat(canonical(html)).as("key %s", key).isEqualTo("https://" + API + "/hello/");
      assertThat(html).doesNotContain("evil.example");
    }
  }

  @Test
  void madeUpHostsNeverBecomeOriginsWithPagesOfTheirOwn() {
    // Each origin gets a copy of the site and its render cache: made-up hosts sent to the API
    // directly must not evict the real ones. They all get the API's own pages.
    for (int i = 0; i < 3 * SiteService.MAX_ORIGINS; i++) {
      Map<String, String> forged =
          Map.of(
              "x-forwarded-proto",
              "https",
              "host",
              API,
              "x-forwarded-host",
              "made-up-" + i + ".example");
      assertThat(canonical(get(behindCdn, "/hello/", forged)))
          .isEqualTo("https://" + API + "/hello/");
    }
  }

  @Test
  void aConfiguredBaseUrlWinsOverTheHost() {
    assertThat(canonical(get(configured, "/hello/", "http", "127.0.0.1:3000")))
        .isEqualTo("https://blog.example.com/hello/");
  }
}
