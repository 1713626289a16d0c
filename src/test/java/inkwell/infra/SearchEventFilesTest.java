package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import inkwell.aws.S3SnapshotStore;
import inkwell.aws.SqsSearchChanges;
import inkwell.publish.PublishHandler;
import inkwell.search.IndexHandler;
import inkwell.search.SearchHandler;
import inkwell.storage.SearchChange;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The search functions' files in {@code events/}: the SQS batch (a change delivered twice, as SQS
 * may) builds the index, and the API Gateway request finds the post through the search route.
 */
@ExtendWith(AwsEmulators.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchEventFilesTest {

  /** The files this test runs ({@code EventFilesTest} checks that every file is run by one). */
  static final List<String> FILES = List.of("sqs-search-changes.json", "apigw-search.json");

  private final Emulators emulators;
  private String bucket;
  private IndexHandler index;
  private SearchHandler search;

  SearchEventFilesTest(Emulators emulators) {
    this.emulators = emulators;
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of("events", file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  void start() {
    bucket = Emulators.uniqueName("search-events");
    String table = Emulators.uniqueName("search-events");
    Buckets.createContentBucket(emulators.s3(), bucket);
    Tables.createPostsTable(emulators.dynamoDb(), table);
    Map<String, Object> properties = EmulatorAwsSettings.onEmulators(emulators, bucket, table);
    emulators
        .s3()
        .putObject(
            r -> r.bucket(bucket).key("posts/hello-world.md"),
            RequestBody.fromString("---\ntitle: Hello, world\ndate: 2024-08-05\n---\nHi there.\n"));
    try (PublishHandler publish =
        new PublishHandler(ApplicationContext.builder().properties(properties))) {
      NotificationPlayer.deliverTo(
          publish,
          BucketEventJson.put(bucket, "posts/hello-world.md", "00000000000000000100", null));
    }
    index = new IndexHandler(ApplicationContext.builder().properties(properties));
    search = new SearchHandler(ApplicationContext.builder().properties(properties));
  }

  @AfterAll
  void stop() {
    index.close();
    search.close();
  }

  @Test
  void theSqsBatchIsTheOneGroupsChangesAndBuildsTheIndex() {
    String json = read("sqs-search-changes.json");
    assertThat(json).contains("\"MessageGroupId\": \"" + SqsSearchChanges.MESSAGE_GROUP + "\"");
    SQSEvent event =
        com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers
            .serializerFor(SQSEvent.class, getClass().getClassLoader())
            .fromJson(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(event.getRecords())
        .extracting(m -> SearchChange.fromJson(m.getBody()).sourceKey())
        .containsOnly("posts/hello-world.md");
    LambdaInvoker.invoke(index, SQSEvent.class, json);
    S3SnapshotStore store = new S3SnapshotStore(emulators.s3(), bucket, "_search/");
    assertThat(store.current()).get().extracting(p -> p.posts()).isEqualTo(1);
  }

  @Test
  void theSearchRequestFindsThePostThroughTheSearchRoute() throws IOException {
    LambdaInvoker.invoke(index, SQSEvent.class, read("sqs-search-changes.json"));
    String json = read("apigw-search.json");
    APIGatewayV2HTTPEvent event =
        com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers
            .serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader())
            .fromJson(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    Map<?, ?> events = (Map<?, ?>) SamTemplate.load().properties("SearchFunction").get("Events");
    assertThat(
            events.values().stream()
                .map(e -> (Map<?, ?>) ((Map<?, ?>) e).get("Properties"))
                .map(p -> p.get("Method") + " " + p.get("Path")))
        .contains(event.getRouteKey());
    APIGatewayV2HTTPResponse response =
        LambdaInvoker.invoke(search, APIGatewayV2HTTPEvent.class, json);
    assertThat(response.getStatusCode()).isEqualTo(200);
    byte[] body = Base64.getDecoder().decode(response.getBody());
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("Hello, world")
          .contains("1 post matches.");
    }
  }
}
