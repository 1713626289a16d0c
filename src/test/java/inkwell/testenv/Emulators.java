package inkwell.testenv;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The running S3 and DynamoDB servers of this test JVM: their endpoints and shared, thread-safe
 * clients for them. Obtain it through {@link AwsEmulators}; tests must not close the clients.
 */
public final class Emulators {

  private final String backend;
  private final URI s3Endpoint;
  private final URI dynamoDbEndpoint;
  private final S3Client s3;
  private final DynamoDbClient dynamoDb;

  Emulators(Backend backend, Servers servers) {
    this.backend = backend.name().toLowerCase(Locale.ROOT);
    this.s3Endpoint = servers.s3Endpoint();
    this.dynamoDbEndpoint = servers.dynamoDbEndpoint();
    this.s3 = AwsClients.s3(s3Endpoint);
    this.dynamoDb = AwsClients.dynamoDb(dynamoDbEndpoint);
  }

  /** {@code localstack} or {@code embedded}. */
  public String backend() {
    return backend;
  }

  public URI s3Endpoint() {
    return s3Endpoint;
  }

  public URI dynamoDbEndpoint() {
    return dynamoDbEndpoint;
  }

  public S3Client s3() {
    return s3;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  /**
   * The environment variables that point an AWS SDK v2 default client at these servers, for code
   * under test that builds its own clients (a Lambda handler, a child process).
   */
  public Map<String, String> awsEnvironment() {
    return Map.of(
        "AWS_ENDPOINT_URL_S3", s3Endpoint.toString(),
        "AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint.toString(),
        "AWS_REGION", AwsClients.REGION.id(),
        "AWS_ACCESS_KEY_ID", AwsClients.ACCESS_KEY_ID,
        "AWS_SECRET_ACCESS_KEY", AwsClients.SECRET_ACCESS_KEY);
  }

  /**
   * A name no other test uses, valid as an S3 bucket name and as a DynamoDB table name: lower case
   * letters, digits and hyphens, at most 53 characters.
   */
  public static String uniqueName(String prefix) {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    return cleaned.substring(0, Math.min(cleaned.length(), 40)) + "-" + suffix;
  }

  void closeClients() {
    try {
      s3.close();
    } finally {
      dynamoDb.close();
    }
  }
}
