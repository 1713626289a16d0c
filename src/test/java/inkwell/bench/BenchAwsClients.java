package inkwell.bench;

import inkwell.aws.AwsClients;
import inkwell.testenv.RequestCounter;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * For handlers run inside the benchmark JVM: the production clients, pointed at the emulators, with
 * a {@link RequestCounter} and a {@link CapacityMeter} on them. Active only when {@value
 * #S3_ENDPOINT} is set, so no test context ever sees it.
 */
@Factory
@Requires(property = BenchAwsClients.S3_ENDPOINT)
class BenchAwsClients {

  static final String S3_ENDPOINT = "inkwell.bench.s3-endpoint";
  static final String DYNAMODB_ENDPOINT = "inkwell.bench.dynamodb-endpoint";

  @Singleton
  RequestCounter requestCounter() {
    return new RequestCounter();
  }

  @Singleton
  CapacityMeter capacityMeter() {
    return new CapacityMeter();
  }

  @Singleton
  @Replaces(AwsClients.Settings.class)
  AwsClients.Settings benchSettings(
      @Value("${" + S3_ENDPOINT + "}") String s3,
      @Value("${" + DYNAMODB_ENDPOINT + "}") String dynamo) {
    return new AwsClients.Settings(
        inkwell.testenv.AwsClients.REGION,
        URI.create(s3),
        URI.create(dynamo),
        inkwell.testenv.AwsClients.credentials());
  }

  @Singleton
  @Replaces(DynamoDbClient.class)
  DynamoDbClient meteredDynamoDb(
      AwsClients.Settings settings, RequestCounter counter, CapacityMeter meter) {
    return AwsClients.dynamoDbBuilder(settings)
        .overrideConfiguration(
            o -> o.addExecutionInterceptor(counter).addExecutionInterceptor(meter))
        .build();
  }

  @Singleton
  @Replaces(S3Client.class)
  S3Client countedS3(AwsClients.Settings settings, RequestCounter counter) {
    return AwsClients.s3Builder(settings)
        .overrideConfiguration(o -> o.addExecutionInterceptor(counter))
        .build();
  }
}
