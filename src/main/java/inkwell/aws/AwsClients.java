package inkwell.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.cloudfront.model.TooManyInvalidationsInProgressException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds the SDK clients once per container, from the standard AWS environment: {@code AWS_REGION}
 * (or {@code AWS_DEFAULT_REGION}), and an endpoint for LocalStack, {@code sam local} or the
 * emulators from {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code
 * AWS_ENDPOINT_URL_SQS}, then {@code INKWELL_ENDPOINT_URL} (the template's, empty on AWS), then
 * {@code AWS_ENDPOINT_URL}. Empty values count as unset. Only with an overridden endpoint are
 * path-style addressing and "checksums only when required" switched on, as S3 emulators need;
 * against AWS the SDK's defaults stand. The HTTP client is the JDK's URLConnection: no Netty or
 * Apache client to load at cold start, wrapped so that a dropped connection is retried ({@link
 * RetryableIoHttpClient}).
 */
public final class AwsClients {

  /**
   * Where and as whom to connect.
   *
   * @param s3Endpoint an endpoint override for S3, or {@code null} for AWS's
   * @param dynamoDbEndpoint an endpoint override for DynamoDB, or {@code null} for AWS's
   * @param sqsEndpoint an endpoint override for SQS, or {@code null} for AWS's
   */
  public record Settings(
      Region region,
      URI s3Endpoint,
      URI dynamoDbEndpoint,
      URI sqsEndpoint,
      AwsCredentialsProvider credentials) {

    public Settings {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(credentials, "credentials");
    }

    /** Settings with AWS's own SQS endpoint. */
    public Settings(
        Region region, URI s3Endpoint, URI dynamoDbEndpoint, AwsCredentialsProvider credentials) {
      this(region, s3Endpoint, dynamoDbEndpoint, null, credentials);
    }

    /** Settings from environment variables, as Lambda, {@code sam local} and shells set them. */
    public static Settings fromEnvironment(Map<String, String> env) {
      String region = firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION");
      String shared = firstSet(env, "INKWELL_ENDPOINT_URL", "AWS_ENDPOINT_URL");
      String s3 = firstSet(env, "AWS_ENDPOINT_URL_S3");
      String dynamo = firstSet(env, "AWS_ENDPOINT_URL_DYNAMODB");
      String sqs = firstSet(env, "AWS_ENDPOINT_URL_SQS");
      AwsCredentialsProvider credentials =
          env.containsKey("AWS_ACCESS_KEY_ID")
              ? EnvironmentVariableCredentialsProvider.create()
              : DefaultCredentialsProvider.builder().build();
      return new Settings(
          Region.of(region != null ? region : "us-east-1"),
          uri(s3 != null ? s3 : shared),
          uri(dynamo != null ? dynamo : shared),
          uri(sqs != null ? sqs : shared),
          credentials);
    }

    private static String firstSet(Map<String, String> env, String... names) {
      for (String name : names) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
          return value.strip();
        }
      }
      return null;
    }

    private static URI uri(String value) {
      return value == null || value.isBlank() ? null : URI.create(value.strip());
    }
  }

  private AwsClients() {}

  public static S3Client s3(Settings settings) {
    return s3Builder(settings).build();
  }

  public static DynamoDbClient dynamoDb(Settings settings) {
    return dynamoDbBuilder(settings).build();
  }

  /** The S3 client builder {@link #s3} uses, for callers that add their own settings. */
  public static S3ClientBuilder s3Builder(Settings settings) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(http())
            .region(settings.region())
            .credentialsProvider(settings.credentials());
    if (settings.s3Endpoint() != null) {
      builder
          .endpointOverride(settings.s3Endpoint())
          .forcePathStyle(true)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder;
  }

  /** The DynamoDB client builder {@link #dynamoDb} uses. */
  public static DynamoDbClientBuilder dynamoDbBuilder(Settings settings) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .httpClientBuilder(http())
            .region(settings.region())
            .credentialsProvider(settings.credentials());
    if (settings.dynamoDbEndpoint() != null) {
      builder.endpointOverride(settings.dynamoDbEndpoint());
    }
    return builder;
  }

  /** The SQS client (the publish function's sends to the search queue). */
  public static SqsClient sqs(Settings settings) {
    SqsClientBuilder builder =
        SqsClient.builder()
            .httpClientBuilder(http())
            .region(settings.region())
            .credentialsProvider(settings.credentials());
    if (settings.sqsEndpoint() != null) {
      builder.endpointOverride(settings.sqsEndpoint());
    }
    return builder.build();
  }

  /**
   * The CloudFront client (the index function's invalidations): CloudFront is a global service,
   * reached in the {@code aws-global} region whatever the function's own, always at AWS's endpoint
   * (there is no CloudFront under {@code sam local}). Besides the SDK's usual retries it retries
   * {@code TooManyInvalidationsInProgress} (CloudFront allows 15 wildcard paths in progress per
   * distribution) with exponential backoff, 1 s doubling up to 20 s between attempts, eight
   * attempts in all: about a minute before the error reaches the caller. Only the index function's
   * package carries the CloudFront module (Makefile, {@code cdn-jars}).
   */
  public static CloudFrontClient cloudFront(Settings settings) {
    return cloudFrontBuilder(settings).build();
  }

  /** The CloudFront client builder {@link #cloudFront} uses, for tests that point it elsewhere. */
  public static CloudFrontClientBuilder cloudFrontBuilder(Settings settings) {
    return CloudFrontClient.builder()
        .httpClientBuilder(http())
        .region(Region.AWS_GLOBAL)
        .credentialsProvider(settings.credentials())
        .overrideConfiguration(
            o ->
                o.retryStrategy(
                    AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .retryOnExceptionInstanceOf(TooManyInvalidationsInProgressException.class)
                        .backoffStrategy(
                            BackoffStrategy.exponentialDelay(
                                Duration.ofSeconds(1), Duration.ofSeconds(20)))
                        .maxAttempts(8)
                        .circuitBreakerEnabled(false)
                        .build()));
  }

  /**
   * The HTTP client every AWS client of Inkwell uses: the JDK's URLConnection with short timeouts,
   * its dropped connections retried by the SDK ({@link RetryableIoHttpClient}).
   */
  public static SdkHttpClient.Builder<?> http() {
    return RetryableIoHttpClient.wrapping(
        UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(2))
            .socketTimeout(Duration.ofSeconds(20)));
  }
}
