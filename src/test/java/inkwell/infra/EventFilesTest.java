package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import inkwell.aws.DynamoPostRepository;
import inkwell.aws.S3ContentStore;
import inkwell.publish.BucketEvents;
import inkwell.publish.ObjectEvent;
import inkwell.publish.PublishHandler;
import inkwell.site.SiteHandler;
import inkwell.storage.SourceRecord;
import inkwell.support.Json;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Every file in {@code events/}, deserialized by the Lambda runtime's own serializers, run through
 * the function it is for (the real handler classes, against the S3 and DynamoDB emulators), with
 * the outcome it is meant to have. The bucket is the one the bucket events name, which is also the
 * name {@code sam local} gives {@code INKWELL_BUCKET} (account 123456789012, us-east-1).
 */
@ExtendWith(AwsEmulators.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventFilesTest {

  /** The status each API Gateway event gets from the site. */
  private static final Map<String, Integer> SITE_STATUS =
      Map.of(
          "apigw-home.json", 200,
          "apigw-post.json", 200,
          "apigw-tag.json", 200,
          "apigw-feed.json", 200,
          "apigw-not-found.json", 404,
          "apigw-head.json", 200,
          "apigw-conditional-get.json", 304);

  /** The publish queue's events: SQS messages holding EventBridge's S3 events. */
  private static final List<String> BUCKET_EVENTS =
      List.of(
          "sqs-publish-put.json",
          "sqs-publish-delete.json",
          "sqs-publish-delete-marker.json",
          "sqs-publish-put-nested.json");

  /** The put events, each with the object it describes in events/objects/. */
  private static final List<String> PUT_EVENTS =
      List.of("sqs-publish-put.json", "sqs-publish-put-nested.json");

  private final Emulators emulators;
  private final String bucket = ContentBucket.localName();
  private PublishHandler publish;
  private SiteHandler site;
  private DynamoPostRepository posts;

  EventFilesTest(Emulators emulators) {
    this.emulators = emulators;
  }

  @BeforeAll
  void start() {
    String table = Emulators.uniqueName("events");
    Buckets.createContentBucket(emulators.s3(), bucket);
    Tables.createPostsTable(emulators.dynamoDb(), table);
    Map<String, Object> properties = EmulatorAwsSettings.onEmulators(emulators, bucket, table);
    properties.put("inkwell.site.base-url", "https://blog.example.com");
    publish = new PublishHandler(ApplicationContext.builder().properties(properties));
    site = new SiteHandler(ApplicationContext.builder().properties(properties).start());
    posts =
        new DynamoPostRepository(
            emulators.dynamoDb(),
            table,
            new S3ContentStore(emulators.s3(), bucket, "posts/", "_status/", "_bodies/"),
            Clock.systemUTC());
    upload(
        "posts/hello-world.md",
        "---\ntitle: Hello, world\ndate: 2024-08-05\ntags: [Java]\n---\nHi.");
    NotificationPlayer.deliverTo(
        publish, BucketEventJson.put(bucket, "posts/hello-world.md", "00000000000000000100", null));
  }

  @AfterAll
  void stop() {
    site.close();
    publish.close();
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of("events", file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The object a put event describes: events/objects/NAME.md for events/NAME.json. */
  private static byte[] object(String putEvent) {
    try {
      return Files.readAllBytes(Path.of("events", "objects", putEvent.replace(".json", ".md")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String upload(String key, String markdown) {
    return upload(key, markdown.getBytes(StandardCharsets.UTF_8));
  }

  private String upload(String key, byte[] bytes) {
    return emulators
        .s3()
        .putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(bytes))
        .versionId();
  }

  /** The event with its body changed by {@code edit}, the rest of the message as it is. */
  private static String withBody(String json, java.util.function.UnaryOperator<String> edit) {
    @SuppressWarnings("unchecked")
    Map<String, Object> event = (Map<String, Object>) Json.tree(json);
    @SuppressWarnings("unchecked")
    Map<String, Object> message =
        (Map<String, Object>) ((List<Object>) event.get("Records")).get(0);
    message.put("body", edit.apply((String) message.get("body")));
    return Json.write(event);
  }

  /** The event with its version id replaced by the one the emulator gave the upload. */
  private static String withVersion(String json, String versionId) {
    return withBody(
        json,
        body ->
            body.replaceFirst("\"version-id\":\"[^\"]*\"", "\"version-id\":\"" + versionId + "\""));
  }

  private static String key(String json) {
    return objectEvent(json).key();
  }

  /** What the publish function reads from the event's one message, as Lambda delivers it. */
  private static ObjectEvent objectEvent(String json) {
    return BucketEvents.decode(message(json).getBody()).orElseThrow();
  }

  private static SQSEvent.SQSMessage message(String json) {
    SQSEvent event =
        LambdaEventSerializers.serializerFor(SQSEvent.class, EventFilesTest.class.getClassLoader())
            .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(event.getRecords()).hasSize(1);
    return event.getRecords().get(0);
  }

  /** The {@code detail.object} of the event's S3 event. */
  private static Map<?, ?> s3Object(String json) {
    Map<?, ?> body = (Map<?, ?>) Json.tree(message(json).getBody());
    return (Map<?, ?>) ((Map<?, ?>) body.get("detail")).get("object");
  }

  private SourceRecord.State state(String key) {
    return posts.findSource(key).orElseThrow().state();
  }

  @Test
  void everyFileHasAnExpectedOutcome() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("events")).filter(Files::isRegularFile)) {
      List<String> expected = new ArrayList<>(SITE_STATUS.keySet());
      expected.addAll(BUCKET_EVENTS);
      expected.addAll(SearchEventFilesTest.FILES);
      expected.addAll(FunctionUrlEventsTest.FILES);
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("putEvents")
  void eachPutEventCarriesTheSizeAndETagOfItsObject(String file) throws Exception {
    byte[] bytes = object(file);
    Map<?, ?> object = s3Object(read(file));
    assertThat(object.get("size")).isEqualTo(Integer.toString(bytes.length));
    String md5 =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
    assertThat(object.get("etag")).isEqualTo(md5);
  }

  private static String onOwnKey(String json, String suffix) {
    return withBody(json, body -> body.replace(" more.md\"", " more " + suffix + ".md\""));
  }

  static List<String> putEvents() {
    return PUT_EVENTS;
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqs-publish-delete.json", "sqs-publish-delete-marker.json"})
  void theUploadEventPublishesTheFileAndEachRemovalEventTakesItDown(String removal) {
    // Each removal on a key of its own (the events all name one key; a removal's tombstone would
    // make the other run's upload event stale, as it should).
    String own = removal.replace(".json", "");
    String put = onOwnKey(read("sqs-publish-put.json"), own);
    String key = key(put);
    assertThat(key).isEqualTo("posts/2024/Hello World \u2014 caf\u00e9 + more " + own + ".md");
    String version = upload(key, object("sqs-publish-put.json"));
    NotificationPlayer.deliverTo(publish, withVersion(put, version));
    assertThat(state(key)).isEqualTo(SourceRecord.State.PUBLISHED);
    String slug = posts.findSource(key).orElseThrow().slug();
    assertThat(posts.findPost(slug).orElseThrow().post().title())
        .isEqualTo("Hello World, café + more");

    String delete = onOwnKey(read(removal), own);
    assertThat(key(delete)).isEqualTo(key);
    assertThat(objectEvent(delete).sequencer().isAfter(objectEvent(put).sequencer())).isTrue();
    emulators.s3().deleteObject(r -> r.bucket(bucket).key(key));
    NotificationPlayer.deliverTo(publish, delete);
    assertThat(state(key)).isEqualTo(SourceRecord.State.DELETED);
  }

  @Test
  void theDeleteMarkerEventIsTheOneAwsS3RmSendsOnAVersionedBucket() {
    // `aws s3 rm` and `aws s3 sync --delete` send no version id: on the template's versioned bucket
    // S3 keeps the object and creates a delete marker, with its own version id.
    assertThat(message(read("sqs-publish-delete-marker.json")).getBody())
        .contains("\"deletion-type\":\"Delete Marker Created\"");
    assertThat(s3Object(read("sqs-publish-delete-marker.json")).get("version-id")).isNotNull();
    assertThat(SamTemplate.load().properties("ContentBucket").get("VersioningConfiguration"))
        .isEqualTo(Map.of("Status", "Enabled"));
  }

  @Test
  void theNestedUploadEventPublishesUnderItsFolders() {
    String put = read("sqs-publish-put-nested.json");
    String key = key(put);
    String version = upload(key, object("sqs-publish-put-nested.json"));
    NotificationPlayer.deliverTo(publish, withVersion(put, version));
    assertThat(state(key)).isEqualTo(SourceRecord.State.PUBLISHED);
    assertThat(posts.findPost("guides/aws/lambda/cold-starts")).isPresent();
  }

  @Test
  void theBucketEventsNameTheBucketKeysAndGroupTheTemplateRoutesToThePublishQueue() {
    Map<?, ?> rule = SamTemplate.load().properties("PublishRule");
    Map<?, ?> target = (Map<?, ?>) ((List<?>) rule.get("Targets")).get(0);
    Object group = ((Map<?, ?>) target.get("SqsParameters")).get("MessageGroupId");
    for (String file : BUCKET_EVENTS) {
      ObjectEvent event = objectEvent(read(file));
      assertThat(event.bucket()).as(file).isEqualTo(bucket);
      assertThat(event.key()).as(file).startsWith("posts/").endsWith(".md");
      assertThat(message(read(file)).getAttributes().get("MessageGroupId")).isEqualTo(group);
      assertThat(message(read(file)).getEventSourceArn()).endsWith("-publish.fifo");
    }
  }

  static Stream<String> siteEvents() {
    return SITE_STATUS.keySet().stream().filter(f -> !f.contains("conditional")).sorted();
  }

  private APIGatewayV2HTTPResponse serve(String json) {
    return LambdaInvoker.invoke(site, APIGatewayV2HTTPEvent.class, json);
  }

  @ParameterizedTest
  @MethodSource("siteEvents")
  void eachRequestGetsTheStatusItIsFor(String file) {
    APIGatewayV2HTTPResponse response = serve(read(file));
    assertThat(response.getStatusCode()).as(file).isEqualTo(SITE_STATUS.get(file));
    if (file.contains("head")) {
      assertThat(response.getBody()).isNullOrEmpty();
    } else {
      assertThat(response.getBody()).as(file).isNotEmpty();
    }
  }

  @Test
  void theConditionalRequestGets304ForTheCurrentETag() {
    // The file carries the ETag of an earlier response; the page's ETag depends on the theme and
    // the site's settings, so the request is replayed with the one this site sends now.
    String json = read("apigw-conditional-get.json");
    assertThat(json).containsPattern("\"if-none-match\": \"\\\\\"[0-9a-f]{32}-gzip\\\\\"\"");
    assertThat(serve(json).getStatusCode()).as("a stale ETag").isEqualTo(200);
    String stale = event(json).getHeaders().get("if-none-match");
    String etag = serve(read("apigw-post.json")).getHeaders().get("ETag");
    String current = json.replace(unquoted(stale), unquoted(etag));
    assertThat(event(current).getHeaders().get("if-none-match")).isEqualTo(etag);
    APIGatewayV2HTTPResponse response = serve(current);
    assertThat(response.getStatusCode()).isEqualTo(SITE_STATUS.get("apigw-conditional-get.json"));
    assertThat(response.getBody()).isNullOrEmpty();
  }

  private APIGatewayV2HTTPEvent event(String json) {
    return LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, getClass().getClassLoader())
        .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String unquoted(String etag) {
    return etag.substring(1, etag.length() - 1);
  }

  @Test
  void theRequestsMatchTheTemplatesRoutesAndStage() {
    TreeSet<String> routes = new TreeSet<>();
    Map<?, ?> events = (Map<?, ?>) SamTemplate.load().properties("SiteFunction").get("Events");
    events.values().stream()
        .map(e -> (Map<?, ?>) ((Map<?, ?>) e).get("Properties"))
        .forEach(p -> routes.add(p.get("Method") + " " + p.get("Path")));
    for (String file : SITE_STATUS.keySet()) {
      APIGatewayV2HTTPEvent event = event(read(file));
      assertThat(event.getVersion()).isEqualTo("2.0");
      assertThat(routes).as(file).contains(event.getRouteKey());
      assertThat(event.getRouteKey())
          .isEqualTo(event.getRawPath().equals("/") ? "ANY /" : "ANY /{proxy+}");
      // SAM's HttpApi has one stage, $default, unless StageName says otherwise.
      assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
      assertThat(event.getRequestContext().getHttp().getPath()).isEqualTo(event.getRawPath());
      assertThat(event.getHeaders().keySet()).allMatch(h -> h.equals(h.toLowerCase()));
    }
  }
}
