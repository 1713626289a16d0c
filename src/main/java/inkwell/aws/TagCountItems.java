package inkwell.aws;

import static inkwell.aws.Attributes.s;

import inkwell.post.Post;
import inkwell.storage.TagCount;
import java.time.Instant;
import java.util.ArrayList;
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
 *
 * <p>A summary is one string, {@code counter|always[|from~expires]...[|=name]}: the tag index reads
 * a summary per shard of every tag, and the emulator's time and the SDK's follow the attributes and
 * bytes they parse (a map of four numbers costs about three times a string). The counter leads,
 * length-prefixed base 36 ({@link #counter}), so that summaries compare as their counters do and a
 * write's condition can keep a later change's summary with one string comparison. Summaries written
 * as maps (before this layout) are still read, and replaced by the next write of their shard.
 */
final class TagCountItems {

  static final String SHARD_PREFIX = "s";

  /** The marker's sort key: no tag slug starts with "!". */
  static final String READY = "!ready";

  private static final String NAME_MARK = "|=";

  private TagCountItems() {}

  /**
   * A shard's summary of {@code ledger}, the shard item as a ledger write returned it: one string
   * that sorts after the summary of every earlier change of the shard.
   */
  static AttributeValue summary(String tag, Map<String, AttributeValue> ledger, Instant now) {
    int always = 0;
    List<String> timed = new ArrayList<>();
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
            Timestamps.format(from == null ? Instant.EPOCH : from)
                + "~"
                + (expires == null ? "" : Timestamps.format(expires)));
      }
      String name = Attributes.string(entry, "name");
      if (name != null && (smallest == null || name.compareTo(smallest) < 0)) {
        smallest = name;
      }
    }
    StringBuilder summary = new StringBuilder(counter(changes(ledger))).append('|').append(always);
    timed.forEach(times -> summary.append('|').append(times));
    if (smallest != null && !tag.equals(smallest)) {
      summary.append(NAME_MARK).append(smallest);
    }
    return s(summary.toString());
  }

  /** The ledger shard's change counter. */
  static long changes(Map<String, AttributeValue> ledger) {
    AttributeValue changes = ledger.get("changes");
    return changes == null ? 0 : Long.parseLong(changes.n());
  }

  /**
   * {@code changes} in base 36 after one character giving its number of digits, so that two
   * counters compare as strings (DynamoDB's byte order) as they do as numbers, and a summary (the
   * counter, then "|") sorts after the bare counter it starts with and before any larger one.
   */
  static String counter(long changes) {
    String digits = Long.toString(changes, 36);
    return Character.forDigit(digits.length(), 36) + digits;
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
      if (value == null) {
        continue;
      }
      Shard summary = value.hasM() ? Shard.ofMap(value.m()) : Shard.of(value.s());
      posts += summary.always;
      for (String times : summary.timed) {
        int at = times.indexOf('~');
        Instant from = Timestamps.parse(times.substring(0, at));
        Instant expires =
            at + 1 == times.length() ? null : Timestamps.parse(times.substring(at + 1));
        if (Post.isWithin(from, expires, now)) {
          posts++;
        }
      }
      String shardName = summary.name == null ? slug : summary.name;
      if (name == null || shardName.compareTo(name) < 0) {
        name = shardName;
      }
    }
    return posts == 0 ? null : new TagCount(name, slug, posts);
  }

  /** A summary read back: the always-visible count, the timed posts' "from~expires", the name. */
  private record Shard(int always, List<String> timed, String name) {

    static Shard of(String summary) {
      int nameAt = summary.indexOf(NAME_MARK);
      String head = nameAt < 0 ? summary : summary.substring(0, nameAt);
      String name = nameAt < 0 ? null : summary.substring(nameAt + NAME_MARK.length());
      String[] fields = head.split("\\|", -1);
      List<String> timed = List.of(fields).subList(2, fields.length);
      return new Shard(Integer.parseInt(fields[1]), timed, name);
    }

    /** The layout before summaries were strings: {c, a, t: ["from|expires"...], n}. */
    static Shard ofMap(Map<String, AttributeValue> summary) {
      List<String> timed = new ArrayList<>();
      if (summary.containsKey("t")) {
        summary.get("t").l().forEach(times -> timed.add(times.s().replace('|', '~')));
      }
      String name = summary.containsKey("n") ? summary.get("n").s() : null;
      return new Shard(Integer.parseInt(summary.get("a").n()), timed, name);
    }
  }
}
