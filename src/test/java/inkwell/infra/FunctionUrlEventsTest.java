package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import inkwell.publish.PublishHandler;
import inkwell.site.SiteHandler;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.BucketEventJson;
import inkwell.testenv.Buckets;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.LambdaInvoker;
import inkwell.testenv.NotificationPlayer;
import inkwell.testenv.SamTemplate;
import inkwell.testenv.Tables;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The site behind the CDN, as its function URL invokes it: the files {@code events/furl-*.json} are
 * requests as Lambda passes them from a function URL (payload format 2.0, route key {@code
 * $default}; Lambda Developer Guide, "Invoking Lambda function URLs", request payload) with what
 * CloudFront adds in front (the reader's host as {@code X-Forwarded-Host}, from the template's
 * viewer-request function; the distribution's key as {@code X-Inkwell-Cdn-Key}; {@code Via}; the
 * OAC-signed caller in {@code authorizer.iam}, whose identity values are illustrative). Each is
 * deserialized by the Lambda runtime's own serializers and run through the real site handler on the
 * emulators, configured as {@code Cdn=true} without a {@code BaseUrl} configures it; and answered
 * exactly as the same request through the HTTP API.
 */
@ExtendWith(AwsEmulators.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunctionUrlEventsTest {

  static final List<String> FILES = List.of("furl-home.json", "furl-post.json");

  private static final String READERS_HOST = "d111111abcdef8.cloudfront.net";

  /** The key the distribution sends (its cache policy's id), as in the event files. */
  private static final String CDN_KEY = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Emulators emulators;
  private final String bucket = ContentBucket.localName();
  private PublishHandler publish;
  private SiteHandler site;

  FunctionUrlEventsTest(Emulators emulators) {
    this.emulators = emulators;
  }

  @BeforeAll
  void start() {
    String table = Emulators.uniqueName("furl");
    Buckets.createContentBucket(emulators.s3(), bucket);
    Tables.createPostsTable(emulators.dynamoDb(), table);
    // As the template sets them with Cdn=true and no BaseUrl.
    Map<String, Object> properties = EmulatorAwsSettings.onEmulators(emulators, bucket, table);
    properties.put("inkwell.site.cdn-key", CDN_KEY);
    assertThat(Functions.environment(SamTemplate.load(), "SiteFunction"))
        .containsEntry(
            "INKWELL_SITE_CDN_KEY",
            Map.of(
                "Fn::If",
                List.of("HasCdn", Map.of("Fn::GetAtt", List.of("SiteCachePolicy", "Id")), "")))
        .containsEntry("INKWELL_SITE_BASE_URL", Map.of("Ref", "BaseUrl"));
    publish = new PublishHandler(ApplicationContext.builder().properties(properties));
    site = new SiteHandler(ApplicationContext.builder().properties(properties).start());
    emulators
        .s3()
        .putObject(
            r -> r.bucket(bucket).key("posts/hello-world.md"),
            RequestBody.fromString(
                "---\ntitle: Hello, world\ndate: 2024-08-05\ntags: [Java]\n---\nHi."));
    NotificationPlayer.deliverTo(
        publish, BucketEventJson.put(bucket, "posts/hello-world.md", "00000000000000000100", null));
  }

  @AfterAll
  void stop() {
    site.close();
    publish.close();
  }

  static List<String> files() {
    return FILES;
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of("events", file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static APIGatewayV2HTTPEvent event(String json) {
    return LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, FunctionUrlEventsTest.class.getClassLoader())
        .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private APIGatewayV2HTTPResponse serve(String json) {
    return LambdaInvoker.invoke(site, APIGatewayV2HTTPEvent.class, json);
  }

  /** The body a reader gets: base64 as Lambda hands it over, then gunzipped if it was gzipped. */
  private static String body(APIGatewayV2HTTPResponse response) throws IOException {
    byte[] bytes =
        response.getIsBase64Encoded()
            ? Base64.getDecoder().decode(response.getBody())
            : response.getBody().getBytes(StandardCharsets.UTF_8);
    if ("gzip".equals(response.getHeaders().get("Content-Encoding"))) {
      try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = gzip.readAllBytes();
      }
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The same request as the HTTP API would pass it to the site: what differs between the two is the
   * route key, the API's domain as host and in the request context, and no IAM caller.
   */
  @SuppressWarnings("unchecked")
  private static String throughTheHttpApi(String functionUrlJson) throws IOException {
    Map<String, Object> event = JSON.readValue(functionUrlJson, LinkedHashMap.class);
    Map<String, Object> context = (Map<String, Object>) event.get("requestContext");
    Map<String, Object> headers = (Map<String, Object>) event.get("headers");
    String path = (String) event.get("rawPath");
    String routeKey = path.equals("/") ? "ANY /" : "ANY /{proxy+}";
    String apiHost = "r4nd0m1d2.execute-api.us-east-1.amazonaws.com";
    event.put("routeKey", routeKey);
    context.put("routeKey", routeKey);
    context.put("apiId", "r4nd0m1d2");
    context.put("domainName", apiHost);
    context.put("domainPrefix", "r4nd0m1d2");
    context.remove("authorizer");
    headers.put("host", apiHost);
    if (!path.equals("/")) {
      event.put("pathParameters", Map.of("proxy", path.substring(1)));
    }
    return JSON.writeValueAsString(event);
  }

  @ParameterizedTest
  @MethodSource("files")
  void eachFileIsARequestAsAFunctionUrlBehindTheCdnSendsIt(String file) {
    APIGatewayV2HTTPEvent event = event(read(file));
    assertThat(event.getVersion()).isEqualTo("2.0");
    assertThat(event.getRouteKey()).isEqualTo("$default");
    assertThat(event.getRequestContext().getRouteKey()).isEqualTo("$default");
    assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
    assertThat(event.getRequestContext().getDomainName())
        .endsWith(".lambda-url.us-east-1.on.aws")
        .isEqualTo(event.getHeaders().get("host"));
    assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
    assertThat(event.getRequestContext().getHttp().getPath()).isEqualTo(event.getRawPath());
    // AuthType AWS_IAM: Lambda names the signed caller.
    assertThat(event.getRequestContext().getAuthorizer().getIam().getAccountId())
        .isEqualTo("123456789012");
    assertThat(event.getHeaders()).containsEntry("x-forwarded-host", READERS_HOST);
    assertThat(event.getHeaders()).containsEntry("x-inkwell-cdn-key", CDN_KEY);
    assertThat(event.getHeaders().keySet()).allMatch(h -> h.equals(h.toLowerCase()));
  }

  @ParameterizedTest
  @MethodSource("files")
  void theSiteServesThePageWithItsLinksOnTheReadersHost(String file) throws IOException {
    APIGatewayV2HTTPResponse response = serve(read(file));
    assertThat(response.getStatusCode()).as(file).isEqualTo(200);
    assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
    String html = body(response);
    String path = event(read(file)).getRawPath();
    // The absolute links (canonical, og:url) name the reader's host; the others are relative.
    assertThat(html)
        .contains("<link rel=\"canonical\" href=\"https://" + READERS_HOST + path + "\">")
        .contains("<meta property=\"og:url\" content=\"https://" + READERS_HOST + path + "\">")
        .doesNotContain("lambda-url")
        .doesNotContain("execute-api")
        .contains(path.equals("/") ? "<a href=\"/hello-world/\">Hello, world</a>" : "Hi.");
  }

  @ParameterizedTest
  @MethodSource("files")
  void theSiteAnswersExactlyAsThroughTheHttpApi(String file) throws IOException {
    String viaUrl = read(file);
    String viaApi = throughTheHttpApi(viaUrl);
    assertThat(event(viaApi).getRouteKey()).isIn("ANY /", "ANY /{proxy+}");
    APIGatewayV2HTTPResponse fromUrl = serve(viaUrl);
    APIGatewayV2HTTPResponse fromApi = serve(viaApi);

    assertThat(fromUrl.getStatusCode()).isEqualTo(fromApi.getStatusCode());
    assertThat(fromUrl.getIsBase64Encoded()).isEqualTo(fromApi.getIsBase64Encoded());
    Map<String, String> urlHeaders = new TreeMap<>(fromUrl.getHeaders());
    Map<String, String> apiHeaders = new TreeMap<>(fromApi.getHeaders());
    // The Date of each answer is its own second; both are HTTP dates.
    for (Map<String, String> headers : List.of(urlHeaders, apiHeaders)) {
      ZonedDateTime.parse(headers.remove("Date"), DateTimeFormatter.RFC_1123_DATE_TIME);
    }
    assertThat(urlHeaders)
        .isEqualTo(apiHeaders)
        .containsKeys("Cache-Control", "ETag", "Content-Type", "Vary");
    assertThat(urlHeaders.get("Cache-Control")).contains("s-maxage=");
    assertThat(body(fromUrl)).isEqualTo(body(fromApi));
  }

  @Test
  void theTemplatesFunctionUrlIsTheSiteFunctionsSoTheseEventsReachThisHandler() {
    SamTemplate template = SamTemplate.load();
    assertThat(template.properties("SiteFunctionUrl").get("TargetFunctionArn"))
        .isEqualTo(Map.of("Ref", "SiteFunction.Alias"));
    assertThat(Functions.property(template, "SiteFunction", "Handler"))
        .isEqualTo(SiteHandler.class.getName());
  }
}
