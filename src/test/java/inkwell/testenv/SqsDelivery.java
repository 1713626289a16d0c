package inkwell.testenv;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import inkwell.support.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Does what Lambda's SQS event source mapping does for a function: receives up to {@code batchSize}
 * messages from the queue, hands them to the handler as the event JSON Lambda sends (deserialized
 * by the Lambda runtime's own serializer), and deletes them when the handler returns, except those
 * it reports as failed in an {@link SQSBatchResponse} ({@code ReportBatchItemFailures}). A handler
 * that throws leaves them all on the queue, to be received again.
 */
public final class SqsDelivery {

  private SqsDelivery() {}

  /**
   * Delivers batches until the queue is empty, or until a batch reports failed messages (they wait
   * for their visibility timeout); returns the number of batches.
   */
  public static <O> int drain(
      SqsClient sqs, String queueUrl, RequestHandler<SQSEvent, O> handler, int batchSize) {
    int batches = 0;
    while (true) {
      List<Message> messages =
          sqs.receiveMessage(
                  r ->
                      r.queueUrl(queueUrl)
                          .maxNumberOfMessages(batchSize)
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages();
      if (messages.isEmpty()) {
        return batches;
      }
      O output = LambdaInvoker.invoke(handler, SQSEvent.class, eventJson(queueUrl, messages));
      Set<String> failed = new HashSet<>();
      if (output instanceof SQSBatchResponse response && response.getBatchItemFailures() != null) {
        response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
      }
      List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
      for (Message message : messages) {
        if (failed.contains(message.messageId())) {
          continue;
        }
        done.add(
            DeleteMessageBatchRequestEntry.builder()
                .id(Integer.toString(done.size()))
                .receiptHandle(message.receiptHandle())
                .build());
      }
      if (!done.isEmpty()) {
        sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
      }
      batches++;
      if (!failed.isEmpty()) {
        return batches; // the failed messages wait for their visibility timeout, as on AWS
      }
    }
  }

  /** The event Lambda sends for {@code messages} of a FIFO queue. */
  public static String eventJson(String queueUrl, List<Message> messages) {
    String queueName = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    List<Object> records = new ArrayList<>();
    for (Message message : messages) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("messageId", message.messageId());
      record.put("receiptHandle", message.receiptHandle());
      record.put("body", message.body());
      record.put("attributes", attributes);
      record.put("messageAttributes", Map.of());
      record.put("md5OfBody", message.md5OfBody());
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:" + queueName);
      record.put("awsRegion", "us-east-1");
      records.add(record);
    }
    return Json.write(Map.of("Records", records));
  }
}
