package inkwell.aws;

import static inkwell.aws.Attributes.s;

import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.storage.Sequencer;
import inkwell.storage.StoredPost;
import inkwell.support.StructuredLog;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item writes a publish or a removal is made of, each conditional on not overwriting a later
 * event of the same source key (or another source's item), and each safe to repeat. {@link
 * DynamoPostWriter} decides their order. A write whose condition fails changes nothing on purpose,
 * and says so in one log line naming the source key, the item and the reason. Thread-safe.
 */
final class PublishWrites {

  /** An item may be replaced by this write: absent, or written by an older event of this source. */
  static final String MINE_OR_ABSENT = "attribute_not_exists(pk) OR (src = :src AND seq <= :seq)";

  /** Written by this source at this sequencer or before. */
  static final String MINE = "src = :src AND seq <= :seq";

  /** Written by this very event. */
  static final String EXACTLY_MINE = "src = :src AND seq = :seq";

  /** A tag item may be replaced unless a later event of this source wrote it. */
  private static final String NOT_LATER_MINE = "src <> :src OR seq <= :seq";

  private static final StructuredLog LOG = new StructuredLog("inkwell.aws.writes");

  private final TableItems items;
  private final BodyStore bodies;
  private final int renderVersion;
  private final TagLedger ledger;

  PublishWrites(TableItems items, BodyStore bodies, int renderVersion, TagLedger ledger) {
    this.items = items;
    this.bodies = bodies;
    this.renderVersion = renderVersion;
    this.ledger = ledger;
  }

  /**
   * Writes the post item if the slug is free, or held by an older event of this source, or left
   * behind by another source's deleted or moved post, or held by a source whose key sorts after
   * this one (DynamoDB compares strings by their UTF-8 bytes, the order SlugOwners defines).
   * Returns the item it replaced, or empty if the slug belongs to another source.
   */
  Optional<Map<String, AttributeValue>> putPost(
      Map<String, AttributeValue> item, String src, Sequencer sequencer) {
    return items.put(
        item,
        MINE_OR_ABSENT + " OR (src <> :src AND #state IN (:gone, :moved)) OR src > :src",
        TableItems.values(src, sequencer));
  }

  /** The post item without its listing keys: served at its slug, listed nowhere yet. */
  static Map<String, AttributeValue> unlisted(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> copy = new HashMap<>(item);
    copy.remove(PostTable.GSI1_PK);
    copy.remove(PostTable.GSI1_SK);
    return copy;
  }

  static boolean isListed(Map<String, AttributeValue> item) {
    return item.containsKey(PostTable.GSI1_PK);
  }

  /** Writes a tag item per tag of {@code post}, then deletes its slug's other tag items. */
  void writeTags(Post post, Sequencer sequencer) {
    Set<String> keep = new LinkedHashSet<>();
    if (!post.draft() && !post.page()) {
      Map<String, AttributeValue> listing = PostItems.listing(post);
      for (Tag tag : post.tags()) {
        Map<String, AttributeValue> item =
            RenderedItems.tag(post, tag, listing, sequencer, renderVersion);
        if (items
            .put(
                item,
                "attribute_not_exists(pk) OR " + NOT_LATER_MINE,
                TableItems.values(post.sourceKey(), sequencer))
            .isEmpty()) {
          kept(post.sourceKey(), item, "a later event of this source wrote this tag item");
        } else {
          ledger.add(item);
        }
        keep.add(tag.slug());
      }
    }
    removeTags(post.slug(), keep, post.sourceKey(), sequencer);
  }

  /**
   * Deletes the tag items under {@code slug} not in {@code keep}, unless a later event wrote them;
   * each leaves the tag's ledger first, so the tag index never counts a post its page does not
   * list.
   */
  void removeTags(String slug, Set<String> keep, String src, Sequencer sequencer) {
    for (Map<String, AttributeValue> item : items.tagItems(slug)) {
      String sk = Attributes.string(item, PostTable.SK);
      String tag = sk.substring(PostTable.TAG_PREFIX.length());
      if (!keep.contains(tag)) {
        ledger.remove(slug, tag, TagLedger.NOT_LATER_MINE, src, sequencer.normalized());
        delete(
            src,
            PostTable.postPk(slug),
            sk,
            NOT_LATER_MINE,
            sequencer,
            "a later event of this source wrote this tag item");
      }
    }
  }

