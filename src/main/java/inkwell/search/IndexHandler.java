package inkwell.search;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import inkwell.aws.CdnConfig;
import inkwell.aws.DynamoPostReader;
import inkwell.aws.DynamoSourceCatalog;
import inkwell.aws.S3SnapshotStore;
import inkwell.config.BlogConfig;
import inkwell.post.Hashes;
import inkwell.storage.EdgeCache;
import inkwell.storage.SearchChange;
import inkwell.support.StructuredLog;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The index function's entry point: batches from the search queue (SQS FIFO, one message group, so
 * one batch at a time). It decodes the changes, drops duplicates within the batch, and hands them
 * to {@link IndexUpdater} as one index write. Then, when a CDN distribution is configured ({@code
 * INKWELL_CDN_DISTRIBUTION_ID}), it invalidates the CDN once for the whole batch ({@link
 * EdgeCache}), so readers see the batch's changes without waiting for {@code s-maxage}; the
 * reference of the invalidation is derived from the batch's message ids, so a batch delivered again
 * asks for the same one. Any failure propagates, so that SQS delivers the whole batch again (after
 * the queue's retries it goes to the dead-letter queue); a message that is not a search change is
 * logged and skipped, since no retry could make it one.
 */
public class IndexHandler extends MicronautRequestHandler<SQSEvent, Void> {

  private static final StructuredLog LOG = new StructuredLog("inkwell.search");

  @Inject S3SnapshotStore snapshots;
  @Inject DynamoPostReader posts;
  @Inject DynamoDbClient dynamo;
  @Inject BlogConfig config;
  @Inject Clock clock;
  @Inject CdnConfig cdn;
  @Inject EdgeCache.Opener edgeCaches;

  private IndexUpdater updater;
  private EdgeCache edgeCache;

  /** Used by the Lambda runtime. */
  public IndexHandler() {}

  /** Used by tests and tools to start the handler with extra configuration. */
  public IndexHandler(ApplicationContextBuilder context) {
    super(context);
  }

  @Override
  public Void execute(SQSEvent event) {
    Set<String> keys = new LinkedHashSet<>();
    boolean rebuild = false;
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        SearchChange change = SearchChange.fromJson(message.getBody());
        if (change.rebuild()) {
          rebuild = true;
        } else {
          keys.add(change.sourceKey());
        }
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "event", "search-message-skipped",
            "messageId", message.getMessageId(),
            "reason", e.getMessage());
      }
    }
    if (rebuild || !keys.isEmpty()) {
      updater().apply(keys, rebuild);
      List<String> messageIds = new ArrayList<>();
      event.getRecords().forEach(message -> messageIds.add(message.getMessageId()));
      edgeCache().invalidateAll(batchReference(messageIds));
    }
    return null;
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
