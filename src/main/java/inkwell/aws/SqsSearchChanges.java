package inkwell.aws;

import inkwell.post.Hashes;
import inkwell.storage.SearchChange;
import inkwell.storage.SearchChanges;
import inkwell.storage.Sequencer;
import inkwell.support.StructuredLog;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends search changes to the index function's SQS FIFO queue, all in one message group, so that
 * Lambda delivers them one batch at a time and the index has one writer (no reserved concurrency
 * needed). A retried event sends the same deduplication id (the key and sequencer), so SQS drops
 * the copy within its five-minute window. Send failures propagate, so that the publish event is
 * retried. Thread-safe.
 */
public final class SqsSearchChanges implements SearchChanges {

  /** The one message group: one batch at a time, in order. */
  public static final String MESSAGE_GROUP = "search-index";

  private static final StructuredLog LOG = new StructuredLog("inkwell.search");

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsSearchChanges(SqsClient sqs, String queueUrl) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
  }

  @Override
  public void changed(String sourceKey, Sequencer sequencer) {
    SearchChange change = SearchChange.of(sourceKey, sequencer);
    send(change, Hashes.sha256Hex(sourceKey + "\n" + change.sequencer()));
  }

  /** Asks the index function to rebuild the whole index from the table. */
  public void requestRebuild() {
    send(SearchChange.rebuildAll(), "rebuild-" + UUID.randomUUID());
  }

  private void send(SearchChange change, String deduplicationId) {
    String messageId =
        sqs.sendMessage(
                r ->
                    r.queueUrl(queueUrl)
                        .messageBody(change.toJson())
                        .messageGroupId(MESSAGE_GROUP)
                        .messageDeduplicationId(deduplicationId))
            .messageId();
    LOG.info(
        "event",
        "search-change-sent",
        "key",
        change.rebuild() ? "(rebuild)" : change.sourceKey(),
        "sequencer",
        change.sequencer(),
        "messageId",
        messageId);
  }
}
