package inkwell.testenv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Fails the k-th AWS request of whatever the clients it is added to send, in one of three ways, to
 * show what a crash at that point leaves behind. Counts calls (one per SDK operation call, retries
 * included in it) across every client it is added to, so an S3 client and a DynamoDB client share
 * one numbering. Thread-safe; {@link #clients} builds a pair that retries at once.
 */
public final class FaultInjector implements ExecutionInterceptor {

  /** How the armed request fails. */
  public enum Mode {
    /** An {@code SdkClientException} before the request is sent: nothing happened. */
    BEFORE_SENDING,
    /** The request took effect and its response arrived, then the call fails (a crash after). */
    AFTER_RESPONSE,
    /**
     * The request took effect but its response is lost (a 500 stands in for it): the SDK sends the
     * same request again, which meets its own earlier effect.
     */
    LOST_RESPONSE
  }

  private static final ExecutionAttribute<Integer> CALL =
      new ExecutionAttribute<>("inkwell.fault.call");

  private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
  private int target;
  private Mode mode;
  private boolean fired;

  /** Fails call number {@code k} (counted from the next call, starting at 1) as {@code mode}. */
  public synchronized void arm(int k, Mode mode) {
    operations.clear();
    this.target = k;
    this.mode = mode;
    this.fired = false;
  }

  /** Stops failing and starts counting again. */
  public synchronized void disarm() {
    operations.clear();
    target = 0;
  }

  /** How the armed call fails, or null. */
  public synchronized Mode mode() {
    return mode;
  }

  /** True if the armed fault happened. */
  public synchronized boolean fired() {
    return fired;
  }

  /** The operations called since the last {@link #arm} or {@link #disarm}, in order. */
  public List<String> operations() {
    synchronized (operations) {
      return List.copyOf(operations);
    }
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    int call;
    synchronized (this) {
      operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      call = operations.size();
      attributes.putAttribute(CALL, call);
      if (!isTarget(call, Mode.BEFORE_SENDING)) {
        return;
      }
      fired = true;
    }
    throw SdkClientException.create("injected fault: call " + call + " failed before sending");
  }

  /**
   * The armed call's response arrived, so the request took effect (for a call that failed by itself
   * too: a 404, a failed condition). Then either the call fails as the process would die ({@code
   * AFTER_RESPONSE}, an exception the SDK does not retry), or the response is lost ({@code
   * LOST_RESPONSE}, a 500 in its place, which the SDK retries).
   */
  @Override
  public SdkHttpResponse modifyHttpResponse(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Integer call = attributes.getAttribute(CALL);
    synchronized (this) {
      boolean after = isTarget(call, Mode.AFTER_RESPONSE);
      if (!(after || isTarget(call, Mode.LOST_RESPONSE)) || fired) {
        return context.httpResponse();
      }
      fired = true;
      if (!after) {
        return context.httpResponse().toBuilder().statusCode(500).statusText("Lost").build();
      }
    }
    throw SdkClientException.create("injected fault: call " + call + " failed after its response");
  }

  private boolean isTarget(Integer call, Mode wanted) {
    return call != null && call == target && mode == wanted;
  }

  /** An S3 and a DynamoDB client for the emulators, with this injector and immediate retries. */
  public Clients clients(Emulators emulators) {
    var settings =
        new inkwell.aws.AwsClients.Settings(
            AwsClients.REGION,
            emulators.s3Endpoint(),
            emulators.dynamoDbEndpoint(),
            AwsClients.credentials());
    var retries =
        AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .backoffStrategy(BackoffStrategy.retryImmediately())
            .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
            .circuitBreakerEnabled(false)
            .maxAttempts(3)
            .build();
    S3Client s3 =
        inkwell.aws.AwsClients.s3Builder(settings)
            .overrideConfiguration(o -> o.addExecutionInterceptor(this).retryStrategy(retries))
            .build();
    DynamoDbClient dynamo =
        inkwell.aws.AwsClients.dynamoDbBuilder(settings)
            .overrideConfiguration(o -> o.addExecutionInterceptor(this).retryStrategy(retries))
            .build();
    return new Clients(s3, dynamo);
  }

  /** Clients that go through an injector. */
  public record Clients(S3Client s3, DynamoDbClient dynamoDb) {}
}
