package inkwell.aws;

import static inkwell.aws.Attributes.s;

import inkwell.pipeline.PostPipeline;
import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.post.Tag;
import inkwell.storage.Listing;
import inkwell.storage.MenuLink;
import inkwell.storage.Page;
import inkwell.storage.PostRepository;
import inkwell.storage.PostSummary;
import inkwell.storage.PublishResult;
import inkwell.storage.Sequencer;
import inkwell.storage.SourceRecord;
import inkwell.storage.StoredPost;
import inkwell.storage.TagCount;
import inkwell.support.Gzip;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The posts index in one DynamoDB table (layout in {@link PostTable}).
 *
 * <p>DynamoDB Local's open-source stand-ins lack transactions, and so does this code: it relies on
 * write order and conditions instead. Every item a publish writes carries its source key and
 * sequencer, and every write is conditional on not overwriting a later sequencer of the same source
 * key, so items converge on the highest sequencer whatever the interleaving. The source item is
 * written last, with optimistic locking; a writer that loses to a later event removes what it
 * wrote. Order within a publish: body (S3, if spilled), post item, tag items, stale tag items
 * removed, aliases, old slug marked as moved, source item. So a listing entry never points at a
 * missing body, and a tag item never outlives its post.
 *
 * <p>Reads: a post page is one GetItem (plus one S3 GetObject if its body was spilled); a listing
 * page is one Query on the sparse listing index, whose key condition ({@code visibleFrom <= now})
 * hides scheduled posts; expired posts are filtered in the same request. Thread-safe.
 */
public final class DynamoPostRepository implements PostRepository {

  /** Bodies larger than this (UTF-8 bytes) are stored gzipped. */
  static final int GZIP_THRESHOLD = 16 * 1024;

  /** Items are kept under this size; DynamoDB's limit is 400 KB. */
  static final long MAX_ITEM_BYTES = 350 * 1024;

  private static final int ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(DynamoPostRepository.class);

  /** An item may be replaced by this write: absent, or written by an older event of this source. */
  private static final String MINE_OR_ABSENT =
      "attribute_not_exists(pk) OR (src = :src AND seq <= :seq)";

  private static final String MINE_OR_FOREIGN = "src <> :src OR seq <= :seq";

  private final DynamoDbClient dynamo;
  private final String table;
  private final BodyStore bodies;
  private final Clock clock;
  private final int renderVersion;
  private final SlugClaims claims;
  private final Listings listings;

  /** A repository that stores posts as rendered by {@link PostPipeline#RENDER_VERSION}. */
  public DynamoPostRepository(DynamoDbClient dynamo, String table, BodyStore bodies, Clock clock) {
    this(dynamo, table, bodies, clock, PostPipeline.RENDER_VERSION);
  }

