package inkwell.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's URLConnection client with its I/O failures handed to the SDK's retry policy.
 *
 * <p>When a server closes a kept-alive connection just as a request is written on it, {@code
 * HttpURLConnection} fails with "Unexpected end of file from server". The URLConnection client
 * (2.31) wraps that {@code IOException} in an {@code UncheckedIOException}, which the SDK's retry
 * stage does not catch (it retries {@code SdkException} and {@code IOException}), so one dropped
 * connection fails the whole call: a publish goes to Lambda's retry, a reader gets a 500. This
 * client rethrows the {@code IOException} itself, so the call is retried like any other network
 * failure (aws-sdk-java-v2 pull requests 2891 and 7347 describe the same gap). Retrying a write
 * whose response was lost is safe here: every write is conditional and recognises its own earlier
 * effect, which the fault-injection tests check.
 */
final class RetryableIoHttpClient implements SdkHttpClient {

  private final SdkHttpClient delegate;

  private RetryableIoHttpClient(SdkHttpClient delegate) {
    this.delegate = delegate;
  }

  /** A builder that builds {@code delegate}'s client and wraps it. */
  static SdkHttpClient.Builder<?> wrapping(SdkHttpClient.Builder<?> delegate) {
    return new Builder(delegate);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    ExecutableHttpRequest prepared = delegate.prepareRequest(request);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        try {
          return prepared.call();
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }

      @Override
      public void abort() {
        prepared.abort();
      }
    };
  }

  @Override
  public String clientName() {
    return delegate.clientName();
  }

  @Override
  public void close() {
    delegate.close();
  }

  private static final class Builder implements SdkHttpClient.Builder<Builder> {
    private final SdkHttpClient.Builder<?> delegate;

    Builder(SdkHttpClient.Builder<?> delegate) {
      this.delegate = delegate;
    }

    @Override
    public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
      return new RetryableIoHttpClient(delegate.buildWithDefaults(serviceDefaults));
    }
  }
}
