package inkwell.testenv;

import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Holds every request of the clients it is added to for a random 0 to {@code maxMillis}
 * milliseconds before it is sent: separate function instances, each slow at other moments, so that
 * concurrent invocations interleave their requests in many orders. Thread-safe.
 */
public final class Jitter implements ExecutionInterceptor {

  private final int maxMillis;

  public Jitter(int maxMillis) {
    this.maxMillis = maxMillis;
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(maxMillis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
