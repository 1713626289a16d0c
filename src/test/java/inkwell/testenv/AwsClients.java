package inkwell.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * AWS SDK v2 clients for the emulators: the production client configuration ({@link
 * inkwell.aws.AwsClients}, which turns on path-style addressing and checksums only where required
 * when an endpoint is overridden) with {@code us-east-1} and static dummy credentials.
 */
public final class AwsClients {

  public static final Region REGION = Region.US_EAST_1;
  public static final String ACCESS_KEY_ID = "test";
  public static final String SECRET_ACCESS_KEY = "test";

  private AwsClients() {}

  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
  }

  public static S3Client s3(URI endpoint) {
    return s3Builder(endpoint).build();
  }

  /** An S3 client whose requests also go through {@code interceptor} (a counter, a fault). */
  public static S3Client s3(URI endpoint, ExecutionInterceptor interceptor) {
    return s3Builder(endpoint)
        .overrideConfiguration(o -> o.addExecutionInterceptor(interceptor))
        .build();
  }

  public static DynamoDbClient dynamoDb(URI endpoint) {
    return dynamoDbBuilder(endpoint).build();
  }

  /** An S3 client whose every call fails with an {@code SdkClientException}, without retrying. */
  public static S3Client deadS3() {
    return s3Builder(closedPortEndpoint())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** A DynamoDB client whose every call fails with an {@code SdkClientException}, no retries. */
  public static DynamoDbClient deadDynamoDb() {
    return dynamoDbBuilder(closedPortEndpoint())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** An endpoint on 127.0.0.1 where nothing listens: a port just bound and released. */
  public static URI closedPortEndpoint() {
    return URI.create("http://127.0.0.1:" + freePort());
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  private static inkwell.aws.AwsClients.Settings settings(URI endpoint) {
    return new inkwell.aws.AwsClients.Settings(REGION, endpoint, endpoint, credentials());
  }

  private static S3ClientBuilder s3Builder(URI endpoint) {
    return inkwell.aws.AwsClients.s3Builder(settings(endpoint));
  }

  private static DynamoDbClientBuilder dynamoDbBuilder(URI endpoint) {
    return inkwell.aws.AwsClients.dynamoDbBuilder(settings(endpoint));
  }
}
