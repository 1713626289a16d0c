package inkwell.aws;

import inkwell.pipeline.PostPipeline;
import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.storage.PostWriter;
import inkwell.storage.PublishResult;
import inkwell.storage.Sequencer;
import inkwell.storage.SourceRecord;
import inkwell.storage.StoredPost;
import inkwell.support.StructuredLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The publish function's writes to the posts table (layout in {@link PostTable}), without
 * transactions: the open-source DynamoDB emulators have none, and the order of conditional writes
 * gives the same guarantee to readers (docs/ARCHITECTURE.md, "Applying an event").
 *
 * <p>Every item a publish writes carries its source key and sequencer, and every write is
 * conditional on not overwriting a later sequencer of the same source key, so items converge on the
 * highest sequencer whatever the interleaving. The source item is written last, with optimistic
 * locking; a writer that loses to a later event removes what it wrote. The order keeps what a
 * reader sees whole between any two requests:
 *
 * <ul>
 *   <li>publish: the spilled body (S3), then the post item, then its tag items (tag items first
 *       when the new version is hidden and the slug is already its own), aliases, replaced bodies
 *       deleted, the source item;
 *   <li>a new slug: the post item unlisted at the new slug, the old slug's tag items removed and
 *       the old slug marked moved, then the post item listed, then tags;
 *   <li>removal: aliases, tag items, the tombstone, the body, the source item.
 * </ul>
 *
 * A call that finds its own earlier write (the SDK retried a request whose response was lost)
 * reports success. Thread-safe.
 */
public final class DynamoPostWriter implements PostWriter {

  private static final int ATTEMPTS = 5;
  private static final StructuredLog LOG = new StructuredLog("inkwell.aws.writer");

  private final TableItems items;
  private final BodyStore bodies;
  private final Clock clock;
  private final int renderVersion;
  private final SlugClaims claims;
  private final PublishWrites writes;
  private final TagLedger ledger;
  private final DynamoPostReader reader;

  /** A writer that stores posts as rendered by {@link PostPipeline#RENDER_VERSION}. */
  public DynamoPostWriter(DynamoDbClient dynamo, String table, BodyStore bodies, Clock clock) {
    this(dynamo, table, bodies, clock, PostPipeline.RENDER_VERSION);
  }

  /** A writer that stores posts as rendered by {@code renderVersion}. */
  public DynamoPostWriter(
      DynamoDbClient dynamo, String table, BodyStore bodies, Clock clock, int renderVersion) {
    this.items = new TableItems(Objects.requireNonNull(dynamo), Objects.requireNonNull(table));
    this.bodies = Objects.requireNonNull(bodies, "bodies");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.renderVersion = renderVersion;
    this.claims = new SlugClaims(dynamo, table);
    this.ledger = new TagLedger(items, clock);
    this.writes = new PublishWrites(items, bodies, renderVersion, ledger);
    this.reader = new DynamoPostReader(dynamo, table, bodies);
  }

  // ---------------------------------------------------------------- source records

  @Override
  public Optional<SourceRecord> findSource(String sourceKey) {
    return sourceItem(sourceKey).map(SourceItems::record);
  }

  private Optional<Map<String, AttributeValue>> sourceItem(String sourceKey) {
    return items.get(PostTable.sourcePk(sourceKey), PostTable.SOURCE_SK, true);
  }

  /** Writes the source item if nobody wrote it since it was read (revision check). */
  private boolean putSource(
      SourceRecord record, Optional<Map<String, AttributeValue>> previous, String bodyRef) {
    long revision = previous.map(SourceItems::revision).orElse(0L);
    Map<String, AttributeValue> item = SourceItems.item(record, revision + 1, bodyRef);
    return previous.isEmpty()
        ? items.put(item, "attribute_not_exists(pk)", Map.of()).isPresent()
        : items.put(item, "rev = :rev", Map.of(":rev", Attributes.n(revision))).isPresent();
  }

  // ---------------------------------------------------------------- publish

