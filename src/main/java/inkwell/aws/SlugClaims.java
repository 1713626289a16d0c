package inkwell.aws;

import inkwell.storage.SlugOwners;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Who wants a slug: one small item per source, in the slug's own partition ({@code POST#slug}, sort
 * key {@code CLAIM#source key}), so that the publish function can hand a slug to the next source
 * when its owner leaves. Thread-safe.
 */
final class SlugClaims {

  static final String CLAIM_PREFIX = "CLAIM#";

  private final DynamoDbClient dynamo;
  private final String table;

  SlugClaims(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  void claim(String slug, String sourceKey) {
    dynamo.putItem(r -> r.tableName(table).item(key(slug, sourceKey)));
  }

  void release(String slug, String sourceKey) {
    dynamo.deleteItem(r -> r.tableName(table).key(key(slug, sourceKey)));
  }

  List<String> claimants(String slug) {
    List<String> keys = new ArrayList<>();
    dynamo
        .queryPaginator(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :claim)")
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", AttributeValue.fromS(PostTable.postPk(slug)),
                            ":claim", AttributeValue.fromS(CLAIM_PREFIX)))
                    .projectionExpression("sk"))
        .items()
        .forEach(item -> keys.add(item.get(PostTable.SK).s().substring(CLAIM_PREFIX.length())));
    keys.sort(SlugOwners.ORDER);
    return keys;
  }

  private static Map<String, AttributeValue> key(String slug, String sourceKey) {
    return Map.of(
        PostTable.PK, AttributeValue.fromS(PostTable.postPk(slug)),
        PostTable.SK, AttributeValue.fromS(CLAIM_PREFIX + sourceKey));
  }
}
