package inkwell.testenv;

import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Holds each thread's first DynamoDB write until {@code parties} threads have reached theirs (or a
 * few seconds have passed), then lets them all go at once: every concurrent invocation has read
 * the table before any of them writes it, the schedule under which check-then-write code races.
 * Shared by the clients of several function instances; inert until {@link #arm}. Thread-safe.
 */
public final class WriteGate implements ExecutionInterceptor {

  private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem");

  private final Set<Thread> passed = ConcurrentHashMap.newKeySet();
  private volatile CyclicBarrier barrier;

  /** From now on, holds the first write of each of the next {@code parties} threads. */
  public void arm(int parties) {
    passed.clear();
    barrier = new CyclicBarrier(parties);
  }

  /** Lets every write through again. */
  public void disarm() {
    barrier = null;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    CyclicBarrier gate = barrier;
    if (gate == null
        || !WRITES.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
        || !passed.add(Thread.currentThread())) {
      return;
    }
    try {
      gate.await(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (BrokenBarrierException | TimeoutException e) {
      // an invocation that writes nothing never arrives: go on without it
    }
  }
}
