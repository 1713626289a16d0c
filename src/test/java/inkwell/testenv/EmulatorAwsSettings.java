package inkwell.testenv;

import inkwell.aws.AwsClients;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Points the handlers' AWS clients at the emulators when a test starts a Micronaut context with
 * {@value #S3_ENDPOINT} and {@value #DYNAMODB_ENDPOINT} set, instead of reading the process
 * environment, and counts the requests they send ({@link RequestCounter} bean). Every other {@link
 * ExecutionInterceptor} bean in the context goes on both clients too. Everything else about the
 * clients is the production configuration.
 */
@Factory
@Requires(property = EmulatorAwsSettings.S3_ENDPOINT)
public class EmulatorAwsSettings {

  public static final String S3_ENDPOINT = "inkwell.test.s3-endpoint";
  public static final String DYNAMODB_ENDPOINT = "inkwell.test.dynamodb-endpoint";

  /** Optional: the SQS endpoint (ElasticMQ, {@link SqsEmulator}) for the search queue. */
  public static final String SQS_ENDPOINT = "inkwell.test.sqs-endpoint";

  /**
   * The properties of a handler of {@code bucket} and {@code table} whose clients go to the
   * emulators, in a new map that the caller may add to.
   */
  public static Map<String, Object> onEmulators(Emulators emulators, String bucket, String table) {
    return onEmulators(emulators, Map.of("inkwell.bucket", bucket, "inkwell.table", table));
  }

  /**
   * The properties of a handler whose clients go to the emulators: {@code properties} with both
   * endpoints added, in a new map that the caller may add to.
   */
  public static Map<String, Object> onEmulators(
      Emulators emulators, Map<String, Object> properties) {
    Map<String, Object> all = new java.util.HashMap<>(properties);
    all.put(S3_ENDPOINT, emulators.s3Endpoint().toString());
    all.put(DYNAMODB_ENDPOINT, emulators.dynamoDbEndpoint().toString());
    return all;
  }

  /** Counts the requests the handler's own SDK clients send. */
  @Singleton
  RequestCounter requestCounter() {
    return new RequestCounter();
  }

  @Singleton
  @Replaces(DynamoDbClient.class)
  DynamoDbClient countedDynamoDb(
      AwsClients.Settings settings, List<ExecutionInterceptor> interceptors) {
    return AwsClients.dynamoDbBuilder(settings)
        .overrideConfiguration(o -> o.executionInterceptors(interceptors))
        .build();
  }

  @Singleton
  @Replaces(S3Client.class)
  S3Client countedS3(AwsClients.Settings settings, List<ExecutionInterceptor> interceptors) {
    return AwsClients.s3Builder(settings)
        .overrideConfiguration(o -> o.executionInterceptors(interceptors))
        .build();
  }

  @Singleton
  @Replaces(AwsClients.Settings.class)
  AwsClients.Settings emulatorSettings(
      @Value("${" + S3_ENDPOINT + "}") String s3,
      @Value("${" + DYNAMODB_ENDPOINT + "}") String dynamo,
      @Value("${" + SQS_ENDPOINT + ":}") String sqs) {
    return new AwsClients.Settings(
        inkwell.testenv.AwsClients.REGION,
        URI.create(s3),
        URI.create(dynamo),
        sqs.isEmpty() ? null : URI.create(sqs),
        inkwell.testenv.AwsClients.credentials());
  }
}