  @Override
  public PublishResult publish(Post post, Sequencer sequencer) {
    String src = post.sourceKey();
    List<String> replacedBodies = new ArrayList<>();
    ledger.markReadyIfEmpty();
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
      String previousBody = SourceItems.bodyRef(previousItem);
      Map<String, AttributeValue> item = RenderedItems.post(post, sequencer, renderVersion, bodies);
      String body = PublishWrites.bodyRef(item);
      if (Attributes.size(item) > RenderedItems.MAX_ITEM_BYTES) {
        writes.dropBodies(Collections.singletonList(body), previousBody);
        return new PublishResult.TooLarge(
            "the post's metadata (title, table of contents, front matter) is too large to store");
      }
      replacedBodies.add(previousBody);
      String oldSlug = previous.map(SourceRecord::slug).orElse(null);
      boolean renamed = oldSlug != null && !oldSlug.equals(post.slug());
      boolean tagsFirst =
          post.slug().equals(oldSlug) && !post.isVisibleAt(clock.instant()) && !post.page();
      if (tagsFirst) {
        writes.writeTags(post, sequencer);
      }
      Optional<Map<String, AttributeValue>> replaced =
          writes.putPost(renamed ? PublishWrites.unlisted(item) : item, src, sequencer);
      if (replaced.isEmpty()) {
        writes.dropBodies(Collections.singletonList(body), previousBody);
        return slugTaken(post.slug(), src);
      }
      replacedBodies.add(PublishWrites.bodyRef(replaced.get()));
      if (renamed) {
        writes.removeTags(oldSlug, Set.of(), src, sequencer);
        Map<String, AttributeValue> moved =
            writes.retire(oldSlug, src, sequencer, StoredPost.State.MOVED, post.slug());
        replacedBodies.add(PublishWrites.bodyRef(moved));
        if (PublishWrites.isListed(item)) {
          writes.putPost(item, src, sequencer);
        }
      }
      if (!tagsFirst) {
        writes.writeTags(post, sequencer);
      }
      writes.writeAliases(post, sequencer);
      writes.deleteAliases(
          previous.map(SourceRecord::aliases).orElse(List.of()), post.aliases(), src, sequencer);
      writes.dropBodies(replacedBodies, body);
      SourceRecord record =
          SourceRecord.published(
              previous, src, sequencer, post.slug(), post.aliases(), clock.instant());
      if (putSource(record, previousItem, body)) {
        return new PublishResult.Published(post.slug());
      }
      Optional<SourceRecord> now = findSource(src);
      if (now.isPresent() && isPublished(now.get(), post, sequencer)) {
        return ownEarlierWrite(src, sequencer, post.slug());
      }
      if (now.isPresent()
          && now.get().content() != null
          && now.get().content().isAfter(sequencer)) {
        writes.rollBack(post, sequencer);
        return new PublishResult.Stale();
      }
      LOG.info("action", "RETRY", "key", src, "attempt", attempt + 1, "reason", "source changed");
    }
    throw new IllegalStateException(
        "could not publish " + src + ": its source item kept changing (" + ATTEMPTS + " attempts)");
  }

  /** True if {@code record} says this very version is live at its slug. */
  private static boolean isPublished(SourceRecord record, Post post, Sequencer sequencer) {
    return record.contentIs(sequencer) && post.slug().equals(record.slug());
  }

  private static PublishResult ownEarlierWrite(String src, Sequencer sequencer, String slug) {
    LOG.info(
        "action",
        "APPLIED_EARLIER",
        "key",
        src,
        "slug",
        slug,
        "sequencer",
        sequencer.normalized(),
        "reason",
        "the source item already records this version: an earlier try of this call");
    return new PublishResult.Published(slug);
  }

  private PublishResult slugTaken(String slug, String src) {
    Optional<Map<String, AttributeValue>> current =
        items.get(PostTable.postPk(slug), PostTable.POST_SK, true);
    String owner = current.map(i -> Attributes.string(i, "src")).orElse(null);
    if (owner == null || owner.equals(src)) {
      return new PublishResult.Stale();
    }
    return new PublishResult.Conflict("slug \"" + slug + "\"", owner);
  }

  private Optional<PublishResult.Conflict> aliasConflict(Post post) {
    for (String alias : post.aliases()) {
      Optional<Map<String, AttributeValue>> item =
          items.get(PostTable.aliasPk(alias), PostTable.ALIAS_SK, true);
      String owner = item.map(i -> Attributes.string(i, "src")).orElse(null);
      if (owner != null && !owner.equals(post.sourceKey())) {
        return Optional.of(new PublishResult.Conflict("alias \"/" + alias + "\"", owner));
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- reject, remove, displace

  @Override
  public boolean reject(String sourceKey, Sequencer sequencer, PostError error, Instant at) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<Map<String, AttributeValue>> previousItem = sourceItem(sourceKey);
      Optional<SourceRecord> previous = previousItem.map(SourceItems::record);
      if (previous.isPresent() && previous.get().latest().isAfter(sequencer)) {
        return false;
      }
      SourceRecord record = SourceRecord.rejected(previous, sourceKey, sequencer, error, at);
      if (putSource(record, previousItem, SourceItems.bodyRef(previousItem))) {
        return true;
      }
      Optional<SourceRecord> now = findSource(sourceKey);
      if (now.isPresent()
          && now.get().latest().equals(sequencer)
          && error.equals(now.get().error())) {
        return true; // an earlier try of this very request wrote it (the SDK retried it)
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
      String slug = previous.map(SourceRecord::slug).orElse(null);
      if (slug != null) {
        writes.deleteAliases(previous.get().aliases(), List.of(), sourceKey, sequencer);
        writes.removeTags(slug, Set.of(), sourceKey, sequencer);
        Map<String, AttributeValue> replaced =
            writes.retire(slug, sourceKey, sequencer, StoredPost.State.GONE, null);
        writes.dropBodies(
            Arrays.asList(SourceItems.bodyRef(previousItem), PublishWrites.bodyRef(replaced)),
            null);
      }
      SourceRecord record = SourceRecord.removed(previous, sourceKey, sequencer, clock.instant());
      if (putSource(record, previousItem, null)) {
        return true;
      }
      Optional<SourceRecord> now = findSource(sourceKey);
      if (now.isPresent() && now.get().contentIs(sequencer) && now.get().slug() == null) {
        return true; // an earlier try of this very request wrote it (the SDK retried it)
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
      if (putSource(record.get().displaced(error, at), item, null)) {
        return true;
      }
      Optional<SourceRecord> now = findSource(sourceKey);
      if (now.isPresent() && now.get().slug() == null && error.equals(now.get().error())) {
        return true; // an earlier try of this very request wrote it (the SDK retried it)
      }
    }
    throw new IllegalStateException("could not record that " + sourceKey + " gave up " + slug);
  }

  // ---------------------------------------------------------------- claims and reads

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

  @Override
  public Optional<StoredPost> findPost(String slug) {
    return items.get(PostTable.postPk(slug), PostTable.POST_SK, true).map(reader::storedPost);
  }
}
