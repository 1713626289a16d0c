package inkwell.storage;

import inkwell.post.Post;
import java.util.Objects;

/**
 * What the index holds at a slug.
 *
 * @param post the post, for {@link State#LIVE} and {@link State#DRAFT}; {@code null} otherwise
 * @param movedTo the slug the post moved to, for {@link State#MOVED}; {@code null} otherwise
 */
public record StoredPost(String slug, State state, Post post, String movedTo) {

  /** The state of a slug. */
  public enum State {
    /** A post readers may see, subject to its publish and expiry dates. */
    LIVE,
    /** A draft: stored, never listed or served. */
    DRAFT,
    /** The post was deleted (HTTP 410). */
    GONE,
    /** The post's slug changed; it lives at {@link #movedTo} (HTTP 301). */
    MOVED
  }

  public StoredPost {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(state, "state");
  }
}
