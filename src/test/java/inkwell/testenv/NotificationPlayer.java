package inkwell.testenv;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import inkwell.cli.UploadHook;
import inkwell.publish.PublishHandler;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the part of S3, EventBridge and the publish queue for a bucket whose events nothing
 * delivers in the emulators: for each object written, the event S3 would send (the object's real
 * version id, a sequencer greater than any before it in this JVM) goes, in an SQS event of its own,
 * to a real {@link PublishHandler} through {@link LambdaInvoker}, as the Lambda runtime would
 * deliver it. One event at a time, as the publish queue's one message group does. {@link #atOnce()}
 * delivers inside the write's hook; {@link #held()} keeps the events until {@link #deliverHeld()},
 * as a slow or missing notification would. Thread-safe; close it to stop the handler.
 */
public final class NotificationPlayer implements AutoCloseable {

  private static final AtomicLong SEQUENCE = new AtomicLong(0x7000_0000L);

  private final PublishHandler handler;
  private final List<String> held = new ArrayList<>();

  /** A publish handler for {@code bucket} and {@code table}, with its clients on the emulators. */
  public NotificationPlayer(Emulators emulators, String bucket, String table) {
    this(emulators, EmulatorAwsSettings.onEmulators(emulators, bucket, table));
  }

  /** A publish handler with extra Micronaut {@code properties}. */
  public NotificationPlayer(Emulators emulators, Map<String, Object> properties) {
    this.handler =
        new PublishHandler(
            ApplicationContext.builder()
                .properties(EmulatorAwsSettings.onEmulators(emulators, properties)));
  }

  /** The next sequencer: 18 hex digits, greater than every one handed out before. */
  public static String nextSequencer() {
    return String.format("00%016X", SEQUENCE.addAndGet(0x10));
  }

  /** The event S3 would send for a write, with a fresh sequencer. */
  public static String event(String bucket, String key, String versionId, boolean removed) {
    return removed
        ? BucketEventJson.delete(bucket, key, nextSequencer())
        : BucketEventJson.put(bucket, key, nextSequencer(), versionId);
  }

  /** Delivers each write's event to the handler before the hook returns. */
  public UploadHook atOnce() {
    return (bucket, key, versionId, removed) -> deliver(event(bucket, key, versionId, removed));
  }

  /** Keeps each write's event (its sequencer taken at write time) for {@link #deliverHeld()}. */
  public UploadHook held() {
    return (bucket, key, versionId, removed) -> {
      synchronized (held) {
        held.add(event(bucket, key, versionId, removed));
      }
    };
  }

  /** Delivers the oldest held event, if there is one; false if none was held. */
  public boolean deliverHeldOne() {
    String event;
    synchronized (held) {
      if (held.isEmpty()) {
        return false;
      }
      event = held.remove(0);
    }
    deliver(event);
    return true;
  }

  /** Delivers the held events in the order of their writes; returns how many. */
  public int deliverHeld() {
    List<String> events;
    synchronized (held) {
      events = List.copyOf(held);
      held.clear();
    }
    events.forEach(this::deliver);
    return events.size();
  }

  /**
   * Delivers one SQS event JSON to the handler as the Lambda runtime would; throws if the handler
   * reported a message as failed (SQS would deliver it again).
   */
  public void deliver(String json) {
    deliverTo(handler, json);
  }

  /** {@link #deliver} for any publish handler. */
  public static void deliverTo(PublishHandler handler, String json) {
    SQSBatchResponse response = LambdaInvoker.invoke(handler, SQSEvent.class, json);
    if (!response.getBatchItemFailures().isEmpty()) {
      throw new IllegalStateException(
          "the publish function reported "
              + response.getBatchItemFailures().size()
              + " failed message(s); its log says why");
    }
  }

  public PublishHandler handler() {
    return handler;
  }

  @Override
  public void close() {
    handler.close();
  }
}
