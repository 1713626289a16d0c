package inkwell.aws;

import static inkwell.aws.Attributes.n;
import static inkwell.aws.Attributes.s;

import inkwell.post.Hashes;
import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.storage.Sequencer;
import inkwell.storage.StoredPost;
import inkwell.support.Gzip;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items that hold a post's rendering: the post item and one item per tag, each stamped with the
 * source's sequencer ({@code seq}) and the render version that produced it ({@code rv}). Used by a
 * publish ({@link DynamoPostWriter}) and by a re-render ({@link DynamoRenderStore}) alike.
 */
final class RenderedItems {

  /** The attribute holding the render version; items written before it existed have none (0). */
  static final String RENDER_VERSION = "rv";

  /** Bodies larger than this (UTF-8 bytes) are stored gzipped. */
  static final int GZIP_THRESHOLD = 16 * 1024;

  /** Items are kept under this size; DynamoDB's limit is 400 KB. */
  static final long MAX_ITEM_BYTES = 350 * 1024;

  private RenderedItems() {}

  /**
   * The post item. A body over {@link #GZIP_THRESHOLD} is gzipped; one that still does not fit is
   * written to {@code bodies} first and referred to.
   */
  static Map<String, AttributeValue> post(
      Post post, Sequencer sequencer, int renderVersion, BodyStore bodies) {
    Map<String, AttributeValue> item = PostItems.metadata(post);
    item.put(PostTable.PK, s(PostTable.postPk(post.slug())));
    item.put(PostTable.SK, s(PostTable.POST_SK));
    item.put("seq", s(sequencer.normalized()));
    item.put(RENDER_VERSION, n(renderVersion));
    item.put(
        "state", s(post.draft() ? StoredPost.State.DRAFT.name() : StoredPost.State.LIVE.name()));
    if (!post.draft()) {
      item.put(PostTable.GSI1_PK, s(post.page() ? PostTable.LIST_PAGES : PostTable.LIST_ALL));
      item.put(PostTable.GSI1_SK, s(listingSk(post)));
      if (post.menu() != null) {
        item.putAll(PostItems.menuKeys(post));
      }
    }
    byte[] html = post.bodyHtml().getBytes(StandardCharsets.UTF_8);
    if (html.length <= GZIP_THRESHOLD) {
      item.put("body", s(post.bodyHtml()));
      return item;
    }
    byte[] gzipped = Gzip.compress(html);
    item.put("bodyGz", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(gzipped)));
    if (Attributes.size(item) > MAX_ITEM_BYTES) {
      item.remove("bodyGz");
      String key = bodies.put(post.slug(), bodyVersion(post, sequencer), gzipped);
      item.put("bodyRef", s(key));
    }
    return item;
  }

  /**
   * Names a spilled body by its source, event and text, not by its text alone: a body is then never
   * shared by two post items, so deleting the one an item replaced, or the one a source that lost
   * its slug wrote, cannot delete a body another item still refers to (a copied file with the same
   * text; an edit back to an earlier text while the edit before it is processed). A repeated
   * delivery of one event names the same key.
   */
  static String bodyVersion(Post post, Sequencer sequencer) {
    return Hashes.sha256Hex(
        post.sourceKey() + "\n" + sequencer.normalized() + "\n" + post.bodyHtml());
  }

  /** The membership of {@code post} in {@code tag}, with the listing attributes copied. */
  static Map<String, AttributeValue> tag(
      Post post,
      Tag tag,
      Map<String, AttributeValue> listing,
      Sequencer sequencer,
      int renderVersion) {
    Map<String, AttributeValue> item = new HashMap<>(listing);
    item.put(PostTable.PK, s(PostTable.postPk(post.slug())));
    item.put(PostTable.SK, s(PostTable.TAG_PREFIX + tag.slug()));
    item.put("src", s(post.sourceKey()));
    item.put("seq", s(sequencer.normalized()));
    item.put(RENDER_VERSION, n(renderVersion));
    item.put("tagName", s(tag.name()));
    item.put(PostTable.GSI1_PK, s(PostTable.TAG_PREFIX + tag.slug()));
    item.put(PostTable.GSI1_SK, s(listingSk(post)));
    item.put(PostTable.GSI2_PK, s(PostTable.TAGS_ALL));
    item.put(PostTable.GSI2_SK, s(tag.slug() + "#" + post.slug()));
    return item;
  }

  private static String listingSk(Post post) {
    return PostTable.listingSk(Timestamps.format(post.visibleFrom()), post.slug());
  }
}
