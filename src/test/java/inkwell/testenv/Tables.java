package inkwell.testenv;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * Creates tables from their definition in {@code template.yaml}, so the tests run against exactly
 * the keys and indexes that are deployed: there is no second copy of the schema to drift.
 */
public final class Tables {

  private static final Duration POLL = Duration.ofMillis(50);
  private static final int MAX_POLLS = 600;

  private Tables() {}

  /**
   * Creates the template's {@code PostsTable} under {@code name} and waits until it is active,
   * asking every 50 ms: the SDK waiter's own delay is 20 s, which a table still {@code CREATING} at
   * the first look (dynalite on a busy machine) would cost in full.
   */
  public static void createPostsTable(DynamoDbClient dynamo, String name) {
    dynamo.createTable(fromTemplate(SamTemplate.load(), "PostsTable", name));
    dynamo
        .waiter()
        .waitUntilTableExists(
            r -> r.tableName(name),
            w ->
                w.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(POLL))
                    .maxAttempts(MAX_POLLS));
  }

  @SuppressWarnings("unchecked")
  static CreateTableRequest fromTemplate(SamTemplate template, String resource, String name) {
    Map<String, Object> props = template.properties(resource);
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.fromValue((String) props.get("BillingMode")))
            .attributeDefinitions(
                ((List<Map<String, Object>>) props.get("AttributeDefinitions"))
                    .stream()
                        .map(
                            a ->
                                AttributeDefinition.builder()
                                    .attributeName((String) a.get("AttributeName"))
                                    .attributeType((String) a.get("AttributeType"))
                                    .build())
                        .toList())
            .keySchema(keySchema(props.get("KeySchema")));
    List<Map<String, Object>> indexes =
        (List<Map<String, Object>>) props.getOrDefault("GlobalSecondaryIndexes", List.of());
    if (!indexes.isEmpty()) {
      request.globalSecondaryIndexes(
          indexes.stream()
              .map(
                  index -> {
                    Map<String, Object> projection = (Map<String, Object>) index.get("Projection");
                    return GlobalSecondaryIndex.builder()
                        .indexName((String) index.get("IndexName"))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(
                            Projection.builder()
                                .projectionType((String) projection.get("ProjectionType"))
                                .nonKeyAttributes(
                                    (List<String>)
                                        projection.getOrDefault("NonKeyAttributes", null))
                                .build())
                        .build();
                  })
              .toList());
    }
    return request.build();
  }

  @SuppressWarnings("unchecked")
  private static List<KeySchemaElement> keySchema(Object schema) {
    return ((List<Map<String, Object>>) schema)
        .stream()
            .map(
                k ->
                    KeySchemaElement.builder()
                        .attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType"))
                        .build())
            .toList();
  }
}
