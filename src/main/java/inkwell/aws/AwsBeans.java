package inkwell.aws;

import inkwell.config.BlogConfig;
import inkwell.storage.EdgeCache;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS adapters as beans. Clients are created on first use and reused for the life of the
 * container; their settings come from the process environment ({@link AwsClients.Settings}).
 */
@Factory
class AwsBeans {

  @Singleton
  AwsClients.Settings settings() {
    return AwsClients.Settings.fromEnvironment(System.getenv());
  }

  @Singleton
  S3Client s3(AwsClients.Settings settings) {
    return AwsClients.s3(settings);
  }

  @Singleton
  DynamoDbClient dynamoDb(AwsClients.Settings settings) {
    return AwsClients.dynamoDb(settings);
  }

  @Singleton
  SqsClient sqs(AwsClients.Settings settings) {
    return AwsClients.sqs(settings);
  }

  /**
   * Opens a CloudFront distribution as the index function's edge cache. Nothing CloudFront is
   * loaded until a distribution is opened: only the index function's package has the module.
   */
  @Singleton
  EdgeCache.Opener edgeCaches(AwsClients.Settings settings) {
    return CloudFrontEdgeCache.opener(settings);
  }

  /** The search index's snapshots and pointer in the content bucket. */
  @Singleton
  S3SnapshotStore snapshots(S3Client s3, BlogConfig config) {
    return new S3SnapshotStore(
        s3,
        required(config.getBucket(), "INKWELL_BUCKET", "the content bucket"),
        config.getSearchPrefix());
  }

  @Singleton
  S3ContentStore contentStore(S3Client s3, BlogConfig config) {
    return new S3ContentStore(
        s3,
        required(config.getBucket(), "INKWELL_BUCKET", "the content bucket"),
        config.getPostsPrefix(),
        config.getStatusPrefix(),
        config.getBodiesPrefix(),
        config.getMediaPrefix());
  }

  /** The publish function's half of the posts table. */
  @Singleton
  DynamoPostWriter postWriter(
      DynamoDbClient dynamo, S3ContentStore content, BlogConfig config, Clock clock) {
    return new DynamoPostWriter(dynamo, table(config), content, clock);
  }

  /** The site's half of the posts table: reads only. */
  @Singleton
  DynamoPostReader postReader(DynamoDbClient dynamo, S3ContentStore content, BlogConfig config) {
    return new DynamoPostReader(dynamo, table(config), content);
  }

  private static String table(BlogConfig config) {
    return required(config.getTable(), "INKWELL_TABLE", "the posts table");
  }

  static String required(String value, String variable, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(variable + " is not set: it must name " + what);
    }
    return value;
  }
}
