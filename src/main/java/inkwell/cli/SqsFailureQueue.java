package inkwell.cli;

import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The publish dead-letter queue on SQS, and the publish queue its messages go back to. */
final class SqsFailureQueue implements FailureQueue {

  /** Seconds a received message stays hidden: long enough to send it back once. */
  static final int VISIBILITY_SECONDS = 120;

  /** The publish queue's one message group (template.yaml, PublishRule). */
  static final String MESSAGE_GROUP = "publish";

  private final SqsClient sqs;
  private final String deadLetterQueueUrl;
  private final String publishQueueUrl;

  SqsFailureQueue(SqsClient sqs, String deadLetterQueueUrl, String publishQueueUrl) {
    this.sqs = sqs;
    this.deadLetterQueueUrl = deadLetterQueueUrl;
    this.publishQueueUrl = publishQueueUrl;
  }

  @Override
  public List<Message> receive() {
    return sqs
        .receiveMessage(
            r ->
                r.queueUrl(deadLetterQueueUrl)
                    .maxNumberOfMessages(10)
                    .visibilityTimeout(VISIBILITY_SECONDS)
                    .waitTimeSeconds(1))
        .messages()
        .stream()
        .map(m -> new Message(m.messageId(), m.receiptHandle(), m.body()))
        .toList();
  }

  /**
   * The deduplication id names the message, so a second redrive of it within SQS's five-minute
   * window (after a crash between the send and the delete) is dropped by the queue.
   */
  @Override
  public void sendBack(Message message) {
    sqs.sendMessage(
        r ->
            r.queueUrl(publishQueueUrl)
                .messageBody(message.body())
                .messageGroupId(MESSAGE_GROUP)
                .messageDeduplicationId("redrive-" + message.id()));
    sqs.deleteMessage(r -> r.queueUrl(deadLetterQueueUrl).receiptHandle(message.receiptHandle()));
  }
}
