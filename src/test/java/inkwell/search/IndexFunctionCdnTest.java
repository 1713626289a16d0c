package inkwell.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import inkwell.aws.S3SnapshotStore;
import inkwell.aws.SqsSearchChanges;
import inkwell.publish.PublishHandler;
import inkwell.search.RecordingEdgeCaches.Invalidation;
import inkwell.storage.EdgeCache;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.BucketEventJson;
import inkwell.testenv.Buckets;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.LambdaInvoker;
import inkwell.testenv.NotificationPlayer;
import inkwell.testenv.SqsDelivery;
import inkwell.testenv.SqsEmulator;
import inkwell.testenv.Tables;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The index function invalidates the CDN once per batch of published changes: uploads go through
 * the publish function (S3 event JSON) into the search queue (ElasticMQ), and the index function
 * gets the batches as Lambda's SQS event JSON, against S3 and DynamoDB emulators. Its edge cache
 * port is recorded ({@link RecordingEdgeCaches}); the CloudFront adapter behind it is tested
 * against moto ({@code CloudFrontEdgeCacheTest}).
 */
@ExtendWith({AwsEmulators.class, SqsEmulator.class})
class IndexFunctionCdnTest {

  private static final AtomicLong SEQUENCE = new AtomicLong(0x9000);
  private static final String DISTRIBUTION = "E2INKWELLTEST1";

  private final Emulators emulators;
  private final SqsEmulator.Sqs sqs;
  private final S3Client s3;
  private final List<AutoCloseable> handlers = new ArrayList<>();
  private String bucket;
  private String queue;
  private Map<String, Object> properties;
  private PublishHandler publish;

  IndexFunctionCdnTest(Emulators emulators, SqsEmulator.Sqs sqs) {
    this.emulators = emulators;
    this.sqs = sqs;
    this.s3 = emulators.s3();
  }

  @BeforeEach
  void newStack() {
    bucket = Emulators.uniqueName("cdn");
    String table = Emulators.uniqueName("posts");
    Buckets.createContentBucket(s3, bucket);
    Tables.createPostsTable(emulators.dynamoDb(), table);
    // Like the template's queue (FIFO), but a message a failed batch held is visible again after a
    // second, not half an hour.
    queue =
        sqs.client()
            .createQueue(
                r ->
                    r.queueName(Emulators.uniqueName("cdn") + ".fifo")
                        .attributes(
                            Map.of(
                                QueueAttributeName.FIFO_QUEUE, "true",
                                QueueAttributeName.VISIBILITY_TIMEOUT, "1")))
            .queueUrl();
    properties = EmulatorAwsSettings.onEmulators(emulators, bucket, table);
    properties.put("inkwell.search-queue-url", queue);
    properties.put(EmulatorAwsSettings.SQS_ENDPOINT, sqs.endpoint().toString());
    publish = new PublishHandler(ApplicationContext.builder().properties(properties));
    handlers.add(publish);
  }

  @AfterEach
  void stopHandlers() throws Exception {
    for (AutoCloseable handler : handlers) {
      handler.close();
    }
    handlers.clear();
  }

  /** An index function told {@code distributionId} ("" as the template gives without the CDN). */
  private IndexHandler indexFunction(String distributionId) {
    Map<String, Object> own = new HashMap<>(properties);
    own.put("inkwell.cdn.distribution-id", distributionId);
    own.put(RecordingEdgeCaches.PROPERTY, "true");
    IndexHandler handler = new IndexHandler(ApplicationContext.builder().properties(own));
    handlers.add(handler);
    return handler;
  }

  private static RecordingEdgeCaches recorder(IndexHandler handler) {
    return handler.getApplicationContext().getBean(RecordingEdgeCaches.class);
  }

