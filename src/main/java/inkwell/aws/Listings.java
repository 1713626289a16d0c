package inkwell.aws;

import static inkwell.aws.Attributes.s;

import inkwell.post.Post;
import inkwell.storage.Listing;
import inkwell.storage.Menu;
import inkwell.storage.Page;
import inkwell.storage.PostSummary;
import inkwell.storage.TagCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The reads readers make on the two indexes: listings newest first, the neighbours and the oldest
 * post, and the tag counts, each one query that holds only what is visible now; and the menu, one
 * query of its small partition with each entry's times, to which the caller applies "visible now".
 * Thread-safe.
 */
final class Listings {

  /** The largest Query limit used while filling a page past expired posts. */
  private static final int MAX_BATCH = 500;

  private final DynamoDbClient dynamo;
  private final String table;

  Listings(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** The visible post just before ({@code older}) or after the listing position given. */
  Optional<PostSummary> adjacent(String position, boolean older, Instant now) {
    String upTo = upTo(now);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", s(PostTable.LIST_ALL));
    values.put(":now", s(Timestamps.format(now)));
    String condition;
    if (older) {
      condition = "gsi1pk = :pk AND gsi1sk < :at";
      values.put(":at", s(position));
    } else {
      condition = "gsi1pk = :pk AND gsi1sk BETWEEN :after AND :to";
      values.put(":after", s(position + "\u0000"));
      values.put(":to", s(upTo));
    }
    return dynamo
        .queryPaginator(
            visibleListing(condition, values).scanIndexForward(!older).limit(10).build())
        .items()
        .stream()
        .findFirst()
        .map(PostItems::summary);
  }

  Optional<PostSummary> oldest(Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", s(PostTable.LIST_ALL));
    values.put(":now", s(Timestamps.format(now)));
    values.put(":to", s(upTo(now)));
    return dynamo
        .queryPaginator(
            visibleListing("gsi1pk = :pk AND gsi1sk <= :to", values)
                .scanIndexForward(true)
                .limit(10)
                .build())
        .items()
        .stream()
        .findFirst()
        .map(PostItems::summary);
  }

  /**
   * The publish time of the first post listed after {@code now}: the same index, from just past the
   * visible entries on, oldest first (1 Query; a scheduled post that expires before its time is
   * skipped by the expiry filter as far as the first 10 entries go).
   */
  Optional<Instant> nextScheduled(Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", s(PostTable.LIST_ALL));
    values.put(":now", s(Timestamps.format(now)));
    values.put(":to", s(upTo(now)));
    return dynamo
        .query(
            visibleListing("gsi1pk = :pk AND gsi1sk > :to", values)
                .scanIndexForward(true)
                .limit(10)
                .build())
        .items()
        .stream()
        .map(PostItems::summary)
        .filter(post -> Post.isWithin(post.visibleFrom(), post.expiryDate(), post.visibleFrom()))
        .findFirst()
        .map(PostSummary::visibleFrom);
  }

  Page<PostSummary> list(Listing listing, Instant now, int limit, String cursor) {
    String partition =
        listing instanceof Listing.Tagged tagged
            ? PostTable.TAG_PREFIX + tagged.tagSlug()
            : listing instanceof Listing.Pages ? PostTable.LIST_PAGES : PostTable.LIST_ALL;
    String upTo = upTo(now);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", s(partition));
    values.put(":now", s(Timestamps.format(now)));
    String condition;
    if (listing instanceof Listing.Archive archive) {
      String prefix =
          archive.month() == 0
              ? String.format("%04d", archive.year())
              : String.format("%04d-%02d", archive.year(), archive.month());
      String end = prefix + "\uffff";
      condition = "gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to";
      values.put(":from", s(prefix));
      values.put(":to", s(end.compareTo(upTo) < 0 ? end : upTo));
    } else {
      condition = "gsi1pk = :pk AND gsi1sk <= :to";
      values.put(":to", s(upTo));
    }
    return fill(
        visibleListing(condition, values).scanIndexForward(false), limit, cursor, partition);
  }

  /**
   * Up to {@code limit} visible entries from {@code cursor} on. The expiry filter applies after
   * DynamoDB's {@code Limit}, so a Query page can come back short, or empty, while older posts
   * exist: query on, with a growing limit, until the page is full or the listing ends. The next
   * cursor is the last entry shown, or DynamoDB's LastEvaluatedKey when every entry read was.
   * Without expired posts this is one Query.
   */
  private Page<PostSummary> fill(
      QueryRequest.Builder query, int limit, String cursor, String partition) {
    List<PostSummary> items = new ArrayList<>();
    Map<String, AttributeValue> start = Cursors.decode(cursor, partition);
    int batch = limit;
    while (true) {
      QueryResponse response = dynamo.query(query.limit(batch).exclusiveStartKey(start).build());
      List<Map<String, AttributeValue>> found = response.items();
      for (int i = 0; i < found.size(); i++) {
        items.add(PostItems.summary(found.get(i)));
        if (items.size() == limit) {
          boolean more = i < found.size() - 1 || response.hasLastEvaluatedKey();
          Map<String, AttributeValue> next =
              i < found.size() - 1 ? keyOf(found.get(i)) : response.lastEvaluatedKey();
          return new Page<>(items, more ? Cursors.encode(next) : null);
        }
      }
      if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
        return new Page<>(items, null);
      }
      start = response.lastEvaluatedKey();
      batch = Math.min(batch * 4, MAX_BATCH);
    }
  }

