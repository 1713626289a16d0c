package inkwell.publish;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.site.SiteConfig;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Emulators;
import inkwell.testenv.FailingKey;
import inkwell.testenv.QueueConsumers;
import inkwell.testenv.SqsEmulator;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One object whose every delivery fails (storage refuses it) costs the others no more than waiting:
 * the function reports that message alone as failed and applies the rest of its batch, SQS hides it
 * for the visibility timeout (holding back what is queued behind it in its message group), and
 * after the third failed receive moves it, and only it, to the dead-letter queue, where an alarm
 * and {@code ./inkwell redrive} take over. With the template's 3 receives of 180 s the hold-up is
 * at most 9 minutes; here the queue's timeout is 5 s.
 */
@ExtendWith({AwsEmulators.class, SqsEmulator.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonedEventTest {

  /** The template's receive limit (TemplateTest checks it there). */
  private static final int MAX_RECEIVES = 3;

  /**
   * Seconds: longer than a warm invocation takes on a busy test machine (an invocation that
   * outlasts it lets a second instance receive the same messages, which the template rules out with
   * 180 s against a 30 s function timeout), short for a test.
   */
  private static final int VISIBILITY = 5;

  private final Emulators emulators;
  private final SqsEmulator.Sqs sqs;
  private final ApplicationContext context =
      ApplicationContext.run(Map.of("inkwell.site.base-url", ParallelBlog.BASE_URL));

  PoisonedEventTest(Emulators emulators, SqsEmulator.Sqs sqs) {
    this.emulators = emulators;
    this.sqs = sqs;
  }

  @AfterAll
  void stop() {
    context.close();
  }

  private String queue(String name, Map<QueueAttributeName, String> more) {
    Map<QueueAttributeName, String> attributes = new java.util.HashMap<>(more);
    attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
    attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(VISIBILITY));
    return sqs.client()
        .createQueue(r -> r.queueName(Emulators.uniqueName(name) + ".fifo").attributes(attributes))
        .queueUrl();
  }

  @Test
  void theOthersGoLiveAfterThePoisonedOneFailedItsThreeReceivesAndWentToTheDeadLetterQueue() {
    String deadLetters = queue("dead-letters", Map.of());
    String arn =
        sqs.client()
            .getQueueAttributes(
                r -> r.queueUrl(deadLetters).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String publish =
        queue(
            "publish",
            Map.of(
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\""
                    + arn
                    + "\",\"maxReceiveCount\":\""
                    + MAX_RECEIVES
                    + "\"}"));
    SiteConfig config = context.getBean(SiteConfig.class);
    try (ParallelBlog blog =
        new ParallelBlog(emulators, sqs, config, 2, 0, new FailingKey("posts/poisoned.md"))) {
      blog.warm();
      blog.write("posts/before.md", "---\ntitle: Before\ndate: 2025-01-01\n---\nA.\n");
      blog.write("posts/poisoned.md", "---\ntitle: Poisoned\ndate: 2025-01-02\n---\nB.\n");
      blog.write("posts/after.md", "---\ntitle: After\ndate: 2025-01-03\n---\nC.\n");
      blog.write("posts/later.md", "---\ntitle: Later\ndate: 2025-01-04\n---\nD.\n");
      long started = System.nanoTime();

      QueueConsumers.Result run = blog.deliverThrough(publish);

      double seconds = (System.nanoTime() - started) / 1e9;
      Map<String, String> view = blog.view(Set.of("/before/", "/poisoned/", "/after/", "/later/"));
      assertThat(view.get("/before/")).startsWith("200 ");
      assertThat(view.get("/after/")).startsWith("200 ");
      assertThat(view.get("/later/")).startsWith("200 ");
      assertThat(view.get("/poisoned/")).startsWith("404 ");
      assertThat(run.mostInFlight()).isEqualTo(1);
      // Each of the three receives failed the poisoned message, and only it.
      assertThat(run.failedItems()).isEqualTo(MAX_RECEIVES);
      // It was received three times, the visibility timeout apart.
      assertThat(seconds).isGreaterThanOrEqualTo((MAX_RECEIVES - 1) * VISIBILITY);
      List<Message> dead =
          sqs.client()
              .receiveMessage(
                  r ->
                      r.queueUrl(deadLetters)
                          .maxNumberOfMessages(10)
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages();
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).body()).contains("\"key\":\"posts/poisoned.md\"");
    }
  }
}
