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

  private final PostReader posts;
  private final Kept<Ends> ends;
  private final Kept<Optional<Instant>> scheduled;

  Timeline(PostReader posts, long seconds, Clock clock) {
    this.posts = posts;
    this.ends = new Kept<>(this::read, seconds, clock);
    this.scheduled = new Kept<>(posts::nextScheduled, seconds, clock);
  }

  Ends ends(Instant now) {
    return ends.get(now);
  }

  /**
   * When the next scheduled post appears, after {@code now}, if one is scheduled: kept as the ends
   * are, and read again once the kept time has passed, to learn the one after it.
   */
  Optional<Instant> nextScheduled(Instant now) {
    Optional<Instant> next = scheduled.get(now);
    if (next.isPresent() && !next.get().isAfter(now)) {
      scheduled.clear();
      next = scheduled.get(now);
    }
    return next;
  }

  private Ends read(Instant now) {
    Optional<PostSummary> newest =
        posts.list(new Listing.All(), now, 1, null).items().stream().findFirst();
    return newest.isEmpty()
        ? new Ends(null, null)
        : new Ends(newest.get(), posts.oldest(now).orElse(newest.get()));
  }

  /** Forgets the ends: the posts changed. */
  void clear() {
    ends.clear();
    scheduled.clear();
  }
}
