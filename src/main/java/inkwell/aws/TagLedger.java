package inkwell.aws;

import static inkwell.aws.Attributes.n;
import static inkwell.aws.Attributes.s;

import inkwell.support.StructuredLog;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Keeps each tag's count of posts, so that the tag index is one Query at any size ({@link
 * TagCountItems} reads it). No transactions: two conditional single-item writes per change.
 *
 * <p>The <em>ledger</em> of a tag mirrors its tag memberships: one entry per slug ({@code e:slug},
 * with the membership's source key and sequencer, and its visibility times when they matter), in
 * {@link #SHARDS} items so that a tag of tens of thousands of posts fits. An entry is written after
 * its membership item and removed before it, with the membership's own condition, so the ledger
 * never holds a post the tag page does not list. Each ledger write adds one to the shard's change
 * counter and returns the shard as it now is; the shard's summary (how many entries are always
 * visible, the visibility times of the others, the counter) then goes to the tag's count item, only
 * over an older counter. Whatever the interleaving, the count item ends with the summary of the
 * shard's last change; a retried or repeated write only counts again. A crash between the two
 * writes leaves the count one change behind until the retry, or the tag's next change, writes it.
 */
final class TagLedger {

  /** Ledger items per tag: a tag of up to about 40,000 posts stays under the item size limit. */
  static final int SHARDS = 8;

  static final String ENTRY_PREFIX = "e:";

  /** May replace an entry: none, another source's, or an older event of this source. */
  static final String NOT_LATER_MINE =
      "attribute_not_exists(#e) OR #e.src <> :src OR #e.seq <= :seq";

  /** This very event's entry. */
  static final String EXACTLY_MINE = "#e.src = :src AND #e.seq = :seq";

  private static final StructuredLog LOG = new StructuredLog("inkwell.aws.tags");

  private final TableItems items;
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;
  private volatile boolean checked;

  TagLedger(TableItems items, Clock clock) {
    this.items = items;
    this.dynamo = items.dynamo();
    this.table = items.table();
    this.clock = clock;
  }

  /**
   * Once per instance, before its first publish: if the table lists no post yet, writes the marker
   * that says the counts cover every membership ({@link TagCountItems#READY}), since every
   * membership from now on is counted. A table that already lists posts keeps its marker, or waits
   * for a rebuild to write one.
   */
  void markReadyIfEmpty() {
    if (checked) {
      return;
    }
    Map<String, AttributeValue> marker = TagCountItems.marker();
    boolean present = items.get(PostTable.TAG_COUNTS, TagCountItems.READY, true).isPresent();
    if (!present
        && dynamo
            .query(
                r ->
                    r.tableName(table)
                        .indexName(PostTable.LISTING_INDEX)
                        .keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(PostTable.LIST_ALL)))
                        .limit(1))
            .items()
            .isEmpty()) {
      dynamo.putItem(r -> r.tableName(table).item(marker));
      LOG.info("action", "TAG_COUNTS_READY", "reason", "the first post of an empty table");
    }
    checked = true;
  }

  /**
   * Counts the table's memberships again (an upgraded table, or after a crash whose retries ran
   * out): every membership goes into its tag's ledger, every ledger entry without its membership
   * leaves it, then the marker says the counts are complete. One consistent Scan, and a GetItem per
   * membership and entry to check it still stands; safe beside publishing, whose writes keep their
   * conditions. Returns the memberships counted.
   */
  int rebuild() {
    int counted = 0;
    Map<String, AttributeValue> values =
        Map.of(
            ":post", s(PostTable.POST_PREFIX),
            ":tag", s(PostTable.TAG_PREFIX),
            ":ledger", s(PostTable.TAG_LEDGER_PREFIX));
    for (Map<String, AttributeValue> item :
        dynamo
            .scanPaginator(
                r ->
                    r.tableName(table)
                        .consistentRead(true)
                        .filterExpression(
                            "(begins_with(pk, :post) AND begins_with(sk, :tag))"
                                + " OR begins_with(pk, :ledger)")
                        .expressionAttributeValues(values))
            .items()) {
      String pk = Attributes.string(item, PostTable.PK);
      if (pk.startsWith(PostTable.TAG_LEDGER_PREFIX)) {
        dropEntriesWithoutMembership(pk.substring(PostTable.TAG_LEDGER_PREFIX.length()), item);
      } else {
        add(item);
        counted += standsOrLeaves(pk.substring(PostTable.POST_PREFIX.length()), item) ? 1 : 0;
      }
    }
    dynamo.putItem(r -> r.tableName(table).item(TagCountItems.marker()));
    LOG.info("action", "TAG_COUNTS_READY", "reason", "rebuilt", "memberships", counted);
    return counted;
  }

  private void dropEntriesWithoutMembership(String tag, Map<String, AttributeValue> ledger) {
    ledger.forEach(
        (name, entry) -> {
          if (name.startsWith(ENTRY_PREFIX)) {
            String slug = name.substring(ENTRY_PREFIX.length());
            Map<String, AttributeValue> membership = new HashMap<>(entry.m());
            membership.put(PostTable.SK, s(PostTable.TAG_PREFIX + tag));
            standsOrLeaves(slug, membership);
          }
        });
  }

  /**
   * True if the membership of {@code slug} named by {@code item} (its tag key, source and
   * sequencer) is still in the table; else its ledger entry, if it is that one, is removed.
   */
  private boolean standsOrLeaves(String slug, Map<String, AttributeValue> item) {
    String sk = Attributes.string(item, PostTable.SK);
    String src = Attributes.string(item, "src");
    String seq = Attributes.string(item, "seq");
    boolean stands =
        items
            .get(PostTable.postPk(slug), sk, true)
            .filter(now -> src.equals(Attributes.string(now, "src")))
            .filter(now -> seq.equals(Attributes.string(now, "seq")))
            .isPresent();
    if (!stands) {
      remove(slug, sk.substring(PostTable.TAG_PREFIX.length()), EXACTLY_MINE, src, seq);
    }
    return stands;
  }

  /** Records the membership {@code item} just written (a tag item of {@link RenderedItems}). */
  void add(Map<String, AttributeValue> item) {
    String slug = Attributes.string(item, "slug");
    String tag = tagOf(item);
    Map<String, AttributeValue> entry = new HashMap<>();
    entry.put("src", item.get("src"));
    entry.put("seq", item.get("seq"));
    entry.put("name", item.get("tagName"));
    Instant now = clock.instant();
    Instant from = Attributes.instant(item, "visibleFrom");
    if (from != null && from.isAfter(now)) {
      entry.put("from", Attributes.time(from));
    }
    Instant expires = Attributes.instant(item, "expiresAt");
    if (expires != null) {
      entry.put("expires", Attributes.time(expires));
    }
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":entry", AttributeValue.fromM(entry));
    values.put(":src", item.get("src"));
    values.put(":seq", item.get("seq"));
    update(tag, slug, "SET #e = :entry ADD changes :one", NOT_LATER_MINE, values);
  }

  /**
   * Removes the entry of {@code slug} in {@code tag} if {@code condition} ({@link #NOT_LATER_MINE}
   * or {@link #EXACTLY_MINE}) holds for {@code src} at {@code seq}; call it before deleting the
   * membership item.
   */
  void remove(String slug, String tag, String condition, String src, String seq) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":src", s(src));
    values.put(":seq", s(seq));
    update(tag, slug, "REMOVE #e ADD changes :one", condition, values);
  }

  private void update(
      String tag,
      String slug,
      String expression,
      String condition,
      Map<String, AttributeValue> values) {
    String shard = shard(slug);
    values.put(":one", n(1));
    Map<String, AttributeValue> ledger;
    try {
      ledger =
          dynamo
              .updateItem(
                  UpdateItemRequest.builder()
                      .tableName(table)
                      .key(
                          Map.of(
                              PostTable.PK,
                              s(PostTable.TAG_LEDGER_PREFIX + tag),
                              PostTable.SK,
                              s(shard)))
                      .updateExpression(expression)
                      .conditionExpression(condition)
                      .expressionAttributeNames(Map.of("#e", ENTRY_PREFIX + slug))
                      .expressionAttributeValues(values)
                      .returnValues(ReturnValue.ALL_NEW)
                      .build())
              .attributes();
    } catch (ConditionalCheckFailedException e) {
      LOG.info(
          "action",
          "KEPT",
          "key",
          Attributes.string(values, ":src"),
          "item",
          PostTable.TAG_LEDGER_PREFIX + tag + " " + ENTRY_PREFIX + slug,
          "reason",
          "another event's entry for this post is in the tag's ledger");
      return;
    }
    writeSummary(tag, shard, ledger);
  }

  /**
   * Puts the shard's summary on the tag's count item, unless a later change's is there: a summary
   * sorts below the bare counter of every later change ({@link TagCountItems#counter}). A summary
   * in the earlier map layout is replaced.
   */
  private void writeSummary(String tag, String shard, Map<String, AttributeValue> ledger) {
    AttributeValue summary = TagCountItems.summary(tag, ledger, clock.instant());
    try {
      dynamo.updateItem(
          UpdateItemRequest.builder()
              .tableName(table)
              .key(Map.of(PostTable.PK, s(PostTable.TAG_COUNTS), PostTable.SK, s(tag)))
              .updateExpression("SET #s = :summary")
              .conditionExpression(
                  "attribute_not_exists(#s) OR attribute_type(#s, :map) OR #s < :counter")
              .expressionAttributeNames(Map.of("#s", TagCountItems.SHARD_PREFIX + shard))
              .expressionAttributeValues(
                  Map.of(
                      ":summary",
                      summary,
                      ":map",
                      s("M"),
                      ":counter",
                      s(TagCountItems.counter(TagCountItems.changes(ledger)))))
              .build());
    } catch (ConditionalCheckFailedException e) {
      LOG.info(
          "action",
          "KEPT",
          "item",
          PostTable.TAG_COUNTS + " " + tag,
          "reason",
          "a later change of the tag wrote its count, which includes this one");
    }
  }

  static String shard(String slug) {
    return Integer.toString(Math.floorMod(slug.hashCode(), SHARDS));
  }

  private static String tagOf(Map<String, AttributeValue> item) {
    return Attributes.string(item, PostTable.SK).substring(PostTable.TAG_PREFIX.length());
  }
}
