package inkwell.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The DynamoDB server speaks the DynamoDB wire protocol well enough for the post index. */
@ExtendWith(AwsEmulators.class)
class DynamoDbEmulatorTest {

  private static final String INDEX = "byFeed";

  private final DynamoDbClient dynamoDb;
  private String table;

  DynamoDbEmulatorTest(DynamoDbClient dynamoDb) {
    this.dynamoDb = dynamoDb;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  @BeforeEach
  void createTableWithAGlobalSecondaryIndex() {
    table = Emulators.uniqueName("posts");
    dynamoDb.createTable(
        b ->
            b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("feed"), attribute("publishedAt"))
                .keySchema(key("pk", KeyType.HASH))
                .globalSecondaryIndexes(
                    GlobalSecondaryIndex.builder()
                        .indexName(INDEX)
                        .keySchema(key("feed", KeyType.HASH), key("publishedAt", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build()));
    dynamoDb
        .waiter()
        .waitUntilTableExists(
            b -> b.tableName(table),
            w ->
                w.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(100)))
                    .maxAttempts(100));
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private void putPost(String pk, String feed, String publishedAt) {
    dynamoDb.putItem(
        b ->
            b.tableName(table)
                .item(Map.of("pk", s(pk), "feed", s(feed), "publishedAt", s(publishedAt))));
  }

  @Test
  void theTableIsOnDemandAndHasItsGlobalSecondaryIndex() {
    TableDescription description = dynamoDb.describeTable(b -> b.tableName(table)).table();

    assertThat(description.billingModeSummary().billingMode())
        .isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(description.globalSecondaryIndexes())
        .singleElement()
        .satisfies(index -> assertThat(index.indexName()).isEqualTo(INDEX));
  }

  @Test
  void aPutConditionalOnANewerSequencerFailsWhenTheStoredOneIsNewer() {
    String condition = "attribute_not_exists(pk) OR sequencer < :seq";
    dynamoDb.putItem(
        b ->
            b.tableName(table)
                .item(Map.of("pk", s("posts/a.md"), "sequencer", s("0A"), "title", s("new")))
                .conditionExpression(condition)
                .expressionAttributeValues(Map.of(":seq", s("0A"))));

    assertThatThrownBy(
            () ->
                dynamoDb.putItem(
                    b ->
                        b.tableName(table)
                            .item(
                                Map.of(
                                    "pk", s("posts/a.md"), "sequencer", s("09"), "title", s("old")))
                            .conditionExpression(condition)
                            .expressionAttributeValues(Map.of(":seq", s("09")))))
        .isInstanceOf(ConditionalCheckFailedException.class);

    Map<String, AttributeValue> stored =
        dynamoDb
            .getItem(
                b -> b.tableName(table).key(Map.of("pk", s("posts/a.md"))).consistentRead(true))
            .item();
    assertThat(stored).containsEntry("title", s("new")).containsEntry("sequencer", s("0A"));
  }

  @Test
  void aDescendingQueryOnTheIndexWithALimitPagesThroughLastEvaluatedKey() {
    for (int day = 1; day <= 5; day++) {
      putPost("posts/" + day + ".md", "published", "2024-01-0" + day);
    }
    putPost("posts/draft.md", "draft", "2024-01-09");

    List<String> dates = new ArrayList<>();
    List<QueryResponse> pages = new ArrayList<>();
    Map<String, AttributeValue> startKey = null;
    do {
      Map<String, AttributeValue> from = startKey;
      QueryResponse page =
          dynamoDb.query(
              b ->
                  b.tableName(table)
                      .indexName(INDEX)
                      .keyConditionExpression("feed = :feed")
                      .expressionAttributeValues(Map.of(":feed", s("published")))
                      .scanIndexForward(false)
                      .limit(2)
                      .exclusiveStartKey(from));
      pages.add(page);
      page.items().forEach(item -> dates.add(item.get("publishedAt").s()));
      startKey = page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
    } while (startKey != null && pages.size() < 10);

    assertThat(dates)
        .containsExactly("2024-01-05", "2024-01-04", "2024-01-03", "2024-01-02", "2024-01-01");
    assertThat(pages.get(0).items()).hasSize(2);
    assertThat(pages.get(0).lastEvaluatedKey())
        .containsOnlyKeys("pk", "feed", "publishedAt")
        .containsEntry("publishedAt", s("2024-01-04"));
  }
}
