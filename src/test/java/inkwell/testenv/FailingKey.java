package inkwell.testenv;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Fails every GetObject of one key before it is sent, as S3 would for an object the function may
 * not read (a key encrypted with a KMS key it has no grant on): one poisoned object whose every
 * delivery fails, while every other object reads fine.
 */
public final class FailingKey implements ExecutionInterceptor {

  private final String key;

  public FailingKey(String key) {
    this.key = key;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (context.request() instanceof GetObjectRequest get && key.equals(get.key())) {
      throw SdkClientException.create("injected: GetObject of " + key + " is refused");
    }
    return context.request();
  }
}
