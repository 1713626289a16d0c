package inkwell.publish;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import inkwell.support.StructuredLog;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The publish function's entry point: batches from the publish queue, an SQS FIFO queue with one
 * message group that EventBridge fills with the bucket's {@code Object Created} and {@code Object
 * Deleted} events under the posts and pages prefixes. Lambda hands a message group to one
 * invocation at a time, so this is the only writer of the posts table (docs/ARCHITECTURE.md,
 * "Publishing: one writer at a time").
 *
 * <p>Each message is decoded ({@link BucketEvents}) and applied by {@link PublishService}, in the
 * queue's order. Bad content is not a failure: it is a recorded rejection. A storage failure fails
 * that message only: it is reported ({@code ReportBatchItemFailures}), so SQS delivers it again
 * after the visibility timeout and, after the queue's receive limit, moves it to the dead-letter
 * queue, while the messages after it are applied now. Lambda's advice for FIFO queues is to report
 * the rest of the batch too, to keep their order; nothing here needs the queue's order (the
 * sequencer decides, so a late older event changes nothing), and reporting them would send them to
 * the dead-letter queue with the failing one, whose receive count they share.
 */
public class PublishHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

  private static final StructuredLog LOG = new StructuredLog("inkwell.publish");

  @Inject PublishService service;

  /** Used by the Lambda runtime. */
  public PublishHandler() {}

  /** Used by tests and tools to start the handler with extra configuration. */
  public PublishHandler(ApplicationContextBuilder context) {
    super(context);
  }

  @Override
  public SQSBatchResponse execute(SQSEvent event) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    List<SQSEvent.SQSMessage> messages =
        event == null || event.getRecords() == null ? List.of() : event.getRecords();
    for (SQSEvent.SQSMessage message : messages) {
      java.util.Optional<ObjectEvent> decoded = BucketEvents.decode(message.getBody());
      try {
        decoded.ifPresent(service::apply);
      } catch (RuntimeException e) {
        LOG.error(
            "outcome", "FAILED",
            "key", decoded.map(ObjectEvent::key).orElse(null),
            "messageId", message.getMessageId(),
            "receiveCount", receiveCount(message),
            "cause", e.toString(),
            "detail",
                "storage failed: this message is delivered again after the visibility timeout");
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    if (!failures.isEmpty()) {
      LOG.warn("outcome", "BATCH_RETRIED", "failed", failures.size(), "of", messages.size());
    }
    return new SQSBatchResponse(failures);
  }

  private static String receiveCount(SQSEvent.SQSMessage message) {
    return message.getAttributes() == null
        ? null
        : message.getAttributes().get("ApproximateReceiveCount");
  }
}
