package inkwell.site;

import inkwell.post.Post;
import inkwell.storage.Listing;
import inkwell.storage.PostReader;
import inkwell.storage.PostSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The newest and the oldest visible post, which decide whether a post page links to an older and a
 * newer one. Kept in memory for a configured time, so that a post page still costs one storage
 * request in the common case. Within that time a new post is not yet linked from the one before it
 * (no link is better than one to a 404); only a post removed meanwhile could be linked.
 * Thread-safe.
 */
final class Timeline {

  /** The ends of the chain; {@code null} where no post is visible. */
  record Ends(PostSummary newest, PostSummary oldest) {

    boolean hasOlder(Post post) {
      return oldest != null && PostSummary.OLDEST_FIRST.compare(PostSummary.of(post), oldest) > 0;
    }

    boolean hasNewer(Post post) {
      return newest != null && PostSummary.OLDEST_FIRST.compare(PostSummary.of(post), newest) < 0;
    }
  }

  private record Cached(Ends ends, Instant expires) {}

  private final PostReader posts;
  private final long seconds;
  private final Clock clock;
  private volatile Cached cached;

  Timeline(PostReader posts, long seconds, Clock clock) {
    this.posts = posts;
    this.seconds = seconds;
    this.clock = clock;
  }

  Ends ends(Instant now) {
    Cached current = cached;
    if (current != null && clock.instant().isBefore(current.expires())) {
      return current.ends();
    }
    Optional<PostSummary> newest =
        posts.list(new Listing.All(), now, 1, null).items().stream().findFirst();
    Ends ends =
        newest.isEmpty()
            ? new Ends(null, null)
            : new Ends(newest.get(), posts.oldest(now).orElse(newest.get()));
    if (seconds > 0) {
      cached = new Cached(ends, clock.instant().plusSeconds(seconds));
    }
    return ends;
  }

  /** Forgets the ends: the posts changed. */
  void clear() {
    cached = null;
  }
}
