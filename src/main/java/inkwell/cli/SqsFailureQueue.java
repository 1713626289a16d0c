package inkwell.cli;

import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The failure queue on SQS. */
final class SqsFailureQueue implements FailureQueue {

  /** Seconds a received message stays hidden: long enough to apply its event once. */
  static final int VISIBILITY_SECONDS = 120;

  private final SqsClient sqs;
  private final String queueUrl;

  SqsFailureQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public List<Message> receive() {
    return sqs
        .receiveMessage(
            r ->
                r.queueUrl(queueUrl)
                    .maxNumberOfMessages(10)
                    .visibilityTimeout(VISIBILITY_SECONDS)
                    .waitTimeSeconds(1))
        .messages()
        .stream()
        .map(m -> new Message(m.messageId(), m.receiptHandle(), m.body()))
        .toList();
  }

  @Override
  public void delete(Message message) {
    sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
  }
}
