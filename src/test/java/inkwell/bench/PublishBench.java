package inkwell.bench;

import inkwell.publish.PublishHandler;
import inkwell.storage.Listing;
import inkwell.storage.Page;
import inkwell.storage.PostSummary;
import inkwell.testenv.BucketEventJson;
import inkwell.testenv.NotificationPlayer;
import inkwell.testenv.QueueConsumers;
import inkwell.testenv.RequestCounter;
import inkwell.testenv.SqsEmulator;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Publishing: every corpus post uploaded to the bucket and its event sent to a FIFO queue in one
 * message group (ElasticMQ), as EventBridge sends it, and the queue drained in batches of ten by a
 * {@link PublishHandler} in this JVM, as Lambda's SQS event source does, until a listing shows them
 * all; then one more post's upload to listed. Requests are counted inside the handler's own
 * clients; the author's upload is one S3 PUT on top.
 */
final class PublishBench {

  /** What cost and the table need from this run. */
  record Figures(
      int posts,
      double totalSeconds,
      double handlerMedianMs,
      double dynamoRequestsPerPost,
      double s3RequestsPerPost,
      double s3GetsPerPost,
      double s3PutsPerPost,
      double writeUnitsPerPost,
      double readUnitsPerPost,
      Map<String, Integer> operations) {}

  private PublishBench() {}

  static Figures run(Blog blog, List<Corpus.Post> posts, Report report) {
    PublishHandler handler =
        new PublishHandler(ApplicationContext.builder().properties(blog.handlerProperties()));
    try (SqsEmulator.Running sqs = SqsEmulator.startServer()) {
      RequestCounter counter = handler.getApplicationContext().getBean(RequestCounter.class);
      CapacityMeter meter = handler.getApplicationContext().getBean(CapacityMeter.class);
      // A warm instance, as Lambda keeps one after the first batch of an import.
      NotificationPlayer.deliverTo(handler, BucketEventJson.sqsEvent("{}"));
      counter.reset();
      meter.reset();
      String queue = sqs.sqs().createFifoQueue("publish");
      long sequence = 0x1000;
      long started = System.nanoTime();
      for (Corpus.Post post : posts) {
        String key = "posts/" + post.fileName();
        blog.emulators()
            .s3()
            .putObject(
                r -> r.bucket(blog.bucket()).key(key).contentType("text/markdown"),
                RequestBody.fromString(post.markdown(), StandardCharsets.UTF_8));
        String event =
            BucketEventJson.created(blog.bucket(), key, String.format("%016X", ++sequence), null);
        sqs.sqs()
            .client()
            .sendMessage(
                r ->
                    r.queueUrl(queue)
                        .messageBody(event)
                        .messageGroupId("publish")
                        .messageDeduplicationId(key));
      }
      QueueConsumers.Result drained =
          QueueConsumers.drain(sqs.sqs().client(), queue, List.of(handler));
      List<Double> handlerMs = new ArrayList<>();
      drained.batchMillis().forEach(ms -> handlerMs.add(ms / 10));
      int visible = countListed(blog);
      double seconds = (System.nanoTime() - started) / 1e9;
      if (visible != posts.size()) {
        throw new IllegalStateException(
            "after publishing " + posts.size() + " posts the listing shows " + visible);
      }
      Map<String, Integer> operations = new TreeMap<>();
      for (String operation : counter.operations()) {
        operations.merge(operation, 1, Integer::sum);
      }
      int n = posts.size();
      int s3Gets = operations.getOrDefault("GetObject", 0);
      int s3Puts = operations.getOrDefault("PutObject", 0);
      int s3All =
          operations.entrySet().stream()
              .filter(e -> S3_OPERATIONS.contains(e.getKey()))
              .mapToInt(Map.Entry::getValue)
              .sum();
      int dynamoAll = counter.operations().size() - s3All;
      Figures figures =
          new Figures(
              n,
              seconds,
              Stats.median(handlerMs),
              dynamoAll / (double) n,
              s3All / (double) n,
              s3Gets / (double) n,
              s3Puts / (double) n,
              meter.writeUnits() / n,
              meter.readUnits() / n,
              operations);
      double floorSeconds = floor(blog, posts);
      report.add(
          "Publish",
          n + " uploads through the publish queue (one writer) until all listed",
          seconds,
          "s",
          "bare upload + 1 PutItem each",
          floorSeconds);
      double perMessageMs =
          drained.batchMillis().stream().mapToDouble(Double::doubleValue).sum()
              / drained.messages();
      report.add(
          "Publish", "handler time per event, mean (batches of 10)", perMessageMs, "ms", "-", 0);
      double latency = onePost(blog, sqs.sqs(), queue, handler, ++sequence);
      report.add("Publish", "one post: upload to listed, through the queue", latency, "ms", "-", 0);
      report.detail("publish.batches", drained.invocations());
      report.detail("publish.expectedAwsSeconds1000", perMessageMs);
      report.detail("publish.expectedAwsSeconds10000", perMessageMs * 10);
      report.add(
          "Publish",
          "DynamoDB requests per post",
          figures.dynamoRequestsPerPost(),
          "",
          "design figure (7 + 3 per tag, docs/BENCHMARKS.md)",
          7 + 3 * Corpus.TAGS_PER_POST);
      report.add(
          "Publish",
          "S3 requests per post (handler; + the author's PUT)",
          figures.s3RequestsPerPost(),
          "",
          "floor: 1 GET",
          1);
      report.detail("publish", figures);
      report.detail("publish.handlerMsSamplesP99", Stats.percentile(handlerMs, 99));
      return figures;
    } finally {
      handler.close();
    }
  }

