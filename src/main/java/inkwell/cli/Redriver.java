package inkwell.cli;

import inkwell.publish.BucketEvents;
import inkwell.publish.ObjectEvent;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sends the events the publish function gave up on back to the publish queue, where the function,
 * the table's one writer, applies them in order: the CLI never writes the table itself. The writes
 * are conditional and order-proof, so an event that has become stale meanwhile changes nothing. One
 * line per message; a message that cannot be sent back stays in the dead-letter queue and is
 * reported.
 */
final class Redriver {

  /** What a run did. */
  record Result(int sent, int failed) {
    String summary() {
      return sent
          + " sent back to the publish queue, "
          + failed
          + " failed (left in the dead-letter queue); ./inkwell status shows their outcome";
    }

    int exitCode() {
      return failed == 0 ? ExitCode.OK : ExitCode.NOT_PUBLISHED;
    }
  }

  private final FailureQueue queue;
  private final PrintStream out;

  Redriver(FailureQueue queue, PrintStream out) {
    this.queue = queue;
    this.out = out;
  }

  Result redrive() {
    int sent = 0;
    int failed = 0;
    Set<String> tried = new HashSet<>();
    for (var batch = queue.receive(); !batch.isEmpty(); batch = queue.receive()) {
      if (batch.stream().allMatch(m -> tried.contains(m.id()))) {
        break; // only messages that failed in this run came back: stop rather than loop
      }
      for (FailureQueue.Message message : batch) {
        if (!tried.add(message.id())) {
          continue;
        }
        try {
          queue.sendBack(message);
          out.println("requeued   " + describe(message));
          sent++;
        } catch (RuntimeException e) {
          out.println("failed     " + describe(message) + ": " + Failures.oneLine(e));
          failed++;
        }
      }
    }
    return new Result(sent, failed);
  }

  private static String describe(FailureQueue.Message message) {
    Optional<ObjectEvent> event = BucketEvents.decode(message.body());
    return event
        .map(e -> e.type().name().toLowerCase(Locale.ROOT) + " " + e.key())
        .orElse("message " + message.id() + " (not a bucket event; the function skips it)");
  }
}
