package inkwell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.aws.DynamoPostRepository;
import inkwell.aws.S3ContentStore;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.BucketEventJson;
import inkwell.testenv.Emulators;
import inkwell.testenv.SqsDelivery;
import inkwell.testenv.SqsEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code ./inkwell redrive} against a real SQS wire protocol (ElasticMQ in the test JVM): the
 * dead-letter queue holds the publish queue's messages (EventBridge's S3 events) as SQS moved them,
 * the command sends each back to the publish queue in its one message group and deletes it from the
 * dead-letter queue, and the publish function, the table's one writer, applies them from there.
 */
@ExtendWith({AwsEmulators.class, SqsEmulator.class})
class RedriveCommandTest {

  private final Emulators emulators;
  private final SqsEmulator.Sqs sqs;
  private TestBlog blog;
  private String publishQueue;
  private String deadLetters;

  RedriveCommandTest(Emulators emulators, SqsEmulator.Sqs sqs) {
    this.emulators = emulators;
    this.sqs = sqs;
  }

  @BeforeEach
  void blogAndQueues() {
    blog = TestBlog.create(emulators);
    publishQueue = sqs.createFifoQueue("publish");
    deadLetters = sqs.createFifoQueue("publish-dead-letters");
  }

  @AfterEach
  void closeBlog() {
    blog.close();
  }

  /** Uploads a post whose event the function failed on, and leaves it in the dead-letter queue. */
  private String failedUpload(String key, String markdown, String sequencer) {
    String versionId =
        emulators
            .s3()
            .putObject(
                r -> r.bucket(blog.bucket).key(key),
                RequestBody.fromString(markdown, StandardCharsets.UTF_8))
            .versionId();
    String body = BucketEventJson.created(blog.bucket, key, sequencer, versionId);
    deadLetter(body);
    return body;
  }

  private void deadLetter(String body) {
    sqs.client()
        .sendMessage(
            r ->
                r.queueUrl(deadLetters)
                    .messageBody(body)
                    .messageGroupId("publish")
                    .messageDeduplicationId(Integer.toHexString(body.hashCode())));
  }

  private TestBlog.Run redrive(String publishQueueUrl) {
    Map<String, String> env = new java.util.HashMap<>(blog.env());
    env.put("INKWELL_PUBLISH_QUEUE_URL", publishQueueUrl);
    env.put("INKWELL_PUBLISH_DEAD_LETTER_QUEUE_URL", deadLetters);
    env.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString());
    return TestBlog.run(env, UploadHook.NONE, "redrive");
  }

  private int messagesIn(String queue) {
    Map<QueueAttributeName, String> attributes =
        sqs.client()
            .getQueueAttributes(
                r ->
                    r.queueUrl(queue)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(
            attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private List<Message> peek(String queue) {
    return sqs.client()
        .receiveMessage(
            r ->
                r.queueUrl(queue)
                    .maxNumberOfMessages(10)
                    .visibilityTimeout(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
        .messages();
  }

  private DynamoPostRepository posts() {
    return new DynamoPostRepository(
        emulators.dynamoDb(),
        blog.table,
        new S3ContentStore(emulators.s3(), blog.bucket, "posts/", "_status/", "_bodies/"),
        Clock.systemUTC());
  }

  @Test
  void theEventsGoBackToThePublishQueueInOrderAndThePublishFunctionAppliesThem() {
    String hello =
        failedUpload("posts/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nA.", "0A");
    String later =
        failedUpload("posts/later.md", "---\ntitle: Later\ndate: 2024-02-01\n---\nB.", "0B");

    TestBlog.Run run = redrive(publishQueue);

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .containsSubsequence(
            "requeued   created posts/hello.md",
            "requeued   created posts/later.md",
            "2 sent back to the publish queue, 0 failed (left in the dead-letter queue);"
                + " ./inkwell status shows their outcome");
    assertThat(messagesIn(deadLetters)).isZero();
    List<Message> queued = peek(publishQueue);
    assertThat(queued).extracting(Message::body).containsExactly(hello, later);
    assertThat(queued)
        .allSatisfy(
            m ->
                assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                    .isEqualTo("publish"));
    assertThat(posts().findPost("hello")).as("the CLI writes no post itself").isEmpty();

    SqsDelivery.drain(sqs.client(), publishQueue, blog.player.handler(), 10);

    assertThat(posts().findPost("hello").orElseThrow().post().title()).isEqualTo("Hello");
    assertThat(posts().findPost("later").orElseThrow().post().title()).isEqualTo("Later");
  }

  @Test
  void aMessageThatIsNotABucketEventGoesBackAllTheSameAndIsNamedByItsId() {
    deadLetter("{\"source\":\"aws.events\"}");

    TestBlog.Run run = redrive(publishQueue);

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .anyMatch(
            line ->
                line.startsWith("requeued   message ")
                    && line.endsWith("(not a bucket event; the function skips it)"));
    assertThat(messagesIn(publishQueue)).isEqualTo(1);
  }

  @Test
  void aMessageThatCannotBeSentBackStaysInTheDeadLetterQueueAndTheCommandSaysWhy() {
    failedUpload("posts/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nText.", "0A");

    TestBlog.Run run = redrive(sqs.endpoint() + "/000000000000/no-such-queue.fifo");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_PUBLISHED);
    assertThat(run.out()).anyMatch(line -> line.startsWith("failed     created posts/hello.md: "));
    assertThat(run.out())
        .contains(
            "0 sent back to the publish queue, 1 failed (left in the dead-letter queue);"
                + " ./inkwell status shows their outcome");
    assertThat(messagesIn(deadLetters)).isEqualTo(1);
  }
}
