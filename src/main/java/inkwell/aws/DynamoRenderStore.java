package inkwell.aws;

import static inkwell.aws.Attributes.n;
import static inkwell.aws.Attributes.s;

import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.storage.RenderStore;
import inkwell.storage.Sequencer;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link RenderStore} in the posts table. Every write is conditional on the item still holding the
 * same source key and sequencer and an older render version ({@code rv}, absent on items written
 * before it was recorded). Tag items are written first and the post item last, so a re-render that
 * is interrupted leaves the post item at its old version, and running it again completes it. The
 * source record is not touched: publishing's optimistic locking never sees a re-render.
 * Thread-safe.
 */
public final class DynamoRenderStore implements RenderStore {

  private static final String SAME_SOURCE_OLDER_RENDERING =
      "src = :src AND seq = :seq AND (attribute_not_exists(rv) OR rv < :rv)";

  private final TableItems items;
  private final BodyStore bodies;

  public DynamoRenderStore(DynamoDbClient dynamo, String table, BodyStore bodies) {
    this.items =
        new TableItems(Objects.requireNonNull(dynamo, "dynamo"), Objects.requireNonNull(table));
    this.bodies = Objects.requireNonNull(bodies, "bodies");
  }

  @Override
  public Result rerender(Post post, Sequencer content, int renderVersion) {
    Map<String, AttributeValue> values =
        Map.of(
            ":src", s(post.sourceKey()), ":seq", s(content.normalized()), ":rv", n(renderVersion));
    Map<String, AttributeValue> item = RenderedItems.post(post, content, renderVersion, bodies);
    if (Attributes.size(item) > RenderedItems.MAX_ITEM_BYTES) {
      deleteBody(item, Map.of());
      return Result.TOO_LARGE;
    }
    if (!post.draft() && !post.page()) {
      Map<String, AttributeValue> listing = PostItems.listing(post);
      for (Tag tag : post.tags()) {
        put(RenderedItems.tag(post, tag, listing, content, renderVersion), values);
      }
    }
    Optional<Map<String, AttributeValue>> replaced = put(item, values);
    if (replaced.isPresent()) {
      deleteBody(replaced.get(), item);
      return Result.RERENDERED;
    }
    Map<String, AttributeValue> stored = postItem(post.slug()).orElse(Map.of());
    deleteBody(item, stored);
    boolean sameSource =
        post.sourceKey().equals(Attributes.string(stored, "src"))
            && content.normalized().equals(Attributes.string(stored, "seq"));
    return sameSource && Attributes.integer(stored, RenderedItems.RENDER_VERSION) >= renderVersion
        ? Result.CURRENT
        : Result.SUPERSEDED;
  }

  /**
   * Counts every tag membership again into the counts the tag index reads, and marks them complete:
   * what a table from before counts were kept needs once ({@link TagLedger#rebuild}). Returns the
   * memberships counted.
   */
  public int rebuildTagCounts() {
    return new TagLedger(items, Clock.systemUTC()).rebuild();
  }

  @Override
  public OptionalInt renderVersion(String slug) {
    return postItem(slug)
        .map(item -> OptionalInt.of(Attributes.integer(item, RenderedItems.RENDER_VERSION)))
        .orElse(OptionalInt.empty());
  }

  /**
   * The replaced item if the conditional put succeeded; empty if a later event, or an equal or
   * newer rendering, holds it (the caller reports which).
   */
  private Optional<Map<String, AttributeValue>> put(
      Map<String, AttributeValue> item, Map<String, AttributeValue> values) {
    return items.put(item, SAME_SOURCE_OLDER_RENDERING, values);
  }

  private Optional<Map<String, AttributeValue>> postItem(String slug) {
    return items.get(PostTable.postPk(slug), PostTable.POST_SK, true);
  }

  /** Deletes the spilled body {@code old} refers to, unless {@code current} refers to it too. */
  private void deleteBody(Map<String, AttributeValue> old, Map<String, AttributeValue> current) {
    String oldRef = Attributes.string(old, "bodyRef");
    if (oldRef != null && !oldRef.equals(Attributes.string(current, "bodyRef"))) {
      bodies.delete(oldRef);
    }
  }
}
