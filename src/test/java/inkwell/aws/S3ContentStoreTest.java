package inkwell.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inkwell.post.PostError;
import inkwell.storage.Sequencer;
import inkwell.storage.SourceStore.StoredSource;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Buckets;
import inkwell.testenv.Emulators;
import inkwell.testenv.RequestCounter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;

@ExtendWith(AwsEmulators.class)
class S3ContentStoreTest {

  private final S3Client s3;
  private String bucket;
  private S3ContentStore store;

  S3ContentStoreTest(Emulators emulators) {
    this.s3 = emulators.s3();
  }

  @BeforeEach
  void bucket() {
    bucket = Emulators.uniqueName("content");
    Buckets.createContentBucket(s3, bucket);
    store = new S3ContentStore(s3, bucket, "posts/", "_status/", "_bodies/");
  }

  private String put(String key, String text) {
    return s3.putObject(
            r -> r.bucket(bucket).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8))
        .versionId();
  }

  @Test
  void aSourceIsReadWithItsBytesAndLastModifiedTime() {
    put("posts/a b+c ü.md", "# Hi");
    StoredSource source = store.read("posts/a b+c ü.md", null).orElseThrow();
    assertThat(new String(source.bytes(), StandardCharsets.UTF_8)).isEqualTo("# Hi");
    assertThat(source.lastModified()).isAfter(Instant.now().minusSeconds(600));
  }

  @Test
  void aMissingSourceIsEmptyNotAnError() {
    assertThat(store.read("posts/none.md", null)).isEmpty();
  }

  @Test
  void theVersionAnEventNamesIsTheVersionRead() {
    try {
      s3.putBucketVersioning(
          r ->
              r.bucket(bucket)
                  .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    } catch (S3Exception e) {
      Assumptions.abort(
          "this S3 server cannot version buckets (S3Proxy answers " + e.statusCode() + ")");
    }
    String first = put("posts/v.md", "# One");
    String second = put("posts/v.md", "# Two");
    Assumptions.assumeTrue(
        first != null && second != null && !first.equals(second),
        "this S3 server does not version objects (S3Proxy's transient store); LocalStack does");
    assertThat(
            new String(
                store.read("posts/v.md", first).orElseThrow().bytes(), StandardCharsets.UTF_8))
        .isEqualTo("# One");
  }

  @Test
  void aFailureReportIsAJsonFileOutsideThePostsPrefixAndClearRemovesIt() {
    store.reportFailure(
        "posts/x.md",
        Sequencer.of("00AB"),
        "v1",
        PostError.at(PostError.Kind.INVALID_FIELD, 3, 7, "date: cannot read \"x\""),
        Instant.parse("2026-11-27T08:00:00Z"));
    String json =
        s3.getObjectAsBytes(r -> r.bucket(bucket).key("_status/posts/x.md.json")).asUtf8String();
    assertThat(json)
        .contains("\"source\":\"posts/x.md\"")
        .contains("\"summary\":\"posts/x.md:3:7: date: cannot read \\\"x\\\"\"")
        .contains("\"line\":3")
        .contains("\"column\":7")
        .contains("\"at\":\"2026-11-27T08:00:00Z\"");
    store.clear("posts/x.md");
    assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("_status/")).contents()).isEmpty();
  }

  @Test
  void aWarningReportListsEveryWarningWithItsPositionAndClearRemovesIt() {
    store.reportWarnings(
        "posts/w.md",
        Sequencer.of("00AC"),
        "v2",
        java.util.List.of(
            PostError.at(PostError.Kind.IMAGE_WITHOUT_ALT, 4, 9, "<img src=\"a.png\"> has no alt"),
            PostError.at(PostError.Kind.IMAGE_WITHOUT_ALT, 8, 1, "<img> has neither src nor alt")),
        Instant.parse("2026-11-27T08:00:00Z"));
    String json =
        s3.getObjectAsBytes(r -> r.bucket(bucket).key("_status/posts/w.md.json")).asUtf8String();
    assertThat(json)
        .contains("\"status\":\"published-with-warnings\"")
        .contains("\"summary\":[\"posts/w.md:4:9: <img src=\\\"a.png\\\"> has no alt\",")
        .contains(
            "{\"kind\":\"IMAGE_WITHOUT_ALT\",\"message\":\"<img> has neither src nor alt\","
                + "\"line\":8,\"column\":1}");
    store.clear("posts/w.md");
    assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("_status/")).contents()).isEmpty();
  }

  @Test
  void clearingAStatusFileThatDoesNotExistSendsNoDelete(Emulators emulators) {
    // On a versioned bucket every DELETE creates a delete marker, even for a missing key.
    RequestCounter requests = new RequestCounter();
    S3Client counted = inkwell.testenv.AwsClients.s3(emulators.s3Endpoint(), requests);
    S3ContentStore counting = new S3ContentStore(counted, bucket, "posts/", "_status/", "_bodies/");
    counting.clear("posts/never-rejected.md");
    counting.delete("_bodies/none/0123456789abcdef.html.gz");
    assertThat(requests.operations()).containsExactly("HeadObject", "HeadObject");

    counting.reportFailure(
        "posts/x.md",
        Sequencer.of("01"),
        null,
        PostError.of(PostError.Kind.EMPTY, "empty"),
        Instant.EPOCH);
    requests.reset();
    counting.clear("posts/x.md");
    assertThat(requests.operations()).containsExactly("HeadObject", "DeleteObject");
    counted.close();
  }

  @Test
  void statusAndBodyPrefixesInsideThePostsPrefixAreRefused() {
    assertThatThrownBy(() -> new S3ContentStore(s3, bucket, "posts/", "posts/_status/", "_bodies/"))
        .hasMessageContaining("outside the posts prefix");
    assertThatThrownBy(() -> new S3ContentStore(s3, bucket, "", "_status/", "_bodies/"))
        .hasMessageContaining("outside the posts prefix");
  }
}
