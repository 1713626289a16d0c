package inkwell.testenv;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

/**
 * Several function instances consuming one queue at once, as Lambda's SQS event source runs them:
 * each instance polls on its own thread, hands what it received to its own handler as the SQS event
 * Lambda sends, and deletes the messages the handler did not report as failed ({@code
 * ReportBatchItemFailures}); failed ones become visible again after the visibility timeout. Nothing
 * here serializes the instances: whether two batches are in flight at once is up to the queue,
 * which is what the tests measure ({@link Result#mostInFlight}).
 */
public final class QueueConsumers {

  /** What a run did. */
  public record Result(
      int invocations,
      int mostInFlight,
      int failedItems,
      int lateDeletes,
      List<Double> batchMillis,
      int messages) {}

  private QueueConsumers() {}

  /**
   * Runs one poller per handler until the queue has been empty (visible and in flight) for every
   * poller's last look; returns the counts.
   */
  public static Result drain(
      SqsClient sqs,
      String queueUrl,
      List<? extends RequestHandler<SQSEvent, SQSBatchResponse>> handlers) {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger invocations = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger late = new AtomicInteger();
    AtomicInteger received = new AtomicInteger();
    List<Double> batchMillis = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(handlers.size());
    try {
      List<Future<?>> pollers = new ArrayList<>();
      for (RequestHandler<SQSEvent, SQSBatchResponse> handler : handlers) {
        pollers.add(
            pool.submit(
                () -> {
                  while (true) {
                    List<Message> messages = receive(sqs, queueUrl);
                    if (messages.isEmpty()) {
                      if (isEmpty(sqs, queueUrl)) {
                        return null;
                      }
                      continue;
                    }
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    received.addAndGet(messages.size());
                    long invoked = System.nanoTime();
                    SQSBatchResponse response;
                    try {
                      response =
                          LambdaInvoker.invoke(
                              handler, SQSEvent.class, SqsDelivery.eventJson(queueUrl, messages));
                    } finally {
                      inFlight.decrementAndGet();
                    }
                    batchMillis.add((System.nanoTime() - invoked) / 1e6);
                    invocations.incrementAndGet();
                    Set<String> failures =
                        response.getBatchItemFailures().stream()
                            .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                            .collect(Collectors.toSet());
                    failed.addAndGet(failures.size());
                    for (Message message : messages) {
                      if (!failures.contains(message.messageId())) {
                        try {
                          sqs.deleteMessage(
                              r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                        } catch (ReceiptHandleIsInvalidException e) {
                          // The invocation outlasted the visibility timeout: the message was
                          // received again meanwhile and is applied again, as on Lambda.
                          late.incrementAndGet();
                        }
                      }
                    }
                  }
                }));
      }
      for (Future<?> poller : pollers) {
        poller.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("a queue consumer failed", e);
    } finally {
      pool.shutdownNow();
    }
    return new Result(
        invocations.get(),
        most.get(),
        failed.get(),
        late.get(),
        List.copyOf(batchMillis),
        received.get());
  }

  private static List<Message> receive(SqsClient sqs, String queueUrl) {
    return sqs.receiveMessage(
            r ->
                r.queueUrl(queueUrl)
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
        .messages();
  }

  private static boolean isEmpty(SqsClient sqs, String queueUrl) {
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(
                r ->
                    r.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES).equals("0")
        && attributes
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
            .equals("0");
  }
}
