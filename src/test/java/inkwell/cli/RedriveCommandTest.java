package inkwell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.aws.DynamoPostRepository;
import inkwell.aws.S3ContentStore;
import inkwell.testenv.AwsClients;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Emulators;
import inkwell.testenv.BucketEventJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code ./inkwell redrive} against a real SQS wire protocol (ElasticMQ in the test JVM): the
 * messages are the records Lambda sends to the on-failure destination, the events in them are
 * applied with the publish path's code, and a message is deleted only after its event applied.
 */
@ExtendWith(AwsEmulators.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedriveCommandTest {

  private final Emulators emulators;
  private final SQSRestServer server =
      SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
  private final URI endpoint =
      URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
  private final SqsClient sqs =
      SqsClient.builder()
          .httpClientBuilder(inkwell.aws.AwsClients.http())
          .endpointOverride(endpoint)
          .region(AwsClients.REGION)
          .credentialsProvider(AwsClients.credentials())
          .build();
  private TestBlog blog;
  private String queue;

  RedriveCommandTest(Emulators emulators) {
    this.emulators = emulators;
  }

  @BeforeEach
  void blogAndQueue() {
    blog = TestBlog.create(emulators);
    queue = sqs.createQueue(r -> r.queueName(Emulators.uniqueName("failed"))).queueUrl();
  }

  @AfterEach
  void closeBlog() {
    blog.close();
  }

  @AfterAll
  void stop() {
    sqs.close();
    server.stopAndWait();
  }

  /** What Lambda sends to the on-failure destination after the retries of {@code event}. */
  private static String failureRecord(String event) {
    return """
        {"version":"1.0","timestamp":"2026-12-01T18:00:00.000Z",\
        "requestContext":{"requestId":"e1f2","functionArn":"arn:aws:lambda:us-east-1:123456789012:function:blog-PublishFunction:live",\
        "condition":"RetriesExhausted","approximateInvokeCount":3},\
        "requestPayload":%s,\
        "responseContext":{"statusCode":200,"executedVersion":"7","functionError":"Unhandled"},\
        "responsePayload":{"errorMessage":"Unable to execute HTTP request: Connect timed out"}}"""
        .formatted(event);
  }

  /** Uploads a post without delivering its notification, and queues its failure record. */
  private void failedUpload(String key, String markdown, String sequencer) {
    String versionId =
        emulators
            .s3()
            .putObject(
                r -> r.bucket(blog.bucket).key(key),
                RequestBody.fromString(markdown, StandardCharsets.UTF_8))
            .versionId();
    String event = BucketEventJson.put(blog.bucket, key, sequencer, versionId);
    sqs.sendMessage(r -> r.queueUrl(queue).messageBody(failureRecord(event)));
  }

  private TestBlog.Run redrive() {
    Map<String, String> env = new java.util.HashMap<>(blog.env());
    env.put("INKWELL_FAILURE_QUEUE_URL", queue);
    env.put("AWS_ENDPOINT_URL_SQS", endpoint.toString());
    return TestBlog.run(env, UploadHook.NONE, "redrive");
  }

  private int messagesLeft() {
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(
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

  private DynamoPostRepository posts() {
    return new DynamoPostRepository(
        emulators.dynamoDb(),
        blog.table,
        new S3ContentStore(emulators.s3(), blog.bucket, "posts/", "_status/", "_bodies/"),
        Clock.systemUTC());
  }

  @Test
  void theQueuedEventsArePublishedAndTheirMessagesDeleted() {
    failedUpload("posts/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nText.", "0A");
    failedUpload("posts/later.md", "---\ntitle: Later\ndate: 2024-02-01\n---\nText.", "0B");

    TestBlog.Run run = redrive();

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .contains(
            "redriven   created posts/hello.md: published",
            "redriven   created posts/later.md: published",
            "2 redriven, 0 failed (left in the queue)");
    assertThat(posts().findPost("hello").orElseThrow().post().title()).isEqualTo("Hello");
    assertThat(posts().findPost("later").orElseThrow().post().title()).isEqualTo("Later");
    assertThat(messagesLeft()).isZero();
  }

  @Test
  void aMessageWhoseEventFailsAgainStaysInTheQueueAndTheCommandSaysWhy() {
    failedUpload("posts/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nText.", "0A");
    sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{\"requestPayload\":{}}"));

    TestBlog.Run run = redrive();

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_PUBLISHED);
    assertThat(run.out()).contains("redriven   created posts/hello.md: published");
    assertThat(run.out())
        .anyMatch(line -> line.startsWith("failed     message ") && line.contains("no S3 event"));
    assertThat(run.out()).contains("1 redriven, 1 failed (left in the queue)");
    assertThat(messagesLeft()).isEqualTo(1);
  }

  @Test
  void anEventAppliedMeanwhileIsStaleAndItsMessageStillGoes() {
    failedUpload("posts/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nText.", "0A");
    assertThat(redrive().exitCode()).isEqualTo(ExitCode.OK);
    failedUpload("posts/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nText.", "0A");

    TestBlog.Run again = redrive();

    assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(again.out()).contains("redriven   created posts/hello.md: stale");
    assertThat(messagesLeft()).isZero();
  }
}
