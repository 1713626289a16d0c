package inkwell.testenv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the SDK requests a client sends, by operation name ({@code GetItem}, {@code Query}, ...).
 * Add it to a client with {@code overrideConfiguration(o -> o.addExecutionInterceptor(counter))}.
 */
public final class RequestCounter implements ExecutionInterceptor {

  private final List<String> operations = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  /** The operations sent since the last {@link #reset()}, in order. */
  public List<String> operations() {
    synchronized (operations) {
      return List.copyOf(operations);
    }
  }

  public void reset() {
    operations.clear();
  }
}
