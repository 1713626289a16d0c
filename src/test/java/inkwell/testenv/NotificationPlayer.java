package inkwell.testenv;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import inkwell.cli.UploadHook;
import inkwell.publish.PublishHandler;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays S3's part for a bucket whose notifications nothing delivers in the emulators: for each
 * object written, the event S3 would send (the object's real version id, a sequencer greater than
 * any before it in this JVM) goes to a real {@link PublishHandler} through {@link LambdaInvoker},
 * as the Lambda runtime would deliver it. {@link #atOnce()} delivers inside the write's hook;
 * {@link #held()} keeps the events until {@link #deliverHeld()}, as a slow or missing notification
 * would. Thread-safe; close it to stop the handler.
 */
public final class NotificationPlayer implements AutoCloseable {

  private static final AtomicLong SEQUENCE = new AtomicLong(0x7000_0000L);

  private final PublishHandler handler;
  private final List<String> held = new ArrayList<>();

  /** A publish handler for {@code bucket} and {@code table}, with its clients on the emulators. */
  public NotificationPlayer(Emulators emulators, String bucket, String table) {
    this(emulators, Map.of("inkwell.bucket", bucket, "inkwell.table", table));
  }

  /** A publish handler with extra Micronaut {@code properties}. */
  public NotificationPlayer(Emulators emulators, Map<String, Object> properties) {
    Map<String, Object> all = new java.util.HashMap<>(properties);
    all.put(EmulatorAwsSettings.S3_ENDPOINT, emulators.s3Endpoint().toString());
    all.put(EmulatorAwsSettings.DYNAMODB_ENDPOINT, emulators.dynamoDbEndpoint().toString());
    this.handler = new PublishHandler(ApplicationContext.builder().properties(all));
  }

  /** The next sequencer: 18 hex digits, greater than every one handed out before. */
  public static String nextSequencer() {
    return String.format("00%016X", SEQUENCE.addAndGet(0x10));
  }

  /** The event S3 would send for a write, with a fresh sequencer. */
  public static String event(String bucket, String key, String versionId, boolean removed) {
    return removed
        ? S3EventJson.delete(bucket, key, nextSequencer())
        : S3EventJson.put(bucket, key, nextSequencer(), versionId);
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

  /** Delivers one event JSON to the handler as the Lambda runtime would. */
  public void deliver(String json) {
    LambdaInvoker.invoke(handler, S3Event.class, json);
  }

  public PublishHandler handler() {
    return handler;
  }

  @Override
  public void close() {
    handler.close();
  }
}
