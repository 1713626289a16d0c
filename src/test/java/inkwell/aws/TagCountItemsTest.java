package inkwell.aws;

import static inkwell.aws.Attributes.n;
import static inkwell.aws.Attributes.s;
import static org.assertj.core.api.Assertions.assertThat;

import inkwell.storage.TagCount;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The tag count items' one-string shard summaries: their order, and what they read back as. */
class TagCountItemsTest {

  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  /**
   * A write's condition compares strings the way DynamoDB does (by their bytes): a summary must
   * sort below the bare counter of every later change and above that of its own and every earlier.
   */
  @Test
  void summariesCompareAsTheirCountersDo() {
    Random random = new Random(15);
    long[] edges = {0, 1, 9, 10, 35, 36, 1295, 1296, 46_655, 46_656, Long.MAX_VALUE - 1};
    for (int i = 0; i < 20_000; i++) {
      long a = i < edges.length ? edges[i] : Math.abs(random.nextLong() >> random.nextInt(63));
      long b = i < edges.length ? a + 1 : Math.abs(random.nextLong() >> random.nextInt(63));
      String summary = summaryAt(a);
      assertThat(Integer.signum(TagCountItems.counter(a).compareTo(TagCountItems.counter(b))))
          .as("counters %d and %d", a, b)
          .isEqualTo(Long.signum(Long.compare(a, b)));
      assertThat(summary.compareTo(TagCountItems.counter(b)) < 0)
          .as("summary at %d below the counter %d", a, b)
          .isEqualTo(a < b);
    }
  }

  @Test
  void aSummaryReadsBackItsCountsTimesAndName() {
    Map<String, AttributeValue> ledger = new HashMap<>();
    ledger.put("changes", n(7));
    ledger.put("e:a", entry(null, null, "Java|Jvm"));
    ledger.put("e:b", entry("2025-07-01T00:00:00Z", null, null));
    ledger.put("e:c", entry(null, "2025-06-15T00:00:00Z", "java"));
    AttributeValue summary = TagCountItems.summary("java", ledger, NOW);

    assertThat(summary.s()).startsWith(TagCountItems.counter(7) + "|1|").endsWith("|=Java|Jvm");
    assertThat(count(summary, NOW)).isEqualTo(new TagCount("Java|Jvm", "java", 2));
    assertThat(count(summary, Instant.parse("2025-06-20T00:00:00Z")))
        .as("expired after its date")
        .isEqualTo(new TagCount("Java|Jvm", "java", 1));
    assertThat(count(summary, Instant.parse("2025-07-02T00:00:00Z")))
        .as("the scheduled post counts from its date")
        .isEqualTo(new TagCount("Java|Jvm", "java", 2));
  }

  /** Counts written before summaries were strings (a map per shard) are still read. */
  @Test
  void aSummaryInTheEarlierMapLayoutIsRead() {
    Map<String, AttributeValue> old = new HashMap<>();
    old.put("c", n(12));
    old.put("a", n(3));
    old.put("t", AttributeValue.fromL(java.util.List.of(s("2025-07-01T00:00:00.000Z|"))));
    old.put("n", s("Go"));
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PostTable.PK, s(PostTable.TAG_COUNTS));
    item.put(PostTable.SK, s("go"));
    item.put("s2", AttributeValue.fromM(old));
    item.put("s5", s(TagCountItems.counter(4) + "|2"));

    assertThat(TagCountItems.count(item, NOW)).isEqualTo(new TagCount("Go", "go", 5));
    assertThat(TagCountItems.count(item, Instant.parse("2025-08-01T00:00:00Z")))
        .isEqualTo(new TagCount("Go", "go", 6));
  }

  private static String summaryAt(long changes) {
    Map<String, AttributeValue> ledger = new HashMap<>();
    ledger.put("changes", n(changes));
    ledger.put("e:x", entry(null, null, null));
    return TagCountItems.summary("x", ledger, NOW).s();
  }

  private static TagCount count(AttributeValue summary, Instant now) {
    return TagCountItems.count(
        Map.of(PostTable.PK, s(PostTable.TAG_COUNTS), PostTable.SK, s("java"), "s0", summary), now);
  }

  private static AttributeValue entry(String from, String expires, String name) {
    Map<String, AttributeValue> entry = new HashMap<>();
    entry.put("src", s("posts/x.md"));
    if (from != null) {
      entry.put("from", s(from));
    }
    if (expires != null) {
      entry.put("expires", s(expires));
    }
    if (name != null) {
      entry.put("name", s(name));
    }
    return AttributeValue.fromM(entry);
  }
}
