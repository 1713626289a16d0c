package inkwell.search;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import inkwell.aws.CdnConfig;
import inkwell.aws.DynamoPostReader;
import inkwell.aws.DynamoSourceCatalog;
import inkwell.aws.S3SnapshotStore;
import inkwell.aws.SqsSearchChanges;
import inkwell.config.BlogConfig;
import inkwell.post.Hashes;
import inkwell.storage.EdgeCache;
import inkwell.storage.SearchChange;
import inkwell.support.StructuredLog;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The index function's entry point: batches from the search queue (SQS FIFO, one message group, so
 * one batch at a time, with {@code ReportBatchItemFailures}). It decodes the changes, drops
 * duplicates, and hands them to {@link IndexUpdater} as one index write. If that fails, it applies
 * them again one message at a time, in order, and reports the first message that fails and every
 * message after it, so that one poisoned message is retried alone and reaches the dead-letter queue
 * without holding back the changes before it; when the first message fails, it throws (the whole
 * batch is retried, and the function's error alarm counts it), unless this is its {@value
 * #GIVE_UP_RECEIVES}th receive: then it moves the message to the dead-letter queue and goes on.
 * Then, when a CDN distribution is configured ({@code INKWELL_CDN_DISTRIBUTION_ID}), it invalidates
 * the CDN once for the messages applied ({@link CdnInvalidations}: a refusal never fails the batch,
 * it is retried through the queue); the reference of the invalidation is derived from their message
 * ids, so a batch delivered again asks for the same one. A message that is neither a search change
 * nor a retry is logged and skipped, since no retry could make it one.
 */
public class IndexHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

  private static final StructuredLog LOG = new StructuredLog("inkwell.search");

  /** A message of the batch that changes the index. */
  private record Change(String messageId, int receives, String body, SearchChange change) {}

  /**
   * The receive on which a change that still fails is moved to the dead-letter queue, so that the
   * changes behind it (one message group) go on: it held them back for the visibility timeout
   * {@code GIVE_UP_RECEIVES - 1} times. The queue's own {@code maxReceiveCount} is higher, as the
   * changes behind a failing one are received with it.
   */
  public static final int GIVE_UP_RECEIVES = 3;

  @Inject S3SnapshotStore snapshots;
  @Inject DynamoPostReader posts;
  @Inject DynamoDbClient dynamo;
  @Inject BlogConfig config;
  @Inject Clock clock;
  @Inject CdnConfig cdn;
  @Inject EdgeCache.Opener edgeCaches;
  @Inject Provider<SqsClient> sqs;

  private IndexUpdater updater;
  private EdgeCache edgeCache;

  /** Used by the Lambda runtime. */
  public IndexHandler() {}

  /** Used by tests and tools to start the handler with extra configuration. */
  public IndexHandler(ApplicationContextBuilder context) {
    super(context);
  }

  @Override
  public SQSBatchResponse execute(SQSEvent event) {
    List<SQSEvent.SQSMessage> messages = event.getRecords();
    List<Change> changes = new ArrayList<>();
    List<CdnInvalidations.Retry> retries = new ArrayList<>();
    for (SQSEvent.SQSMessage message : messages) {
      var retry = CdnInvalidations.Retry.fromJson(message.getBody());
      if (retry.isPresent()) {
        retries.add(retry.get());
        continue;
      }
      try {
        changes.add(
            new Change(
                message.getMessageId(),
                receives(message),
                message.getBody(),
                SearchChange.fromJson(message.getBody())));
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "event", "search-message-skipped",
            "messageId", message.getMessageId(),
            "reason", e.getMessage());
      }
    }
    int applied = apply(changes);
    CdnInvalidations invalidations = invalidations();
    if (applied > 0) {
      List<String> ids = changes.subList(0, applied).stream().map(Change::messageId).toList();
      invalidations.invalidate(batchReference(ids), 1);
    }
    retries.forEach(retry -> invalidations.invalidate(retry.reference(), retry.attempt()));
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    if (applied < changes.size()) {
      String firstFailed = changes.get(applied).messageId();
      boolean failed = false;
      for (SQSEvent.SQSMessage message : messages) {
        failed |= message.getMessageId().equals(firstFailed);
        if (failed) {
          failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        }
      }
    }
    return new SQSBatchResponse(failures);
  }

  /**
   * Applies {@code changes} as one write or, if that fails, one at a time; returns how many, from
   * the first, are done (applied, or moved to the dead-letter queue on their {@value
   * #GIVE_UP_RECEIVES}th receive). Throws if the first one is neither.
   */
  private int apply(List<Change> changes) {
    if (changes.isEmpty()) {
      return 0;
    }
    if (changes.size() > 1) {
      try {
        write(changes);
        return changes.size();
      } catch (RuntimeException e) {
        LOG.warn(
            "event", "search-batch-failed-applied-one-by-one",
            "messages", changes.size(),
            "error", String.valueOf(e.getMessage()));
      }
    }
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      try {
        write(List.of(change));
      } catch (RuntimeException e) {
        LOG.warn(
            "event", "search-change-failed",
            "messageId", change.messageId(),
            "key", change.change().sourceKey(),
            "receives", change.receives(),
            "error", String.valueOf(e.getMessage()));
        if (change.receives() >= GIVE_UP_RECEIVES && deadLetter(change)) {
          continue;
        }
        if (i == 0) {
          throw e;
        }
        return i;
      }
    }
    return changes.size();
  }

  /** Moves {@code change} to the dead-letter queue; false if there is none or the send failed. */
  private boolean deadLetter(Change change) {
    String url = config.getSearchDeadLetterQueueUrl();
    if (url == null || url.isBlank()) {
      return false;
    }
    try {
      sqs.get()
          .sendMessage(
              r ->
                  r.queueUrl(url.strip())
                      .messageBody(change.body())
                      .messageGroupId(SqsSearchChanges.MESSAGE_GROUP)
                      .messageDeduplicationId(change.messageId()));
      LOG.warn(
          "event", "search-change-dead-lettered",
          "messageId", change.messageId(),
          "key", change.change().sourceKey());
      return true;
    } catch (RuntimeException e) {
      LOG.warn(
          "event", "search-change-not-dead-lettered",
          "messageId", change.messageId(),
          "error", String.valueOf(e.getMessage()));
      return false;
    }
  }

  private static int receives(SQSEvent.SQSMessage message) {
    try {
      return Integer.parseInt(message.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
    } catch (RuntimeException e) {
      return 1;
    }
  }

  private void write(List<Change> changes) {
    Set<String> keys = new LinkedHashSet<>();
    boolean rebuild = false;
    for (Change change : changes) {
      if (change.change().rebuild()) {
        rebuild = true;
      } else {
        keys.add(change.change().sourceKey());
      }
    }
    updater().apply(keys, rebuild);
  }

  /**
   * The invalidation's reference for a batch: a hash of its message ids, which SQS keeps when it
   * delivers a message again, in any order.
   */
  static String batchReference(List<String> messageIds) {
    List<String> sorted = new ArrayList<>(messageIds);
    sorted.sort(null);
    return "inkwell-batch-" + Hashes.sha256Hex(String.join("\n", sorted)).substring(0, 32);
  }

  private CdnInvalidations invalidations() {
    return new CdnInvalidations(this::edgeCache, sqs::get, config.getSearchQueueUrl());
  }

  /** The CDN's edge cache, or none when no distribution is configured (no client is built). */
  private synchronized EdgeCache edgeCache() {
    if (edgeCache == null) {
      String id = cdn.getDistributionId();
      edgeCache = id == null || id.isBlank() ? EdgeCache.NONE : edgeCaches.open(id.strip());
    }
    return edgeCache;
  }

  private synchronized IndexUpdater updater() {
    if (updater == null) {
      updater =
          new IndexUpdater(
              snapshots, posts, new DynamoSourceCatalog(dynamo, config.getTable()), clock);
    }
    return updater;
  }
}