  /**
   * One more post after the import: its upload, its event through the queue, the function's batch,
   * until the listing shows it; in milliseconds.
   */
  private static double onePost(
      Blog blog, SqsEmulator.Sqs sqs, String queue, PublishHandler handler, long sequence) {
    String key = "posts/one-more-post.md";
    int before = countListed(blog);
    long started = System.nanoTime();
    blog.emulators()
        .s3()
        .putObject(
            r -> r.bucket(blog.bucket()).key(key),
            RequestBody.fromString(
                "---\ntitle: One more\ndate: 2025-06-01\n---\nText.\n", StandardCharsets.UTF_8));
    String event =
        BucketEventJson.created(blog.bucket(), key, String.format("%016X", sequence), null);
    sqs.client()
        .sendMessage(
            r ->
                r.queueUrl(queue)
                    .messageBody(event)
                    .messageGroupId("publish")
                    .messageDeduplicationId(key));
    var consumer =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> QueueConsumers.drain(sqs.client(), queue, List.of(handler)));
    while (countListed(blog) != before + 1) {
      if (consumer.isDone() && countListed(blog) != before + 1) {
        throw new IllegalStateException("the one more post is not listed");
      }
      Thread.onSpinWait();
    }
    double millis = Stats.millis(System.nanoTime() - started);
    consumer.join();
    return millis;
  }

  /**
   * The floor for the same work: each source uploaded, then one unconditional PutItem of an item as
   * large as the source into a scratch table. No parsing, rendering or bookkeeping.
   */
  private static double floor(Blog blog, List<Corpus.Post> posts) {
    String table = inkwell.testenv.Emulators.uniqueName("floor");
    inkwell.testenv.Tables.createPostsTable(blog.emulators().dynamoDb(), table);
    var s3 = blog.emulators().s3();
    var dynamo = blog.emulators().dynamoDb();
    long started = System.nanoTime();
    for (Corpus.Post post : posts) {
      String key = "floor/" + post.fileName();
      s3.putObject(
          r -> r.bucket(blog.bucket()).key(key),
          RequestBody.fromString(post.markdown(), StandardCharsets.UTF_8));
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(
                      Map.of(
                          "pk", AttributeValue.fromS("POST#" + post.fileName()),
                          "sk", AttributeValue.fromS("POST"),
                          "body", AttributeValue.fromS(post.markdown()))));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    dynamo.deleteTable(r -> r.tableName(table));
    return seconds;
  }

  static final java.util.Set<String> S3_OPERATIONS =
      java.util.Set.of(
          "GetObject", "PutObject", "DeleteObject", "HeadObject", "ListObjectsV2", "CopyObject");

  static int countListed(Blog blog) {
    var repository = blog.repository();
    int count = 0;
    String cursor = null;
    Instant now = Instant.now();
    do {
      Page<PostSummary> page = repository.list(new Listing.All(), now, 100, cursor);
      count += page.items().size();
      cursor = page.next();
    } while (cursor != null);
    return count;
  }
}
