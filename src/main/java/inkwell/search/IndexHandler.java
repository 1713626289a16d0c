package inkwell.search;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import inkwell.aws.DynamoPostReader;
import inkwell.aws.DynamoSourceCatalog;
import inkwell.aws.S3SnapshotStore;
import inkwell.config.BlogConfig;
import inkwell.storage.SearchChange;
import inkwell.support.StructuredLog;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The index function's entry point: batches from the search queue (SQS FIFO, one message group, so
 * one batch at a time). It decodes the changes, drops duplicates within the batch, and hands them
 * to {@link IndexUpdater} as one index write. Any failure propagates, so that SQS delivers the
 * whole batch again (after the queue's retries it goes to the dead-letter queue); a message that is
 * not a search change is logged and skipped, since no retry could make it one.
 */
public class IndexHandler extends MicronautRequestHandler<SQSEvent, Void> {

  private static final StructuredLog LOG = new StructuredLog("inkwell.search");

  @Inject S3SnapshotStore snapshots;
  @Inject DynamoPostReader posts;
  @Inject DynamoDbClient dynamo;
  @Inject BlogConfig config;
  @Inject Clock clock;

  private IndexUpdater updater;

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
    }
    return null;
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