  /** The listing index key of an entry, as a LastEvaluatedKey would give it. */
  private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new HashMap<>();
    for (String name : List.of(PostTable.GSI1_PK, PostTable.GSI1_SK, PostTable.PK, PostTable.SK)) {
      key.put(name, item.get(name));
    }
    return key;
  }

  /**
   * A query on the listing index that only returns what readers may see: {@code condition} bounds
   * the sort key by {@code :to} (at most {@link #upTo(Instant)}, so scheduled posts stay out), and
   * the filter drops expired posts as of {@code :now}.
   */
  private QueryRequest.Builder visibleListing(
      String condition, Map<String, AttributeValue> values) {
    return QueryRequest.builder()
        .tableName(table)
        .indexName(PostTable.LISTING_INDEX)
        .keyConditionExpression(condition)
        .filterExpression("attribute_not_exists(expiresAt) OR expiresAt > :now")
        .expressionAttributeValues(values);
  }

  /**
   * The greatest listing sort key visible at {@code now}: every post from {@code now} or before.
   */
  private static String upTo(Instant now) {
    return Timestamps.format(now) + "#\uffff";
  }

  /**
   * The tags with their count of posts visible at {@code now}, by name: one Query of the tag count
   * items ({@link TagCountItems}) at any size of the blog, or, on a table whose counts are not
   * complete yet (no marker: kept since an upgrade, before a rebuild), counted from every
   * membership as before.
   */
  List<TagCount> tags(Instant now) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamo
        .queryPaginator(
            QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(PostTable.TAG_COUNTS)))
                .build())
        .items()
        .forEach(items::add);
    if (items.stream().noneMatch(TagCountItems::isMarker)) {
      return countedFromMemberships(now);
    }
    List<TagCount> tags = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      TagCount count = TagCountItems.isMarker(item) ? null : TagCountItems.count(item, now);
      if (count != null) {
        tags.add(count);
      }
    }
    tags.sort(BY_NAME);
    return tags;
  }

  private static final Comparator<TagCount> BY_NAME =
      (a, b) -> a.name().compareToIgnoreCase(b.name());

  private List<TagCount> countedFromMemberships(Instant now) {
    Map<String, String> names = new TreeMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Map<String, AttributeValue> item : tagsIndex(PostTable.TAGS_ALL)) {
      if (!visibleAt(item, now)) {
        continue;
      }
      String tagSlug = Attributes.string(item, PostTable.GSI2_SK).split("#", 2)[0];
      names.merge(tagSlug, Attributes.string(item, "tagName"), TagCount::smallerName);
      counts.merge(tagSlug, 1, Integer::sum);
    }
    List<TagCount> tags = new ArrayList<>();
    names.forEach((slug, name) -> tags.add(new TagCount(name, slug, counts.get(slug))));
    tags.sort(BY_NAME);
    return tags;
  }

  /** Every entry of the menu, visible now or not, with its post's times: one Query. */
  Menu menuEntries() {
    List<Menu.Entry> entries = new ArrayList<>();
    for (Map<String, AttributeValue> item : tagsIndex(PostTable.MENU)) {
      entries.add(
          new Menu.Entry(
              PostItems.menuLink(item),
              Attributes.instant(item, "visibleFrom"),
              Attributes.instant(item, "expiresAt")));
    }
    return new Menu(entries);
  }

  /** Every entry of one partition of the tags index, page after page. */
  private Iterable<Map<String, AttributeValue>> tagsIndex(String partition) {
    return dynamo
        .queryPaginator(
            QueryRequest.builder()
                .tableName(table)
                .indexName(PostTable.TAGS_INDEX)
                .keyConditionExpression("gsi2pk = :partition")
                .expressionAttributeValues(Map.of(":partition", s(partition)))
                .build())
        .items();
  }

  /** True if the index entry's post is visible at {@code now}: published and not expired. */
  private static boolean visibleAt(Map<String, AttributeValue> item, Instant now) {
    return Post.isWithin(
        Attributes.instant(item, "visibleFrom"), Attributes.instant(item, "expiresAt"), now);
  }
}
