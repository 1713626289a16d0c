package inkwell.aws;

import static inkwell.aws.Attributes.s;

import inkwell.storage.Listing;
import inkwell.storage.Menu;
import inkwell.storage.MenuLink;
import inkwell.storage.Page;
import inkwell.storage.PostReader;
import inkwell.storage.PostSummary;
import inkwell.storage.StoredPost;
import inkwell.storage.TagCount;
import inkwell.support.Gzip;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The site's reads of the posts table (layout in {@link PostTable}): a post page is one GetItem
 * (plus one S3 GetObject if its body was spilled); a listing page is one Query on the sparse
 * listing index, whose key condition ({@code visibleFrom <= now}) hides scheduled posts; expired
 * posts are filtered in the same request. Never writes. Thread-safe.
 *
 * <pre>{@code
 * PostReader posts = new DynamoPostReader(dynamo, "blog-posts", bodies);
 * posts.list(new Listing.All(), Instant.now(), 10, null);
 * }</pre>
 */
public final class DynamoPostReader implements PostReader {

  private final DynamoDbClient dynamo;
  private final String table;
  private final TableItems items;
  private final BodyStore bodies;
  private final Listings listings;

  public DynamoPostReader(DynamoDbClient dynamo, String table, BodyStore bodies) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.bodies = Objects.requireNonNull(bodies, "bodies");
    this.items = new TableItems(dynamo, table);
    this.listings = new Listings(dynamo, table);
  }

  @Override
  public Optional<StoredPost> findPost(String slug) {
    return items.get(PostTable.postPk(slug), PostTable.POST_SK, false).map(this::storedPost);
  }

  /** The post stored in {@code item}, its body read from the bucket if it was spilled. */
  StoredPost storedPost(Map<String, AttributeValue> item) {
    String slug = Attributes.string(item, "slug");
    StoredPost.State state = StoredPost.State.valueOf(Attributes.string(item, "state"));
    return switch (state) {
      case LIVE, DRAFT -> new StoredPost(slug, state, PostItems.post(item, body(item)), null);
      case GONE -> new StoredPost(slug, state, null, null);
      case MOVED -> new StoredPost(slug, state, null, Attributes.string(item, "movedTo"));
    };
  }

  private String body(Map<String, AttributeValue> item) {
    if (item.containsKey("body")) {
      return item.get("body").s();
    }
    byte[] gzipped =
        item.containsKey("bodyGz")
            ? item.get("bodyGz").b().asByteArrayUnsafe()
            : bodies.get(Attributes.string(item, "bodyRef"));
    return new String(Gzip.decompress(gzipped), StandardCharsets.UTF_8);
  }

  @Override
  public List<StoredPost> findPosts(List<String> slugs) {
    if (slugs.isEmpty()) {
      return List.of();
    }
    if (slugs.size() > 100) {
      throw new IllegalArgumentException("at most 100 posts at a time, asked for " + slugs.size());
    }
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String slug : new LinkedHashSet<>(slugs)) {
      keys.add(Map.of(PostTable.PK, s(PostTable.postPk(slug)), PostTable.SK, s(PostTable.POST_SK)));
    }
    Map<String, StoredPost> found = new HashMap<>();
    Map<String, KeysAndAttributes> request =
        Map.of(table, KeysAndAttributes.builder().keys(keys).build());
    while (!request.isEmpty()) {
      Map<String, KeysAndAttributes> batch = request;
      BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(batch));
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
        StoredPost post = storedPost(item);
        found.put(post.slug(), post);
      }
      request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    return slugs.stream().filter(found::containsKey).map(found::get).toList();
  }

  @Override
  public Optional<PostSummary> adjacent(String slug, boolean older, Instant now) {
    return items
        .get(PostTable.postPk(slug), PostTable.POST_SK, false)
        .map(DynamoPostReader::position)
        .flatMap(position -> listings.adjacent(position, older, now));
  }

  /**
   * Where a post stands in the home listing; for a live post not listed yet (a renamed post between
   * its writes, docs/ARCHITECTURE.md) where it is about to stand; null for anything else.
   */
  private static String position(Map<String, AttributeValue> item) {
    if (item.containsKey(PostTable.GSI1_SK)) {
      return item.get(PostTable.GSI1_SK).s();
    }
    boolean live = StoredPost.State.LIVE.name().equals(Attributes.string(item, "state"));
    boolean page = item.containsKey("page") && Boolean.TRUE.equals(item.get("page").bool());
    String visibleFrom = Attributes.string(item, "visibleFrom");
    return live && !page && visibleFrom != null
        ? PostTable.listingSk(visibleFrom, Attributes.string(item, "slug"))
        : null;
  }

  @Override
  public Optional<PostSummary> oldest(Instant now) {
    return listings.oldest(now);
  }

  @Override
  public Optional<Instant> nextScheduled(Instant now) {
    return listings.nextScheduled(now);
  }

  @Override
  public Page<PostSummary> list(Listing listing, Instant now, int limit, String cursor) {
    return listings.list(listing, now, limit, cursor);
  }

  @Override
  public Optional<String> findAlias(String path) {
    return items
        .get(PostTable.aliasPk(path), PostTable.ALIAS_SK, false)
        .map(item -> Attributes.string(item, "target"));
  }

  @Override
  public List<TagCount> tags(Instant now) {
    return listings.tags(now);
  }

  @Override
  public List<MenuLink> menu(Instant now) {
    return listings.menuEntries().visibleAt(now);
  }

  @Override
  public Menu menuEntries() {
    return listings.menuEntries();
  }
}