  /** A repository that stores posts as rendered by {@code renderVersion}. */
  public DynamoPostRepository(
      DynamoDbClient dynamo, String table, BodyStore bodies, Clock clock, int renderVersion) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.bodies = Objects.requireNonNull(bodies, "bodies");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.renderVersion = renderVersion;
    this.claims = new SlugClaims(dynamo, table);
    this.listings = new Listings(dynamo, table);
  }

  // ---------------------------------------------------------------- source records

  @Override
  public Optional<SourceRecord> findSource(String sourceKey) {
    return sourceItem(sourceKey).map(SourceItems::record);
  }

  private Optional<Map<String, AttributeValue>> sourceItem(String sourceKey) {
    return get(PostTable.sourcePk(sourceKey), PostTable.SOURCE_SK, true);
  }

  /** Writes the source item if nobody wrote it since it was read (revision check). */
  private boolean putSource(SourceRecord record, Optional<Map<String, AttributeValue>> previous) {
    long revision = previous.map(SourceItems::revision).orElse(0L);
    PutItemRequest.Builder put =
        PutItemRequest.builder().tableName(table).item(SourceItems.item(record, revision + 1));
    if (previous.isEmpty()) {
      put.conditionExpression("attribute_not_exists(pk)");
    } else {
      put.conditionExpression("rev = :rev")
          .expressionAttributeValues(Map.of(":rev", Attributes.n(revision)));
    }
    try {
      dynamo.putItem(put.build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- publish

  @Override
  public PublishResult publish(Post post, Sequencer sequencer) {
    String src = post.sourceKey();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<Map<String, AttributeValue>> previousItem = sourceItem(src);
      Optional<SourceRecord> previous = previousItem.map(SourceItems::record);
      if (previous.isPresent() && previous.get().isLiveAtOrAfter(sequencer)) {
        return new PublishResult.Stale();
      }
      Optional<PublishResult.Conflict> aliasConflict = aliasConflict(post);
      if (aliasConflict.isPresent()) {
        return aliasConflict.get();
      }
      Map<String, AttributeValue> item = RenderedItems.post(post, sequencer, renderVersion, bodies);
      if (Attributes.size(item) > MAX_ITEM_BYTES) {
        return new PublishResult.TooLarge(
            "the post's metadata (title, table of contents, front matter) is too large to store");
      }
      Map<String, AttributeValue> replaced;
      try {
        replaced = put(item, conditionForSlug(), values(src, sequencer), true);
      } catch (ConditionalCheckFailedException e) {
        deleteSpilledBody(item, Map.of());
        return slugTaken(post.slug(), src);
      }
      writeTags(post, sequencer);
      writeAliases(post, sequencer, previous.map(SourceRecord::aliases).orElse(List.of()));
      String oldSlug = previous.map(SourceRecord::slug).orElse(null);
      Map<String, AttributeValue> moved = Map.of();
      if (oldSlug != null && !oldSlug.equals(post.slug())) {
        moved = markMoved(oldSlug, post.slug(), src, sequencer);
      }
      if (putSource(
          SourceRecord.published(
              previous, src, sequencer, post.slug(), post.aliases(), clock.instant()),
          previousItem)) {
        deleteSpilledBody(replaced, item);
        deleteSpilledBody(moved, item);
        return new PublishResult.Published(post.slug(), displaced(replaced, src));
      }
      Optional<SourceRecord> now = findSource(src);
      if (now.isPresent()
          && now.get().content() != null
          && now.get().content().isAfter(sequencer)) {
        rollBack(post, sequencer);
        return new PublishResult.Stale();
      }
      LOG.info("source item of {} changed while publishing; attempt {} again", src, attempt + 1);
    }
    throw new IllegalStateException(
        "could not publish " + src + ": its source item kept changing (" + ATTEMPTS + " attempts)");
  }

  private static String conditionForSlug() {
    // Free, or mine and older, or left behind by another source's deleted or moved post, or held
    // by a source whose key sorts after mine (DynamoDB compares strings by their UTF-8 bytes, the
    // order SlugOwners defines).
    return MINE_OR_ABSENT + " OR (src <> :src AND #state IN (:gone, :moved)) OR src > :src";
  }

  /** The source whose live post this write replaced, if it was another's. */
  private static String displaced(Map<String, AttributeValue> replaced, String src) {
    String owner = replaced.isEmpty() ? null : Attributes.string(replaced, "src");
    String state = replaced.isEmpty() ? null : Attributes.string(replaced, "state");
    boolean owned =
        StoredPost.State.LIVE.name().equals(state) || StoredPost.State.DRAFT.name().equals(state);
    return owned && !src.equals(owner) ? owner : null;
  }

  private PublishResult slugTaken(String slug, String src) {
    Optional<Map<String, AttributeValue>> current =
        get(PostTable.postPk(slug), PostTable.POST_SK, true);
    String owner = current.map(i -> Attributes.string(i, "src")).orElse(null);
    if (owner == null || owner.equals(src)) {
      return new PublishResult.Stale();
    }
    return new PublishResult.Conflict("slug \"" + slug + "\"", owner);
  }

  private Optional<PublishResult.Conflict> aliasConflict(Post post) {
    for (String alias : post.aliases()) {
      Optional<Map<String, AttributeValue>> item =
          get(PostTable.aliasPk(alias), PostTable.ALIAS_SK, true);
      String owner = item.map(i -> Attributes.string(i, "src")).orElse(null);
      if (owner != null && !owner.equals(post.sourceKey())) {
        return Optional.of(new PublishResult.Conflict("alias \"/" + alias + "\"", owner));
      }
    }
    return Optional.empty();
  }

  private void writeTags(Post post, Sequencer sequencer) {
    Set<String> keep = new LinkedHashSet<>();
    if (!post.draft() && !post.page()) {
      Map<String, AttributeValue> listing = PostItems.listing(post);
      for (Tag tag : post.tags()) {
        Map<String, AttributeValue> item =
            RenderedItems.tag(post, tag, listing, sequencer, renderVersion);
        try {
          put(
              item,
              "attribute_not_exists(pk) OR " + MINE_OR_FOREIGN,
              values(post.sourceKey(), sequencer),
              false);
        } catch (ConditionalCheckFailedException e) {
          // a later event of this source wrote it: theirs stands
        }
        keep.add(tag.slug());
      }
    }
    removeTags(post.slug(), keep, post.sourceKey(), sequencer);
  }

  /**
   * Deletes the tag items under {@code slug} not in {@code keep}, unless a later event wrote them.
   */
  private void removeTags(String slug, Set<String> keep, String src, Sequencer sequencer) {
    for (Map<String, AttributeValue> item : tagItems(slug)) {
      String tag = Attributes.string(item, PostTable.SK).substring(PostTable.TAG_PREFIX.length());
      if (!keep.contains(tag)) {
        delete(
            PostTable.postPk(slug),
            Attributes.string(item, PostTable.SK),
            MINE_OR_FOREIGN,
            values(src, sequencer));
      }
    }
  }

  private List<Map<String, AttributeValue>> tagItems(String slug) {
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

  private void writeAliases(Post post, Sequencer sequencer, List<String> previousAliases) {
    String src = post.sourceKey();
    for (String alias : post.aliases()) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(PostTable.PK, s(PostTable.aliasPk(alias)));
      item.put(PostTable.SK, s(PostTable.ALIAS_SK));
      item.put("src", s(src));
      item.put("seq", s(sequencer.normalized()));
      item.put("target", s(post.slug()));
      try {
        put(item, MINE_OR_ABSENT, values(src, sequencer), false);
      } catch (ConditionalCheckFailedException e) {
        LOG.warn("alias /{} of {} was taken meanwhile by another post; left as it is", alias, src);
      }
    }
    for (String alias : previousAliases) {
      if (!post.aliases().contains(alias)) {
        delete(
            PostTable.aliasPk(alias),
            PostTable.ALIAS_SK,
            "src = :src AND seq <= :seq",
            values(src, sequencer));
      }
    }
  }

  /**
   * Turns the post at {@code oldSlug} into a redirect to {@code newSlug}; returns what it replaced.
   */
  private Map<String, AttributeValue> markMoved(
      String oldSlug, String newSlug, String src, Sequencer sequencer) {
    removeTags(oldSlug, Set.of(), src, sequencer);
    Map<String, AttributeValue> item = tombstone(oldSlug, src, sequencer, StoredPost.State.MOVED);
    item.put("movedTo", s(newSlug));
    try {
      return put(item, "src = :src AND seq <= :seq", values(src, sequencer), true);
    } catch (ConditionalCheckFailedException e) {
      return Map.of(); // another source owns it now, or a later event of ours wrote it
    }
  }

  private static Map<String, AttributeValue> tombstone(
      String slug, String src, Sequencer sequencer, StoredPost.State state) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PostTable.PK, s(PostTable.postPk(slug)));
    item.put(PostTable.SK, s(PostTable.POST_SK));
    item.put("slug", s(slug));
    item.put("src", s(src));
    item.put("seq", s(sequencer.normalized()));
    item.put("state", s(state.name()));
    return item;
  }

  /** Undoes what a publish that lost to a later event wrote (items still at its sequencer). */
  private void rollBack(Post post, Sequencer sequencer) {
    Map<String, AttributeValue> values = values(post.sourceKey(), sequencer);
    String exactlyMine = "src = :src AND seq = :seq";
    for (Map<String, AttributeValue> item : tagItems(post.slug())) {
      delete(
          PostTable.postPk(post.slug()),
          Attributes.string(item, PostTable.SK),
          exactlyMine,
          values);
    }
    for (String alias : post.aliases()) {
      delete(PostTable.aliasPk(alias), PostTable.ALIAS_SK, exactlyMine, values);
    }
    try {
      put(
          tombstone(post.slug(), post.sourceKey(), sequencer, StoredPost.State.GONE),
          exactlyMine,
          values,
          false);
    } catch (ConditionalCheckFailedException e) {
      // the later event already replaced it
    }
  }

  // ---------------------------------------------------------------- reject and remove

  @Override
  public boolean reject(String sourceKey, Sequencer sequencer, PostError error, Instant at) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<Map<String, AttributeValue>> previousItem = sourceItem(sourceKey);
      Optional<SourceRecord> previous = previousItem.map(SourceItems::record);
      if (previous.isPresent() && previous.get().latest().isAfter(sequencer)) {
        return false;
      }
      SourceRecord record = SourceRecord.rejected(previous, sourceKey, sequencer, error, at);
      if (putSource(record, previousItem)) {
        return true;
      }
    }
    throw new IllegalStateException("could not record the rejection of " + sourceKey);
  }

  @Override
  public boolean remove(String sourceKey, Sequencer sequencer) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<Map<String, AttributeValue>> previousItem = sourceItem(sourceKey);
      Optional<SourceRecord> previous = previousItem.map(SourceItems::record);
      if (previous.isPresent() && previous.get().contentIsAtOrAfter(sequencer)) {
        return false;
      }
      Map<String, AttributeValue> replaced = Map.of();
      String slug = previous.map(SourceRecord::slug).orElse(null);
      if (slug != null) {
        removeTags(slug, Set.of(), sourceKey, sequencer);
        try {
          replaced =
              put(
                  tombstone(slug, sourceKey, sequencer, StoredPost.State.GONE),
                  "src = :src AND seq <= :seq",
                  values(sourceKey, sequencer),
                  true);
        } catch (ConditionalCheckFailedException e) {
          // another source owns the slug now, or a later event of ours wrote it
        }
        for (String alias : previous.get().aliases()) {
          delete(
              PostTable.aliasPk(alias),
              PostTable.ALIAS_SK,
              "src = :src AND seq <= :seq",
              values(sourceKey, sequencer));
        }
      }
      SourceRecord record = SourceRecord.removed(previous, sourceKey, sequencer, clock.instant());
      if (putSource(record, previousItem)) {
        deleteSpilledBody(replaced, Map.of());
        return true;
      }
    }
    throw new IllegalStateException(
        "could not remove " + sourceKey + ": its source item kept changing");
  }

  @Override
  public boolean displace(String sourceKey, String slug, PostError error, Instant at) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<Map<String, AttributeValue>> item = sourceItem(sourceKey);
      Optional<SourceRecord> record = item.map(SourceItems::record);
      if (record.isEmpty() || !slug.equals(record.get().slug())) {
        return false;
      }
      if (putSource(record.get().displaced(error, at), item)) {
        return true;
      }
    }
    throw new IllegalStateException("could not record that " + sourceKey + " gave up " + slug);
  }

  @Override
  public void claim(String slug, String sourceKey) {
    claims.claim(slug, sourceKey);
  }

  @Override
  public void release(String slug, String sourceKey) {
    claims.release(slug, sourceKey);
  }

  @Override
  public List<String> claimants(String slug) {
    return claims.claimants(slug);
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<StoredPost> findPost(String slug) {
    return get(PostTable.postPk(slug), PostTable.POST_SK, false).map(this::storedPost);
  }

  private StoredPost storedPost(Map<String, AttributeValue> item) {
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
    return get(PostTable.postPk(slug), PostTable.POST_SK, false)
        .map(item -> item.get(PostTable.GSI1_SK))
        .flatMap(position -> listings.adjacent(position.s(), older, now));
  }

  @Override
  public Optional<PostSummary> oldest(Instant now) {
    return listings.oldest(now);
  }

  @Override
  public Page<PostSummary> list(Listing listing, Instant now, int limit, String cursor) {
    return listings.list(listing, now, limit, cursor);
  }

  @Override
  public Optional<String> findAlias(String path) {
    return get(PostTable.aliasPk(path), PostTable.ALIAS_SK, false)
        .map(item -> Attributes.string(item, "target"));
  }

  @Override
  public List<TagCount> tags(Instant now) {
    return listings.tags(now);
  }

  @Override
  public List<MenuLink> menu(Instant now) {
    return listings.menu(now);
  }

  // ---------------------------------------------------------------- plumbing

  private Optional<Map<String, AttributeValue>> get(String pk, String sk, boolean consistent) {
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

  /** A conditional put; returns the replaced item if asked (empty map if there was none). */
  private Map<String, AttributeValue> put(
      Map<String, AttributeValue> item,
      String condition,
      Map<String, AttributeValue> values,
      boolean returnOld) {
    Map<String, AttributeValue> used = usedIn(condition, values);
    PutItemRequest.Builder request =
        PutItemRequest.builder()
            .tableName(table)
            .item(item)
            .conditionExpression(condition)
            .expressionAttributeValues(used)
            .returnValues(returnOld ? ReturnValue.ALL_OLD : ReturnValue.NONE);
    if (condition.contains("#state")) {
      request.expressionAttributeNames(Map.of("#state", "state"));
    }
    var response = dynamo.putItem(request.build());
    return response.hasAttributes() ? response.attributes() : Map.of();
  }

  private void delete(String pk, String sk, String condition, Map<String, AttributeValue> values) {
    Map<String, AttributeValue> used = usedIn(condition, values);
    try {
      dynamo.deleteItem(
          DeleteItemRequest.builder()
              .tableName(table)
              .key(Map.of(PostTable.PK, s(pk), PostTable.SK, s(sk)))
              .conditionExpression(condition)
              .expressionAttributeValues(used)
              .build());
    } catch (ConditionalCheckFailedException e) {
      // a later event wrote it, or it belongs to another source: leave it
    }
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

  private static Map<String, AttributeValue> values(String src, Sequencer sequencer) {
    return Map.of(
        ":src", s(src),
        ":seq", s(sequencer.normalized()),
        ":gone", s(StoredPost.State.GONE.name()),
        ":moved", s(StoredPost.State.MOVED.name()));
  }

  /** Deletes the spilled body {@code old} referred to, unless {@code current} still uses it. */
  private void deleteSpilledBody(
      Map<String, AttributeValue> old, Map<String, AttributeValue> current) {
    String oldRef = Attributes.string(old, "bodyRef");
    if (oldRef != null && !oldRef.equals(Attributes.string(current, "bodyRef"))) {
      bodies.delete(oldRef);
    }
  }
}