  /** Points each alias of {@code post} at its slug; an alias another post holds is left alone. */
  void writeAliases(Post post, Sequencer sequencer) {
    String src = post.sourceKey();
    for (String alias : post.aliases()) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(PostTable.PK, s(PostTable.aliasPk(alias)));
      item.put(PostTable.SK, s(PostTable.ALIAS_SK));
      item.put("src", s(src));
      item.put("seq", s(sequencer.normalized()));
      item.put("target", s(post.slug()));
      if (items.put(item, MINE_OR_ABSENT, TableItems.values(src, sequencer)).isEmpty()) {
        kept(src, item, "another post took this alias meanwhile, or a later event of this source");
      }
    }
  }

  /** Deletes the aliases of {@code src} in {@code aliases} but not in {@code keep}. */
  void deleteAliases(
      Collection<String> aliases, Collection<String> keep, String src, Sequencer sequencer) {
    for (String alias : aliases) {
      if (!keep.contains(alias)) {
        delete(
            src,
            PostTable.aliasPk(alias),
            PostTable.ALIAS_SK,
            MINE,
            sequencer,
            "the alias belongs to another post now, or a later event of this source wrote it");
      }
    }
  }

  /**
   * Turns this source's post at {@code slug} into a tombstone ({@code GONE}, or {@code MOVED} to
   * {@code movedTo}); returns the item it replaced (empty if another source or a later event of
   * this one holds the slug).
   */
  Map<String, AttributeValue> retire(
      String slug, String src, Sequencer sequencer, StoredPost.State state, String movedTo) {
    Map<String, AttributeValue> item = tombstone(slug, src, sequencer, state);
    if (movedTo != null) {
      item.put("movedTo", s(movedTo));
    }
    Optional<Map<String, AttributeValue>> replaced =
        items.put(item, MINE, TableItems.values(src, sequencer));
    if (replaced.isEmpty()) {
      kept(src, item, "another source holds the slug now, or a later event of this source");
    }
    return replaced.orElse(Map.of());
  }

  /** Undoes what a publish that lost to a later event wrote (items still at its sequencer). */
  void rollBack(Post post, Sequencer sequencer) {
    String src = post.sourceKey();
    String reason = "a later event of this source already replaced it";
    for (String alias : post.aliases()) {
      delete(src, PostTable.aliasPk(alias), PostTable.ALIAS_SK, EXACTLY_MINE, sequencer, reason);
    }
    for (Map<String, AttributeValue> item : items.tagItems(post.slug())) {
      String sk = Attributes.string(item, PostTable.SK);
      String tag = sk.substring(PostTable.TAG_PREFIX.length());
      ledger.remove(post.slug(), tag, TagLedger.EXACTLY_MINE, src, sequencer.normalized());
      delete(src, PostTable.postPk(post.slug()), sk, EXACTLY_MINE, sequencer, reason);
    }
    Map<String, AttributeValue> gone =
        tombstone(post.slug(), src, sequencer, StoredPost.State.GONE);
    if (items.put(gone, EXACTLY_MINE, TableItems.values(src, sequencer)).isEmpty()) {
      kept(src, gone, reason);
    }
  }

  /** Deletes the spilled bodies in {@code refs} (nulls skipped) except {@code inUse}. */
  void dropBodies(Collection<String> refs, String inUse) {
    for (String ref : new LinkedHashSet<>(refs)) {
      if (ref != null && !ref.equals(inUse)) {
        bodies.delete(ref);
      }
    }
  }

  static String bodyRef(Map<String, AttributeValue> item) {
    return Attributes.string(item, "bodyRef");
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

  private void delete(
      String src, String pk, String sk, String condition, Sequencer sequencer, String reason) {
    if (!items.delete(pk, sk, condition, TableItems.values(src, sequencer))) {
      kept(src, Map.of(PostTable.PK, s(pk), PostTable.SK, s(sk)), reason);
    }
  }

  /** Logs a write its condition refused: on purpose, and worth knowing when reading a log. */
  private static void kept(String src, Map<String, AttributeValue> item, String reason) {
    LOG.info(
        "action",
        "KEPT",
        "key",
        src,
        "item",
        Attributes.string(item, PostTable.PK) + " " + Attributes.string(item, PostTable.SK),
        "reason",
        reason);
  }
}
