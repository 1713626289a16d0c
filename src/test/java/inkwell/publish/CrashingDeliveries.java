package inkwell.publish;

import inkwell.aws.DynamoPostWriter;
import inkwell.aws.S3ContentStore;
import inkwell.pipeline.PostPipeline;
import inkwell.testenv.Emulators;
import inkwell.testenv.FaultInjector;
import java.time.Clock;
import java.util.Random;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Deliveries that crash at a random request a third of the time (before it is sent, after its
 * response, or with its response lost and sent again by the SDK), each delivered again until it
 * succeeds, as Lambda retries; counts what happened. Not thread-safe.
 */
final class CrashingDeliveries implements AutoCloseable {

  private final FaultInjector faults = new FaultInjector();
  private final FaultInjector.Clients clients;
  int deliveries;
  int crashes;
  int lostResponses;

  CrashingDeliveries(Emulators emulators) {
    this.clients = faults.clients(emulators);
  }

  /** A publish service for {@code bucket} and {@code table} whose requests may crash. */
  PublishService service(PostPipeline pipeline, String bucket, String table) {
    S3ContentStore content =
        new S3ContentStore(clients.s3(), bucket, "posts/", "_status/", "_bodies/");
    return new PublishService(
        pipeline,
        content,
        new DynamoPostWriter(clients.dynamoDb(), table, content, Clock.systemUTC()),
        content,
        bucket,
        "posts/",
        Clock.systemUTC());
  }

  /**
   * Delivers {@code event} to {@code service}, crashing as {@code random} says, until it succeeds.
   */
  void deliver(PublishService service, ObjectEvent event, Random random) {
    deliveries++;
    boolean armed = random.nextInt(3) == 0;
    if (armed) {
      FaultInjector.Mode mode =
          FaultInjector.Mode.values()[random.nextInt(FaultInjector.Mode.values().length)];
      faults.arm(1 + random.nextInt(14), mode);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        service.apply(event);
        break;
      } catch (SdkException crash) {
        crashes++;
        faults.disarm();
        if (attempt == 3) {
          throw crash;
        }
      }
    }
    if (armed && faults.fired() && faults.mode() == FaultInjector.Mode.LOST_RESPONSE) {
      lostResponses++;
    }
    faults.disarm();
  }

  String summary() {
    return deliveries
        + " deliveries, "
        + crashes
        + " crashes, "
        + lostResponses
        + " lost responses";
  }

  @Override
  public void close() {
    clients.s3().close();
    clients.dynamoDb().close();
  }
}
