package inkwell.aws;

import static inkwell.aws.Attributes.n;
import static inkwell.aws.Attributes.s;

import inkwell.post.Post;
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
 * visibility times of the others, and the tag's name as the shard's first post spells it, when that
 * differs from the slug; the index shows the smallest of the spellings), so that the count of posts
 * visible at any moment is computed at read time, and scheduled or expiring posts count from and
 * until their time without a write. A marker item says the counts cover every membership of the
 * table (written on the first publish into an empty table, or by a rebuild); without it the tag
 * index is counted from the memberships, as before counts were kept.
 */
final class TagCountItems {

  static final String SHARD_PREFIX = "s";

  /** A shard summary's change counter, the ledger shard's at the write it summarises. */
  static final String CHANGES = "c";

  private static final String ALWAYS = "a";
  private static final String TIMED = "t";
  private static final String NAME = "n";

  /** The marker's sort key: no tag slug starts with "!". */
  static final String READY = "!ready";

  private TagCountItems() {}

  /**
   * A shard's summary of {@code ledger}, the shard item as a ledger write returned it. One-letter
   * names: the tag index reads a summary per shard of every tag, so its size is the page's cost.
   */
  static Map<String, AttributeValue> summary(
      String tag, Map<String, AttributeValue> ledger, Instant now) {
    int always = 0;
    List<AttributeValue> timed = new ArrayList<>();
    String smallest = null;
    for (Map.Entry<String, AttributeValue> attribute : ledger.entrySet()) {
      if (!attribute.getKey().startsWith(TagLedger.ENTRY_PREFIX)) {
        continue;
      }
      Map<String, AttributeValue> entry = attribute.getValue().m();
      Instant from = Attributes.instant(entry, "from");
      Instant expires = Attributes.instant(entry, "expires");
      if ((from == null || !from.isAfter(now)) && expires == null) {
        always++;
      } else {
        timed.add(
            s(
                Timestamps.format(from == null ? Instant.EPOCH : from)
                    + "|"
                    + (expires == null ? "" : Timestamps.format(expires))));
      }
      String name = Attributes.string(entry, "name");
      if (name != null && (smallest == null || name.compareTo(smallest) < 0)) {
        smallest = name;
      }
    }
    Map<String, AttributeValue> summary = new HashMap<>();
    summary.put(CHANGES, ledger.getOrDefault("changes", n(0)));
    summary.put(ALWAYS, n(always));
    if (!timed.isEmpty()) {
      summary.put(TIMED, AttributeValue.fromL(timed));
    }
    if (smallest != null && !tag.equals(smallest)) {
      summary.put(NAME, s(smallest));
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
    String slug = Attributes.string(item, PostTable.SK);
    int posts = 0;
    String name = null;
    for (int shard = 0; shard < TagLedger.SHARDS; shard++) {
      AttributeValue value = item.get(SHARD_PREFIX + shard);
      if (value == null || !value.hasM()) {
        continue;
      }
      Map<String, AttributeValue> summary = value.m();
      posts += Integer.parseInt(summary.get(ALWAYS).n());
      if (summary.containsKey(TIMED)) {
        for (AttributeValue times : summary.get(TIMED).l()) {
          String[] parts = times.s().split("\\|", -1);
          Instant from = Timestamps.parse(parts[0]);
          Instant expires = parts[1].isEmpty() ? null : Timestamps.parse(parts[1]);
          if (Post.isWithin(from, expires, now)) {
            posts++;
          }
        }
      }
      String shardName = summary.containsKey(NAME) ? summary.get(NAME).s() : slug;
      if (name == null || shardName.compareTo(name) < 0) {
        name = shardName;
      }
    }
    return posts == 0 ? null : new TagCount(name, slug, posts);
  }
}
