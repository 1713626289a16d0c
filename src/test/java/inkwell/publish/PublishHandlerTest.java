package inkwell.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import inkwell.aws.DynamoPostRepository;
import inkwell.aws.S3ContentStore;
import inkwell.storage.Listing;
import inkwell.storage.PostSummary;
import inkwell.storage.SourceRecord;
import inkwell.storage.StoredPost;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.BucketEventJson;
import inkwell.testenv.Buckets;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.LambdaInvoker;
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
    Map<String, Object> properties = EmulatorAwsSettings.onEmulators(emulators, bucket, table);
    properties.put(EmulatorAwsSettings.DYNAMODB_ENDPOINT, dynamoDbEndpoint);
    return new PublishHandler(ApplicationContext.builder().properties(properties));
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
    deliver(BucketEventJson.put(bucket, key, sequencer, null));
    return sequencer;
  }

  /** Delivers {@code json} as Lambda would and checks that no message was reported as failed. */
  private void deliver(String json) {
    SQSBatchResponse response = LambdaInvoker.invoke(handler, SQSEvent.class, json);
    assertThat(response.getBatchItemFailures()).isEmpty();
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
  void keysWithSpacesPlusUnicodeAndDeepPathsArriveAsTheyAreAndPublish() {
    String key = "posts/2024/08/Caf\u00e9 + cr\u00e8me/Hello World \u2014 \u00fcber+plus.md";
    assertThat(BucketEventJson.put(bucket, key, "01", null))
        .as("EventBridge carries the key without form encoding")
        .contains("Hello World \u2014 \u00fcber+plus.md");
    publish(key, "# Encoded\n\nBody.");
    assertThat(live("2024/08/cafe-creme/hello-world-uber-plus").orElseThrow().post().sourceKey())
        .isEqualTo(key);
  }

  @Test
  void aDuplicateEventIsANoOp() {
    String key = "posts/dup.md";
    upload(key, "# Dup\n\nOnce.");
    String sequencer = nextSequencer();
    String event = BucketEventJson.put(bucket, key, sequencer, null);
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
    deliver(BucketEventJson.put(bucket, key, newer, null));
    deliver(BucketEventJson.put(bucket, key, older, null));
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
    deliver(BucketEventJson.delete(bucket, key, deleteSequencer));
    upload(key, "# Zombie\n"); // the object even exists again, but its event is older
    deliver(BucketEventJson.put(bucket, key, putSequencer, null));
    assertThat(live("bye")).isEmpty();
    assertThat(posts.findSource(key).orElseThrow().state()).isEqualTo(SourceRecord.State.DELETED);
  }

  @Test
  void deletingAnOldVersionOfAnObjectThatStillExistsKeepsThePost() {
    String key = "posts/versions.md";
    publish(key, "# Still here\n");
    // In a versioned bucket, permanently deleting a non-current version sends Object Deleted
    // with that version's id; the object itself is still there.
    deliver(
        BucketEventJson.sqsEvent(
            BucketEventJson.event(
                "Object Deleted",
                bucket,
                Map.of("key", key, "version-id", "an-old-version-id", "sequencer", nextSequencer()),
                Map.of("reason", "DeleteObject", "deletion-type", "Permanently Deleted"))));
    assertThat(live("versions").orElseThrow().post().title()).isEqualTo("Still here");
  }

  @Test
  void deletingAPublishedPostLeavesATombstone() {
    String key = "posts/gone.md";
    publish(key, "---\ntitle: Gone\ntags: [temp]\n---\nSoon gone.");
    s3.deleteObject(r -> r.bucket(bucket).key(key));
    deliver(BucketEventJson.delete(bucket, key, nextSequencer()));
    assertThat(posts.findPost("gone").orElseThrow().state()).isEqualTo(StoredPost.State.GONE);
    assertThat(posts.list(new Listing.Tagged("temp"), Instant.now(), 10, null).items()).isEmpty();
  }

  @Test
  void anEventWhoseObjectIsAlreadyGoneChangesNothing() {
    String key = "posts/vanished.md";
    deliver(BucketEventJson.put(bucket, key, nextSequencer(), null));
    assertThat(posts.findSource(key)).isEmpty();
    assertThat(posts.findPost("vanished")).isEmpty();
  }

  private int itemCount() {
    return emulators.dynamoDb().scan(r -> r.tableName(table).select("COUNT")).count();
  }

  @Test
  void messagesThatAreNotObjectCreationsOrDeletionsAreSkippedWithoutFailingTheBatch() {
    upload("posts/other.md", "# Other\n");
    int before = itemCount();
    Map<String, Object> object = Map.of("key", "posts/other.md", "sequencer", nextSequencer());
    deliver(
        BucketEventJson.sqsEvent(
            "not json",
            "[]",
            "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}",
            BucketEventJson.event("Object Restore Completed", bucket, object, Map.of()),
            BucketEventJson.event("Object Tags Added", bucket, object, Map.of()),
            BucketEventJson.event(
                "Object Created", bucket, Map.of("key", "posts/other.md"), Map.of()),
            BucketEventJson.event(
                "Object Created",
                bucket,
                Map.of("key", "posts/other.md", "sequencer", "not hex"),
                Map.of())));
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
    deliver(BucketEventJson.put(bucket, "drafts/x.md", nextSequencer(), null));
    deliver(BucketEventJson.put(bucket, "posts/image.png", nextSequencer(), null));
    deliver(BucketEventJson.put("some-other-bucket", "posts/x.md", nextSequencer(), null));
    deliver(
        BucketEventJson.sqsEvent(
            BucketEventJson.event(
                "Object Restore Completed",
                bucket,
                Map.of("key", "posts/x.md", "sequencer", nextSequencer()),
                Map.of())));
    assertThat(posts.findSource("drafts/x.md")).isEmpty();
    assertThat(posts.findSource("posts/image.png")).isEmpty();
    assertThat(posts.findSource("posts/x.md")).isEmpty();
  }

  @Test
  void aDanglingRefAndAMissingImageAreWarningsInTheStatusWithTheirPlaces() {
    String key = "posts/refs.md";
    String text =
        "---\ntitle: Refs\n---\nSee [later]({{< ref \"later.md\" >}}).\n\n"
            + "![shown](/img/shown.png) ![lost](/img/lost.png)\n";
    upload("media/img/shown.png", new byte[] {1});
    publish(key, text);
    assertThat(live("refs").orElseThrow().post().bodyHtml()).contains("href=\"/later/\"");
    assertThat(status(key).orElseThrow())
        .contains("\"status\":\"published-with-warnings\"")
        .contains(
            "posts/refs.md:4:13: {{< ref \\\"later.md\\\" >}} names no file of the site (looked"
                + " for posts/later.md, pages/later.md)")
        .contains(
            "posts/refs.md:6:26: image /img/lost.png is not among the site's files (looked for"
                + " img/lost.png)")
        .doesNotContain("shown.png");

    // The target arrives later in the same upload, the image too: publishing the post again clears
    // its status.
    upload("posts/later.md", "# Later\n\nText.\n");
    upload("media/img/lost.png", new byte[] {1});
    publish(key, text);
    assertThat(status(key)).isEmpty();
  }

  @Test
  void aPostWithAnImageWithoutAltTextGoesLiveAndItsStatusSaysWhereToAddIt() {
    String key = "posts/no-alt.md";
    upload("media/a.png", new byte[] {1});
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
      deliver(BucketEventJson.put(bucket, key, nextSequencer(), null));

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
      deliver(BucketEventJson.put(bucket, key, nextSequencer(), null));
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
      deliver(BucketEventJson.put(bucket, key, nextSequencer(), null));
      assertThat(status(key).orElseThrow())
          .contains("posts/bad-style-where.md:6:1: <style> at 6:1 is never closed");
    }

    @Test
    void aSlugOwnedByAFileWhoseKeySortsFirstIsRejected() {
      publish("posts/a-owner.md", "---\ntitle: Owner\nslug: taken\n---\n");
      String key = "posts/bad-conflict.md";
      publish(key, "---\ntitle: Good conflict\n---\nGood.");
      upload(key, "---\ntitle: Thief\nslug: taken\n---\n");
      deliver(BucketEventJson.put(bucket, key, nextSequencer(), null));
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
      String event = BucketEventJson.put(bucket, key, nextSequencer(), null);
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
      deliver(BucketEventJson.delete(bucket, key, nextSequencer()));
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
    void anUnreachableTableFailsEachMessageThatNeedsItAndChangesNothingVisible() {
      String key = "posts/outage.md";
      publish(key, "# Before the outage\n");
      upload(key, "# During the outage\n");
      upload("posts/outage-2.md", "# Second\n");
      String ignored = BucketEventJson.created("another-bucket", key, nextSequencer(), null);
      String first = BucketEventJson.created(bucket, key, nextSequencer(), null);
      String second = BucketEventJson.created(bucket, "posts/outage-2.md", nextSequencer(), null);
      String batch = BucketEventJson.sqsEvent(first, ignored, second);
      SQSEvent event =
          com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers
              .serializerFor(SQSEvent.class, getClass().getClassLoader())
              .fromJson(new java.io.ByteArrayInputStream(batch.getBytes(StandardCharsets.UTF_8)));
      SQSBatchResponse response;
      try (PublishHandler broken = handler(deadEndpoint())) {
        response = LambdaInvoker.invoke(broken, SQSEvent.class, batch);
      }
      // The message for another bucket needed no storage and is done, though it came after a
      // failure: the two that failed are reported, and only they are delivered again.
      assertThat(response.getBatchItemFailures())
          .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
          .containsExactly(
              event.getRecords().get(0).getMessageId(), event.getRecords().get(2).getMessageId());
      assertThat(live("outage").orElseThrow().post().title()).isEqualTo("Before the outage");
      assertThat(posts.findSource("posts/outage-2.md")).isEmpty();

      deliver(BucketEventJson.sqsEvent(first, second)); // SQS's redelivery, once the table is back
      assertThat(live("outage").orElseThrow().post().title()).isEqualTo("During the outage");
      assertThat(live("outage-2").orElseThrow().post().title()).isEqualTo("Second");
    }

    private String deadEndpoint() {
      return inkwell.testenv.AwsClients.closedPortEndpoint().toString();
    }
  }
}
