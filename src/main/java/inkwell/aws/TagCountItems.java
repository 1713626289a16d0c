package inkwell.aws;

import static inkwell.aws.Attributes.n;
import static inkwell.aws.Attributes.s;

import inkwell.storage.TagCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tag count items: one per tag under {@code pk = TAGCOUNTS}, holding a summary per ledger shard
 * of {@link TagLedger} (its change counter, how many of its posts are always visible, the
 * visibility times of the others, and the smallest slug with the tag's name as that post spells
 * it), so that the count of posts visible at any moment is computed at read time, and scheduled or
 * expiring posts count from and until their time without a write. A marker item says the counts
 * cover every membership of the table (written on the first publish into an empty table, or by a
 * rebuild); without it the tag index is counted from the memberships, as before counts were kept.
 */
final class TagCountItems {

  static final String SHARD_PREFIX = "s";

  /** The marker's sort key: no tag slug starts with "!". */
  static final String READY = "!ready";

  private TagCountItems() {}

  /** A shard's summary of {@code ledger}, the shard item as a ledger write returned it. */
  static Map<String, AttributeValue> summary(Map<String, AttributeValue> ledger, Instant now) {
    int always = 0;
    List<AttributeValue> timed = new ArrayList<>();
    String first = null;
    AttributeValue firstName = null;
    for (Map.Entry<String, AttributeValue> attribute : ledger.entrySet()) {
      if (!attribute.getKey().startsWith(TagLedger.ENTRY_PREFIX)) {
        continue;
      }
      Map<String, AttributeValue> entry = attribute.getValue().m();
      Instant from = Attributes.instant(entry, "from");
      boolean alwaysVisible = (from == null || !from.isAfter(now)) && !entry.containsKey("expires");
      if (alwaysVisible) {
        always++;
      } else {
        Map<String, AttributeValue> times = new HashMap<>();
        if (from != null) {
          times.put("from", entry.get("from"));
        }
        if (entry.containsKey("expires")) {
          times.put("expires", entry.get("expires"));
        }
        timed.add(AttributeValue.fromM(times));
      }
      String slug = attribute.getKey().substring(TagLedger.ENTRY_PREFIX.length());
      if (first == null || slug.compareTo(first) < 0) {
        first = slug;
        firstName = entry.get("name");
      }
    }
    Map<String, AttributeValue> summary = new HashMap<>();
    summary.put("changes", ledger.getOrDefault("changes", n(0)));
    summary.put("always", n(always));
    summary.put("timed", AttributeValue.fromL(timed));
    if (first != null) {
      summary.put("first", s(first));
      summary.put("name", firstName);
    }
    return summary;
  }

  /** The marker item: the counts cover every membership. */
  static Map<String, AttributeValue> marker() {
    return Map.of(PostTable.PK, s(PostTable.TAG_COUNTS), PostTable.SK, s(READY));
  }

  static boolean isMarker(Map<String, AttributeValue> item) {
    return READY.equals(Attributes.string(item, PostTable.SK));
  }

  /**
   * The tag's count of posts visible at {@code now}, or null if none is: the sum over its shards.
   */
  static TagCount count(Map<String, AttributeValue> item, Instant now) {
    int posts = 0;
    String first = null;
    String name = null;
    for (int shard = 0; shard < TagLedger.SHARDS; shard++) {
      AttributeValue value = item.get(SHARD_PREFIX + shard);
      if (value == null || !value.hasM()) {
        continue;
      }
      Map<String, AttributeValue> summary = value.m();
      posts += Integer.parseInt(summary.get("always").n());
      for (AttributeValue times : summary.get("timed").l()) {
        Instant from = Attributes.instant(times.m(), "from");
        Instant expires = Attributes.instant(times.m(), "expires");
        if ((from == null || !from.isAfter(now)) && (expires == null || now.isBefore(expires))) {
          posts++;
        }
      }
      String shardFirst = Attributes.string(summary, "first");
      if (shardFirst != null && (first == null || shardFirst.compareTo(first) < 0)) {
        first = shardFirst;
        name = Attributes.string(summary, "name");
      }
    }
    String slug = Attributes.string(item, PostTable.SK);
    return posts == 0 ? null : new TagCount(name, slug, posts);
  }
}
