package inkwell.cli;

import inkwell.publish.ObjectEvent;
import inkwell.publish.PublishService;
import inkwell.publish.S3Events;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sends the events the publish function gave up on back through the publish path, with the
 * function's own code ({@link PublishService}): the writes are conditional and order-proof, so an
 * event that has become stale meanwhile changes nothing. A message is deleted only after every
 * event in it was applied; one that fails again stays in the queue and is reported.
 */
final class Redriver {

  /** What a run did. */
  record Result(int redriven, int failed) {
    String summary() {
      return redriven + " redriven, " + failed + " failed (left in the queue)";
    }

    int exitCode() {
      return failed == 0 ? ExitCode.OK : ExitCode.NOT_PUBLISHED;
    }
  }

  private final FailureQueue queue;
  private final PublishService publish;
  private final PrintStream out;

  Redriver(FailureQueue queue, PublishService publish, PrintStream out) {
    this.queue = queue;
    this.publish = publish;
    this.out = out;
  }

  Result redrive() {
    int redriven = 0;
    int failed = 0;
    Set<String> tried = new HashSet<>();
    for (List<FailureQueue.Message> batch = queue.receive();
        !batch.isEmpty();
        batch = queue.receive()) {
      if (batch.stream().noneMatch(m -> !tried.contains(m.id()))) {
        break; // only messages that failed in this run came back: stop rather than loop
      }
      for (FailureQueue.Message message : batch) {
        if (!tried.add(message.id())) {
          continue;
        }
        if (apply(message)) {
          queue.delete(message);
          redriven++;
        } else {
          failed++;
        }
      }
    }
    return new Result(redriven, failed);
  }

  /** Applies the events of {@code message}; false (and one line saying why) if one failed. */
  private boolean apply(FailureQueue.Message message) {
    List<String> lines = new ArrayList<>();
    try {
      for (ObjectEvent event : S3Events.decode(FailedEventRecord.s3Event(message.body()))) {
        PublishService.Outcome outcome = publish.apply(event);
        lines.add(
            String.format(
                "redriven   %s %s: %s",
                event.type().name().toLowerCase(java.util.Locale.ROOT),
                event.key(),
                outcome.name().toLowerCase(java.util.Locale.ROOT)));
      }
    } catch (RuntimeException e) {
      out.println("failed     message " + message.id() + ": " + Failures.oneLine(e));
      return false;
    }
    lines.forEach(out::println);
    return true;
  }
}
