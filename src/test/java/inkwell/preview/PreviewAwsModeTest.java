package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.publish.PublishHandler;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.BucketEventJson;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.NotificationPlayer;
import inkwell.testenv.Tables;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code ./preview --aws}: the same server over S3 and DynamoDB, showing what the publish function
 * wrote - a {@code sam local start-api} without Docker.
 */
@ExtendWith(AwsEmulators.class)
class PreviewAwsModeTest {

  @Test
  void theAwsModeServesWhatThePublishFunctionWrote(Emulators emulators) throws Exception {
    String bucket = Emulators.uniqueName("preview");
    String table = Emulators.uniqueName("preview");
    emulators.s3().createBucket(r -> r.bucket(bucket));
    Tables.createPostsTable(emulators.dynamoDb(), table);
    Map<String, Object> config = EmulatorAwsSettings.onEmulators(emulators, bucket, table);

    emulators
        .s3()
        .putObject(
            r -> r.bucket(bucket).key("posts/from-the-bucket.md"),
            RequestBody.fromString("# Straight from the bucket\n\nPublished by the function."));
    try (PublishHandler publish =
        new PublishHandler(ApplicationContext.builder().properties(config))) {
      NotificationPlayer.deliverTo(
          publish, BucketEventJson.put(bucket, "posts/from-the-bucket.md", "00A1", null));
    }

    try (PreviewServer server =
        PreviewServer.start(
            new PreviewOptions(Path.of("."), null, 0, "127.0.0.1", false, true), config)) {
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.url() + "from-the-bucket/")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("Straight from the bucket")
          .contains("Published by the function.");
    }
  }
}
