package inkwell.aws;

import static inkwell.aws.Attributes.s;

import inkwell.storage.Sequencer;
import inkwell.storage.StoredPost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Single-item requests on the posts table: reads by key, and conditional puts and deletes whose
 * condition names the expression values of {@link #values}. A put or delete whose condition fails
 * answers so (empty, false); the caller decides what that means and logs it. Thread-safe.
 */
final class TableItems {

  private final DynamoDbClient dynamo;
  private final String table;

  TableItems(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  DynamoDbClient dynamo() {
    return dynamo;
  }

  String table() {
    return table;
  }

  Optional<Map<String, AttributeValue>> get(String pk, String sk, boolean consistent) {
    var response =
        dynamo.getItem(
            r ->
                r.tableName(table)
                    .key(Map.of(PostTable.PK, s(pk), PostTable.SK, s(sk)))
                    .consistentRead(consistent));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(response.item())
        : Optional.empty();
  }

  /**
   * A conditional put: the item it replaced (an empty map if there was none), or empty if the
   * condition failed.
   */
  Optional<Map<String, AttributeValue>> put(
      Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
    PutItemRequest.Builder request =
        PutItemRequest.builder()
            .tableName(table)
            .item(item)
            .conditionExpression(condition)
            .returnValues(ReturnValue.ALL_OLD);
    if (!values.isEmpty()) {
      request.expressionAttributeValues(usedIn(condition, values));
    }
    if (condition.contains("#state")) {
      request.expressionAttributeNames(Map.of("#state", "state"));
    }
    try {
      var response = dynamo.putItem(request.build());
      return Optional.of(response.hasAttributes() ? response.attributes() : Map.of());
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  /** A conditional delete; false if the condition failed. */
  boolean delete(String pk, String sk, String condition, Map<String, AttributeValue> values) {
    try {
      dynamo.deleteItem(
          DeleteItemRequest.builder()
              .tableName(table)
              .key(Map.of(PostTable.PK, s(pk), PostTable.SK, s(sk)))
              .conditionExpression(condition)
              .expressionAttributeValues(usedIn(condition, values))
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** The tag items under {@code slug} (keys, source and sequencer only), read consistently. */
  List<Map<String, AttributeValue>> tagItems(String slug) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamo
        .queryPaginator(
            QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :tag)")
                .expressionAttributeValues(
                    Map.of(":pk", s(PostTable.postPk(slug)), ":tag", s(PostTable.TAG_PREFIX)))
                .projectionExpression("pk, sk, src, seq")
                .build())
        .items()
        .forEach(items::add);
    return items;
  }

  /** The expression values every condition of a write by {@code src} at {@code sequencer} uses. */
  static Map<String, AttributeValue> values(String src, Sequencer sequencer) {
    return Map.of(
        ":src", s(src),
        ":seq", s(sequencer.normalized()),
        ":gone", s(StoredPost.State.GONE.name()),
        ":moved", s(StoredPost.State.MOVED.name()));
  }

  /** The expression values {@code condition} names (DynamoDB refuses unused ones). */
  private static Map<String, AttributeValue> usedIn(
      String condition, Map<String, AttributeValue> values) {
    Map<String, AttributeValue> used = new HashMap<>();
    values.forEach(
        (name, value) -> {
          if (condition.contains(name)) {
            used.put(name, value);
          }
        });
    return used;
  }
}
