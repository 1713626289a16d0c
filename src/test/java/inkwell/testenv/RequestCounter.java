package inkwell.testenv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Counts the SDK requests a client sends, by operation name ({@code GetItem}, {@code Query}, ...).
 * Add it to a client with {@code overrideConfiguration(o -> o.addExecutionInterceptor(counter))}.
 */
public final class RequestCounter implements ExecutionInterceptor {

  private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
  private final List<Integer> queried = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (context.response() instanceof QueryResponse query) {
      queried.add(query.count());
    }
  }

  /** How many items each Query since the last {@link #reset()} returned, in order. */
  public List<Integer> itemsQueried() {
    synchronized (queried) {
      return List.copyOf(queried);
    }
  }

  /** The operations sent since the last {@link #reset()}, in order. */
  public List<String> operations() {
    synchronized (operations) {
      return List.copyOf(operations);
    }
  }

  public void reset() {
    operations.clear();
    queried.clear();
  }
}
