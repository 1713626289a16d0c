package inkwell.aws;

import static inkwell.aws.Attributes.s;

import inkwell.storage.SourceCatalog;
import inkwell.storage.SourceRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The source records of the posts table ({@link PostTable}: {@code SRC#{key}} / {@code SRC}).
 * {@link #all()} is a Scan filtered to source items: it reads the whole table, which is right for
 * an operator's report and wrong for a page view (no reader path calls it). {@link #find} is one
 * consistent BatchGetItem per 100 keys. Thread-safe.
 */
public final class DynamoSourceCatalog implements SourceCatalog {

  private static final int BATCH = 100;

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoSourceCatalog(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public List<SourceRecord> all() {
    List<SourceRecord> records = new ArrayList<>();
    dynamo
        .scanPaginator(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .filterExpression("sk = :sk")
                    .expressionAttributeValues(Map.of(":sk", s(PostTable.SOURCE_SK))))
        .items()
        .forEach(item -> records.add(SourceItems.record(item)));
    return records;
  }

  @Override
  public Map<String, SourceRecord> find(Collection<String> keys) {
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(keys));
    Map<String, SourceRecord> found = new HashMap<>();
    for (int from = 0; from < unique.size(); from += BATCH) {
      List<Map<String, AttributeValue>> batch = new ArrayList<>();
      for (String key : unique.subList(from, Math.min(unique.size(), from + BATCH))) {
        batch.add(
            Map.of(PostTable.PK, s(PostTable.sourcePk(key)), PostTable.SK, s(PostTable.SOURCE_SK)));
      }
      Map<String, KeysAndAttributes> request =
          Map.of(table, KeysAndAttributes.builder().keys(batch).consistentRead(true).build());
      while (!request.isEmpty()) {
        Map<String, KeysAndAttributes> asked = request;
        BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(asked));
        for (Map<String, AttributeValue> item :
            response.responses().getOrDefault(table, List.of())) {
          SourceRecord record = SourceItems.record(item);
          found.put(record.sourceKey(), record);
        }
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return found;
  }
}
