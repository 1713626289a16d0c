package inkwell.storage;

import inkwell.post.Post;
import java.util.OptionalInt;

/**
 * Replaces the stored rendering of a post with a newer rendering of the same source version: what
 * {@code ./inkwell reindex} writes after an engine upgrade.
 *
 * <p>Order-proof against publishing: a re-render is applied only while the stored post still holds
 * the source version it was rendered from, so an upload or a deletion applied before it wins, and
 * one applied after it overwrites it as any later event does. Against other re-renders: it is
 * applied only over an older render version, so the newest rendering wins whatever the order, and
 * repeating one changes nothing.
 */
public interface RenderStore {

  /** What {@link #rerender} did. */
  enum Result {
    /** The new rendering is stored. */
    RERENDERED,
    /** The stored rendering is from this render version or a newer one: nothing changed. */
    CURRENT,
    /** The stored post is no longer this source version (a later upload or deletion won). */
    SUPERSEDED,
    /** The new rendering does not fit in an item: the stored one stays. */
    TOO_LARGE
  }

  /**
   * Stores {@code post}, rendered by {@code renderVersion} from the source version whose event had
   * sequencer {@code content}, in place of the stored rendering. The post's slug, draft flag,
   * visibility time and tags must be those stored: a re-render changes what a post says, not where
   * it is listed.
   */
  Result rerender(Post post, Sequencer content, int renderVersion);

  /**
   * The render version of the post stored at {@code slug} (0 if it was stored before versions were
   * recorded); empty if no post is stored there.
   */
  OptionalInt renderVersion(String slug);
}
