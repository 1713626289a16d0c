package inkwell.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import inkwell.aws.DynamoPostRepository;
import inkwell.aws.S3ContentStore;
import inkwell.storage.Listing;
import inkwell.storage.PostSummary;
import inkwell.storage.SourceRecord;
import inkwell.storage.StoredPost;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Buckets;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.LambdaInvoker;
import inkwell.testenv.S3EventJson;
import inkwell.testenv.Tables;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The publish function end to end: objects put into a real S3-protocol bucket, the S3 event JSON S3
 * would send, deserialized as the Lambda runtime does, handled by {@link PublishHandler}, and the
 * result read back from the real DynamoDB-protocol table and bucket.
 */
@ExtendWith(AwsEmulators.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishHandlerTest {

  private static final AtomicLong SEQUENCE = new AtomicLong(0x100);

  private final Emulators emulators;
  private final S3Client s3;
  private String bucket;
  private String table;
  private PublishHandler handler;
  private DynamoPostRepository posts;

  PublishHandlerTest(Emulators emulators) {
    this.emulators = emulators;
    this.s3 = emulators.s3();
  }

  @BeforeAll
  void startFunction() {
    bucket = Emulators.uniqueName("content");
    table = Emulators.uniqueName("posts");
    Buckets.createContentBucket(s3, bucket);
    Tables.createPostsTable(emulators.dynamoDb(), table);
    handler = handler(emulators.dynamoDbEndpoint().toString());
    posts =
        new DynamoPostRepository(emulators.dynamoDb(), table, contentStore(), Clock.systemUTC());
  }

  private PublishHandler handler(String dynamoDbEndpoint) {
    return new PublishHandler(
        ApplicationContext.builder()
            .properties(
                Map.of(
                    "inkwell.bucket",
                    bucket,
                    "inkwell.table",
                    table,
                    EmulatorAwsSettings.S3_ENDPOINT,
                    emulators.s3Endpoint().toString(),
                    EmulatorAwsSettings.DYNAMODB_ENDPOINT,
                    dynamoDbEndpoint)));
  }

  private S3ContentStore contentStore() {
    return new S3ContentStore(s3, bucket, "posts/", "_status/", "_bodies/");
  }

  @AfterAll
  void stopFunction() {
    handler.close();
  }

  // ------------------------------------------------------------------ helpers

  static String nextSequencer() {
    return String.format("00%016X", SEQUENCE.addAndGet(0x10));
  }

  private void upload(String key, String markdown) {
    s3.putObject(
        r -> r.bucket(bucket).key(key), RequestBody.fromString(markdown, StandardCharsets.UTF_8));
  }

  private void upload(String key, byte[] bytes) {
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
  }

  /** Uploads {@code markdown} and delivers its event; returns the event's sequencer. */
  private String publish(String key, String markdown) {
    upload(key, markdown);
    String sequencer = nextSequencer();
    deliver(S3EventJson.put(bucket, key, sequencer, null));
    return sequencer;
  }

  private void deliver(String json) {
    LambdaInvoker.invoke(handler, S3Event.class, json);
  }

  private Optional<StoredPost> live(String slug) {
    return posts.findPost(slug).filter(p -> p.state() == StoredPost.State.LIVE);
  }

  private Optional<String> status(String key) {
    try {
      return Optional.of(
          s3.getObjectAsBytes(r -> r.bucket(bucket).key("_status/" + key + ".json"))
              .asUtf8String());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  // ------------------------------------------------------------------ tests

  @Test
  void anUploadedPostGoesLiveAndIsListed() {
    publish("posts/hello-world.md", "# Hello, world\n\nAugust 5, 2024\n\nFirst post.");
    StoredPost post = live("hello-world").orElseThrow();
    assertThat(post.post().title()).isEqualTo("Hello, world");
    assertThat(post.post().date()).isEqualTo(Instant.parse("2024-08-05T00:00:00Z"));
    assertThat(posts.list(new Listing.All(), Instant.now(), 100, null).items())
        .extracting(PostSummary::slug)
        .contains("hello-world");
    assertThat(status("posts/hello-world.md")).isEmpty();
  }

  @Test
  void urlEncodedKeysWithSpacesPlusUnicodeAndDeepPathsAreDecoded() {
    String key = "posts/2024/08/Caf\u00e9 + cr\u00e8me/Hello World \u2014 \u00fcber+plus.md";
    String encoded = S3EventJson.encodeKey(key);
    assertThat(encoded).contains("+%2B+").contains("Hello+World").doesNotContain(" ");
    publish(key, "# Encoded\n\nBody.");
    assertThat(live("2024/08/cafe-creme/hello-world-uber-plus").orElseThrow().post().sourceKey())
        .isEqualTo(key);
  }

  @Test
  void aDuplicateEventIsANoOp() {
    String key = "posts/dup.md";
    upload(key, "# Dup\n\nOnce.");
    String sequencer = nextSequencer();
    String event = S3EventJson.put(bucket, key, sequencer, null);
    deliver(event);
    SourceRecord first = posts.findSource(key).orElseThrow();
    deliver(event);
    assertThat(posts.findSource(key)).contains(first);
  }

  @Test
  void aNewerVersionDeliveredBeforeAnOlderOneWins() {
    String key = "posts/order.md";
    String older = nextSequencer();
    String newer = nextSequencer();
    upload(key, "# Version two\n");
    deliver(S3EventJson.put(bucket, key, newer, null));
    deliver(S3EventJson.put(bucket, key, older, null));
    assertThat(live("order").orElseThrow().post().title()).isEqualTo("Version two");
    assertThat(posts.findSource(key).orElseThrow().content().normalized()).startsWith(newer);
  }

  @Test
  void aDeleteTakesThePostDownAndALateOlderPutCannotResurrectIt() {
    String key = "posts/bye.md";
    String putSequencer = nextSequencer();
    upload(key, "# Bye\n");
    String deleteSequencer = nextSequencer();
    s3.deleteObject(r -> r.bucket(bucket).key(key));
    deliver(S3EventJson.delete(bucket, key, deleteSequencer));
    upload(key, "# Zombie\n"); // the object even exists again, but its event is older
    deliver(S3EventJson.put(bucket, key, putSequencer, null));
    assertThat(live("bye")).isEmpty();
    assertThat(posts.findSource(key).orElseThrow().state()).isEqualTo(SourceRecord.State.DELETED);
  }

  @Test
  void deletingAnOldVersionOfAnObjectThatStillExistsKeepsThePost() {
    String key = "posts/versions.md";
    publish(key, "# Still here\n");
    // In a versioned bucket, permanently deleting a non-current version sends ObjectRemoved:Delete
    // with that version's id; the object itself is still there.
    deliver(
        S3EventJson.record(
            "ObjectRemoved:Delete", bucket, key, nextSequencer(), "an-old-version-id", -1));
    assertThat(live("versions").orElseThrow().post().title()).isEqualTo("Still here");
  }

  @Test
  void deletingAPublishedPostLeavesATombstone() {
    String key = "posts/gone.md";
    publish(key, "---\ntitle: Gone\ntags: [temp]\n---\nSoon gone.");
    s3.deleteObject(r -> r.bucket(bucket).key(key));
    deliver(S3EventJson.delete(bucket, key, nextSequencer()));
    assertThat(posts.findPost("gone").orElseThrow().state()).isEqualTo(StoredPost.State.GONE);
    assertThat(posts.list(new Listing.Tagged("temp"), Instant.now(), 10, null).items()).isEmpty();
  }

  @Test
  void anEventWhoseObjectIsAlreadyGoneChangesNothing() {
    String key = "posts/vanished.md";
    deliver(S3EventJson.put(bucket, key, nextSequencer(), null));
    assertThat(posts.findSource(key)).isEmpty();
    assertThat(posts.findPost("vanished")).isEmpty();
  }

  private int itemCount() {
    return emulators.dynamoDb().scan(r -> r.tableName(table).select("COUNT")).count();
  }

  @Test
  void theS3TestEventIsIgnored() {
    int before = itemCount();
    deliver(S3EventJson.testEvent(bucket));
    assertThat(itemCount()).isEqualTo(before);
  }

  @Test
  void aPageUnderThePagesPrefixGoesLiveAtItsSlugAndIsNeverListed() {
    publish("pages/colophon.md", "# Colophon\n\nSet in system fonts.");
    StoredPost page = live("colophon").orElseThrow();
    assertThat(page.post().page()).isTrue();
    assertThat(posts.list(new Listing.All(), Instant.now(), 100, null).items())
        .extracting(PostSummary::slug)
        .doesNotContain("colophon");
  }

  @Test
  void pagesAndPostsShareOneSlugNamespace() {
    publish("posts/now.md", "# Now, the post\n");
    publish("pages/now.md", "# Now, the page\n");
    assertThat(live("now").orElseThrow().post().title())
        .as("pages/ sorts before posts/")
        .isEqualTo("Now, the page");
    assertThat(status("posts/now.md").orElseThrow())
        .contains("SLUG_CONFLICT")
        .contains("pages/now.md");
  }

  @Test
  void markdownFilesPublishWhateverTheCaseOfTheirExtension() {
    publish("posts/Upper.MD", "# Upper case\n");
    publish("posts/long-form.markdown", "# Long form\n");
    publish("posts/Mixed.Markdown", "# Mixed\n");
    assertThat(live("upper").orElseThrow().post().title()).isEqualTo("Upper case");
    assertThat(live("long-form").orElseThrow().post().title()).isEqualTo("Long form");
    assertThat(live("mixed").orElseThrow().post().title()).isEqualTo("Mixed");
  }

  @Test
  void eventsForOtherBucketsPrefixesAndFileTypesAreIgnored() {
    upload("drafts/x.md", "# X");
    upload("posts/image.png", "not markdown");
    deliver(S3EventJson.put(bucket, "drafts/x.md", nextSequencer(), null));
    deliver(S3EventJson.put(bucket, "posts/image.png", nextSequencer(), null));
    deliver(S3EventJson.put("some-other-bucket", "posts/x.md", nextSequencer(), null));
    deliver(
        S3EventJson.record(
            "ObjectRestore:Completed", bucket, "posts/x.md", nextSequencer(), null, 5));
    assertThat(posts.findSource("drafts/x.md")).isEmpty();
    assertThat(posts.findSource("posts/image.png")).isEmpty();
    assertThat(posts.findSource("posts/x.md")).isEmpty();
  }

  @Test
  void aPostWithAnImageWithoutAltTextGoesLiveAndItsStatusSaysWhereToAddIt() {
    String key = "posts/no-alt.md";
    publish(key, "---\ntitle: No alt\n---\nText.\n\nSee <img src=\"/media/a.png\"> here.\n");
    assertThat(live("no-alt").orElseThrow().post().bodyHtml())
        .contains("<img src=\"/media/a.png\" alt=\"\">");
    assertThat(status(key).orElseThrow())
        .contains("\"status\":\"published-with-warnings\"")
        .contains("\"kind\":\"IMAGE_WITHOUT_ALT\"")
        .contains("\"line\":6")
        .contains("\"column\":5")
        .contains("posts/no-alt.md:6:5: <img src=\\\"/media/a.png\\\"> has no alt text");

    publish(
        key, "---\ntitle: No alt\n---\nText.\n\nSee <img src=\"/media/a.png\" alt=\"A\"> here.\n");
    assertThat(status(key)).isEmpty();
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class BadInput {

    private void assertRejectedKeepingTheLiveVersion(String name, byte[] badBytes, String kind) {
      String key = "posts/bad-" + name + ".md";
      publish(key, "---\ntitle: Good " + name + "\n---\nThe good version.");
      upload(key, badBytes);
      deliver(S3EventJson.put(bucket, key, nextSequencer(), null));

      assertThat(live("bad-" + name).orElseThrow().post().title()).isEqualTo("Good " + name);
      SourceRecord record = posts.findSource(key).orElseThrow();
      assertThat(record.state()).isEqualTo(SourceRecord.State.REJECTED);
      assertThat(record.error().kind().name()).isEqualTo(kind);
      String status = status(key).orElseThrow();
      assertThat(status).contains("\"status\":\"rejected\"").contains("\"kind\":\"" + kind + "\"");

      publish(key, "---\ntitle: Fixed " + name + "\n---\nFixed.");
      assertThat(live("bad-" + name).orElseThrow().post().title()).isEqualTo("Fixed " + name);
      assertThat(status(key)).isEmpty();
    }

    @Test
    void badFrontMatterKeepsTheLastGoodVersionAndSaysWhere() {
      assertRejectedKeepingTheLiveVersion(
          "yaml",
          "---\ntitle: x\ndate: [unclosed\n---\n".getBytes(StandardCharsets.UTF_8),
          "YAML_SYNTAX");
      String key = "posts/bad-date.md";
      publish(key, "# ok\n");
      upload(key, "---\ntitle: T\ndate: Augst 5\n---\n");
      deliver(S3EventJson.put(bucket, key, nextSequencer(), null));
      assertThat(status(key).orElseThrow())
          .contains("\"line\":3")
          .contains("\"column\":7")
          .contains("posts/bad-date.md:3:7: date:");
    }

    @Test
    void invalidTomlFrontMatterIsRejected() {
      assertRejectedKeepingTheLiveVersion(
          "toml", "+++\ntitle = \n+++\n".getBytes(StandardCharsets.UTF_8), "TOML_SYNTAX");
    }

    @Test
    void invalidUtf8IsRejected() {
      assertRejectedKeepingTheLiveVersion(
          "latin1", new byte[] {'#', ' ', 'C', 'a', 'f', (byte) 0xE9}, "NOT_UTF8");
    }

    @Test
    void aNulByteIsRejected() {
      assertRejectedKeepingTheLiveVersion("nul", new byte[] {'#', ' ', 'a', 0, 'b'}, "NUL_BYTE");
    }

    @Test
    void anOversizedFileIsRejected() {
      assertRejectedKeepingTheLiveVersion(
          "huge", "a".repeat(1024 * 1024 + 1).getBytes(), "TOO_LARGE");
    }

    @Test
    void pathologicalNestingIsRejected() {
      assertRejectedKeepingTheLiveVersion(
          "deep", ("# T\n\n" + ">".repeat(10_000)).getBytes(), "NESTED_TOO_DEEPLY");
    }

    @Test
    void anEmptyUploadIsRejectedAndTheLastGoodVersionStaysLive() {
      assertRejectedKeepingTheLiveVersion("empty", new byte[0], "EMPTY");
    }

    @Test
    void anUnclosedStyleBlockIsRejectedAndTheStatusNamesItsOpeningTag() {
      assertRejectedKeepingTheLiveVersion(
          "style", "# T\n\nIntro.\n\n<style>\np {}\n\nThe rest.\n".getBytes(), "UNCLOSED_HTML");
      String key = "posts/bad-style-where.md";
      publish(key, "# ok\n");
      upload(key, "---\ntitle: T\n---\nIntro.\n\n<style>\np {}\n\nThe rest.\n");
      deliver(S3EventJson.put(bucket, key, nextSequencer(), null));
      assertThat(status(key).orElseThrow())
          .contains("posts/bad-style-where.md:6:1: <style> at 6:1 is never closed");
    }

    @Test
    void aSlugOwnedByAFileWhoseKeySortsFirstIsRejected() {
      publish("posts/a-owner.md", "---\ntitle: Owner\nslug: taken\n---\n");
      String key = "posts/bad-conflict.md";
      publish(key, "---\ntitle: Good conflict\n---\nGood.");
      upload(key, "---\ntitle: Thief\nslug: taken\n---\n");
      deliver(S3EventJson.put(bucket, key, nextSequencer(), null));
      assertThat(live("taken").orElseThrow().post().title()).isEqualTo("Owner");
      assertThat(live("bad-conflict").orElseThrow().post().title()).isEqualTo("Good conflict");
      assertThat(status(key).orElseThrow())
          .contains("SLUG_CONFLICT")
          .contains("posts/a-owner.md, whose key sorts first");
    }

    @Test
    void aReplayedRejectedEventRewritesItsStatusAndChangesNothingElse() {
      String key = "posts/bad-replay.md";
      upload(key, "+++\n");
      String event = S3EventJson.put(bucket, key, nextSequencer(), null);
      deliver(event);
      SourceRecord first = posts.findSource(key).orElseThrow();
      s3.deleteObject(r -> r.bucket(bucket).key("_status/" + key + ".json"));
      deliver(event);
      assertThat(posts.findSource(key)).contains(first);
      assertThat(status(key)).isPresent();
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class SlugCollisions {

    private void remove(String key) {
      s3.deleteObject(r -> r.bucket(bucket).key(key));
      deliver(S3EventJson.delete(bucket, key, nextSequencer()));
    }

    @Test
    void theKeyThatSortsFirstOwnsTheSlugWhicheverWasUploadedFirst() {
      publish("posts/one/hello-world.md", "# Small\n");
      publish("posts/one/Hello World.md", "# Capital\n");
      publish("posts/two/Hello World.md", "# Capital\n");
      publish("posts/two/hello-world.md", "# Small\n");
      assertThat(live("one/hello-world").orElseThrow().post().title()).isEqualTo("Capital");
      assertThat(live("two/hello-world").orElseThrow().post().title()).isEqualTo("Capital");
      for (String waiting : List.of("posts/one/hello-world.md", "posts/two/hello-world.md")) {
        assertThat(posts.findSource(waiting).orElseThrow().state())
            .isEqualTo(SourceRecord.State.REJECTED);
        assertThat(status(waiting).orElseThrow())
            .contains("SLUG_CONFLICT")
            .contains("Hello World.md")
            .contains("whose key sorts first");
      }
    }

    @Test
    void whenTheOwnerIsRemovedTheWaitingSourceTakesTheSlugWithoutANewUpload() {
      publish("posts/three/Hello World.md", "# Capital\n");
      publish("posts/three/hello-world.md", "# Small\n");
      remove("posts/three/Hello World.md");
      assertThat(live("three/hello-world").orElseThrow().post().title()).isEqualTo("Small");
      assertThat(status("posts/three/hello-world.md")).isEmpty();
      assertThat(posts.findSource("posts/three/hello-world.md").orElseThrow().state())
          .isEqualTo(SourceRecord.State.PUBLISHED);
    }

    @Test
    void whenTheOwnerMovesToAnotherSlugTheWaitingSourceTakesIt() {
      publish("posts/four/Hello World.md", "# Capital\n");
      publish("posts/four/hello-world.md", "# Small\n");
      publish("posts/four/Hello World.md", "---\ntitle: Capital\nslug: elsewhere\n---\n");
      assertThat(live("four/elsewhere").orElseThrow().post().title()).isEqualTo("Capital");
      assertThat(live("four/hello-world").orElseThrow().post().title()).isEqualTo("Small");
    }

    @Test
    void aWaitingSourceRemovedMeanwhileIsPassedOverForTheNextOne() {
      publish("posts/five/A.md", "---\ntitle: A\nslug: same\n---\n");
      publish("posts/five/B.md", "---\ntitle: B\nslug: same\n---\n");
      publish("posts/five/C.md", "---\ntitle: C\nslug: same\n---\n");
      remove("posts/five/B.md");
      remove("posts/five/A.md");
      assertThat(live("five/same").orElseThrow().post().title()).isEqualTo("C");
      assertThat(posts.claimants("five/same")).containsExactly("posts/five/C.md");
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class StorageFailures {

    @Test
    void anUnreachableTableFailsTheInvocationAndChangesNothingVisible() {
      String key = "posts/outage.md";
      publish(key, "# Before the outage\n");
      upload(key, "# During the outage\n");
      String event = S3EventJson.put(bucket, key, nextSequencer(), null);
      try (PublishHandler broken = handler(deadEndpoint())) {
        assertThatThrownBy(() -> LambdaInvoker.invoke(broken, S3Event.class, event))
            .isInstanceOf(SdkException.class);
      }
      assertThat(live("outage").orElseThrow().post().title()).isEqualTo("Before the outage");

      deliver(event); // Lambda's retry, once the table is back
      assertThat(live("outage").orElseThrow().post().title()).isEqualTo("During the outage");
    }

    private String deadEndpoint() {
      return inkwell.testenv.AwsClients.closedPortEndpoint().toString();
    }
  }
}