  private void upload(String key, String markdown) {
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(markdown));
    String sequencer = String.format("00%016X", SEQUENCE.addAndGet(0x10));
    NotificationPlayer.deliverTo(publish, BucketEventJson.put(bucket, key, sequencer, null));
  }

  private void uploadPosts(String prefix, int count) {
    for (int i = 0; i < count; i++) {
      upload(
          "posts/" + prefix + "-" + i + ".md",
          "---\ntitle: " + prefix + " " + i + "\n---\nText " + i + ".\n");
    }
  }

  private int drain(IndexHandler index) {
    return SqsDelivery.drain(sqs.client(), queue, index, 10);
  }

  private int messagesWaiting() {
    Map<QueueAttributeName, String> attributes =
        sqs.client()
            .getQueueAttributes(
                r ->
                    r.queueUrl(queue)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return attributes.values().stream().mapToInt(Integer::parseInt).sum();
  }

  @Nested
  class WithADistribution {

    @Test
    void aBulkUploadIsOneInvalidationOfTheDistributionPerBatch() {
      IndexHandler index = indexFunction(DISTRIBUTION);
      uploadPosts("bulk", 25);
      assertThat(drain(index)).isEqualTo(3);

      RecordingEdgeCaches recorder = recorder(index);
      assertThat(recorder.opened()).containsExactly(DISTRIBUTION);
      List<Invalidation> invalidations = recorder.invalidations();
      assertThat(invalidations).hasSize(3);
      assertThat(invalidations).extracting(Invalidation::distributionId).containsOnly(DISTRIBUTION);
      assertThat(invalidations).extracting(Invalidation::failed).containsOnly(false);
      assertThat(invalidations)
          .extracting(Invalidation::reference)
          .doesNotHaveDuplicates()
          .allMatch(reference -> reference.matches("inkwell-batch-[0-9a-f]{32}"));
      // After the snapshot: the invalidated pages are refetched from an index that has the batch.
      assertThat(new S3SnapshotStore(s3, bucket, "_search/").current().orElseThrow().posts())
          .isEqualTo(25);
    }

    @Test
    void theReferenceIsTheBatchsMessageIdsSoARedeliveryAsksForTheSameInvalidation()
        throws Exception {
      IndexHandler index = indexFunction(DISTRIBUTION);
      String event =
          Files.readString(Path.of("events/sqs-search-changes.json"), StandardCharsets.UTF_8);
      LambdaInvoker.invoke(index, SQSEvent.class, event);
      // SQS delivers the same messages again: new receipt handles, a higher receive count.
      String again =
          event
              .replace("\"ApproximateReceiveCount\": \"1\"", "\"ApproximateReceiveCount\": \"2\"")
              .replace("\"ApproximateReceiveCount\": \"2\"", "\"ApproximateReceiveCount\": \"3\"")
              .replace("EXAMPLE\"", "AGAIN\"");
      assertThat(again).isNotEqualTo(event);
      LambdaInvoker.invoke(index, SQSEvent.class, again);

      assertThat(recorder(index).invalidations())
          .extracting(Invalidation::reference)
          .containsExactly(
              IndexHandler.batchReference(
                  List.of(
                      "2e1424d4-f796-459a-8184-9c92662be6da",
                      "7f3c1a2b-0d4e-4f5a-9b6c-8d7e6f5a4b3c")),
              IndexHandler.batchReference(
                  List.of(
                      "7f3c1a2b-0d4e-4f5a-9b6c-8d7e6f5a4b3c",
                      "2e1424d4-f796-459a-8184-9c92662be6da")));
      assertThat(recorder(index).invalidations().get(0).reference())
          .isEqualTo(recorder(index).invalidations().get(1).reference());
    }

    @Test
    void aFailedInvalidationNeitherFailsNorHoldsTheBatchAndIsAskedForAgainThroughTheQueue() {
      IndexHandler index = indexFunction(DISTRIBUTION);
      uploadPosts("retry", 3);
      recorder(index)
          .failNext(
              1,
              new IllegalStateException(
                  "cannot invalidate CloudFront distribution " + DISTRIBUTION));

      // The changes' batch, then the retry the function queued behind them.
      assertThat(drain(index)).isEqualTo(2);
      assertThat(messagesWaiting()).isZero();
      assertThat(new S3SnapshotStore(s3, bucket, "_search/").current().orElseThrow().posts())
          .isEqualTo(3);
      List<Invalidation> invalidations = recorder(index).invalidations();
      assertThat(invalidations).extracting(Invalidation::failed).containsExactly(true, false);
      assertThat(invalidations.get(1).reference()).isEqualTo(invalidations.get(0).reference());
    }

    @Test
    void anInvalidationIsAskedForThreeTimesAtMostThenGivenUpWithoutFailingAnything() {
      IndexHandler index = indexFunction(DISTRIBUTION);
      uploadPosts("refused", 2);
      recorder(index).failNext(10, new IllegalStateException("CloudFront refuses"));

      assertThat(drain(index)).isEqualTo(CdnInvalidations.MAX_ATTEMPTS);
      assertThat(messagesWaiting()).isZero();
      List<Invalidation> invalidations = recorder(index).invalidations();
      assertThat(invalidations).hasSize(3).extracting(Invalidation::failed).containsOnly(true);
      assertThat(invalidations)
          .extracting(Invalidation::reference)
          .containsOnly(invalidations.get(0).reference());
      // The next batch's invalidation is its own, and is not held back by the one given up.
      recorder(index).failNext(0, null);
      uploadPosts("later", 1);
      assertThat(drain(index)).isEqualTo(1);
      assertThat(recorder(index).invalidations()).hasSize(4);
      assertThat(recorder(index).invalidations().get(3).failed()).isFalse();
    }

    @Test
    void aRebuildAsInkwellReindexRequestsItInvalidatesToo() {
      IndexHandler index = indexFunction(DISTRIBUTION);
      uploadPosts("before", 2);
      drain(index);
      // What ./inkwell reindex sends when it has re-rendered posts (ReindexCommandTest).
      new SqsSearchChanges(sqs.client(), queue).requestRebuild();
      assertThat(drain(index)).isEqualTo(1);
      assertThat(recorder(index).invalidations()).hasSize(2);
    }

    @Test
    void aBatchWithNothingToIndexInvalidatesNothing() {
      IndexHandler index = indexFunction(DISTRIBUTION);
      sqs.client()
          .sendMessage(
              r ->
                  r.queueUrl(queue)
                      .messageBody("not a search change")
                      .messageGroupId(SqsSearchChanges.MESSAGE_GROUP)
                      .messageDeduplicationId("junk"));
      assertThat(drain(index)).isEqualTo(1);
      assertThat(recorder(index).invalidations()).isEmpty();
    }
  }

  @Nested
  class APoisonedChange {

    /** A body of random words too large for a DynamoDB item even gzipped: it is spilled to S3. */
    private String hugeBody() {
      java.util.Random random = new java.util.Random(23);
      StringBuilder text = new StringBuilder();
      while (text.length() < 900_000) {
        for (int i = 0; i < 7; i++) {
          text.append((char) ('a' + random.nextInt(26)));
        }
        text.append(random.nextInt(12) == 0 ? ".\n\n" : " ");
      }
      return text.toString();
    }

    @Test
    void isMovedAsideOnItsThirdReceiveAndTheChangesAroundItAreIndexed() throws Exception {
      String deadLetters =
          sqs.client()
              .createQueue(
                  r ->
                      r.queueName(Emulators.uniqueName("failed") + ".fifo")
                          .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
              .queueUrl();
      properties.put("inkwell.search-dead-letter-queue-url", deadLetters);
      IndexHandler index = indexFunction(DISTRIBUTION);
      upload("posts/before.md", "---\ntitle: Before\n---\nFirst.\n");
      upload("posts/huge.md", "---\ntitle: Huge\n---\n" + hugeBody() + "\n");
      upload("posts/after.md", "---\ntitle: After\n---\nLast.\n");
      // The huge post's spilled body goes missing: indexing it fails, every time.
      var spilled = s3.listObjectsV2(r -> r.bucket(bucket).prefix("_bodies/")).contents();
      assertThat(spilled).hasSize(1);
      s3.deleteObject(r -> r.bucket(bucket).key(spilled.get(0).key()));

      int receives = 0;
      while (messagesWaiting() > 0 && receives < 10) {
        try {
          drain(index);
        } catch (RuntimeException firstChangeFailed) {
          // the function threw: SQS delivers the whole batch again
        }
        receives++;
        if (messagesWaiting() > 0) {
          Thread.sleep(1_100); // the test queue's visibility timeout
        }
      }

      assertThat(receives).isEqualTo(IndexHandler.GIVE_UP_RECEIVES);
      assertThat(messagesWaiting()).isZero();
      assertThat(new S3SnapshotStore(s3, bucket, "_search/").current().orElseThrow().posts())
          .as("before and after are indexed, huge is not")
          .isEqualTo(2);
      var moved =
          sqs.client()
              .receiveMessage(r -> r.queueUrl(deadLetters).maxNumberOfMessages(10))
              .messages();
      assertThat(moved)
          .singleElement()
          .satisfies(
              m ->
                  assertThat(inkwell.storage.SearchChange.fromJson(m.body()).sourceKey())
                      .isEqualTo("posts/huge.md"));
    }
  }

  @Nested
  class WithoutADistribution {

    @Test
    void anEmptyIdInvalidatesNothingAndOpensNoDistribution() {
      IndexHandler index = indexFunction("");
      uploadPosts("quiet", 12);
      assertThat(drain(index)).isEqualTo(2);
      assertThat(recorder(index).opened()).isEmpty();
      assertThat(recorder(index).invalidations()).isEmpty();
      assertThat(new S3SnapshotStore(s3, bucket, "_search/").current().orElseThrow().posts())
          .isEqualTo(12);
    }

    @Test
    void anUnsetIdIsTheSame() {
      Map<String, Object> own = new HashMap<>(properties);
      own.put(RecordingEdgeCaches.PROPERTY, "true");
      IndexHandler index = new IndexHandler(ApplicationContext.builder().properties(own));
      handlers.add(index);
      uploadPosts("unset", 1);
      assertThat(drain(index)).isEqualTo(1);
      assertThat(recorder(index).opened()).isEmpty();
      assertThat(recorder(index).invalidations()).isEmpty();
    }

    @Test
    void theProductionOpenerIsTheCloudFrontOneAndIsNeverCalled() {
      Map<String, Object> own = new HashMap<>(properties);
      own.put("inkwell.cdn.distribution-id", "");
      IndexHandler index = new IndexHandler(ApplicationContext.builder().properties(own));
      handlers.add(index);
      uploadPosts("production", 1);
      assertThat(drain(index)).isEqualTo(1);
      EdgeCache.Opener opener = index.getApplicationContext().getBean(EdgeCache.Opener.class);
      assertThat(opener).isNotInstanceOf(RecordingEdgeCaches.class);
    }
  }
}
