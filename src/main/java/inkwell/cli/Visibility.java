package inkwell.cli;

import inkwell.post.Post;
import java.time.Instant;

/** How readers see a stored post at a moment: listed now, a draft, not yet, or no longer. */
enum Visibility {
  LIVE,
  DRAFT,
  SCHEDULED,
  EXPIRED;

  static Visibility of(Post post, Instant now) {
    if (post.draft()) {
      return DRAFT;
    }
    if (post.visibleFrom().isAfter(now)) {
      return SCHEDULED;
    }
    if (post.expiryDate() != null && !now.isBefore(post.expiryDate())) {
      return EXPIRED;
    }
    return LIVE;
  }

  /** What follows the key in a line: the URL, and when it appears or disappeared. */
  String describe(Post post, String url) {
    String where = url == null ? " as /" + post.slug() + "/" : " -> " + url;
    return switch (this) {
      case LIVE -> where;
      case DRAFT -> " (draft: stored, never listed or served)";
      case SCHEDULED -> where + " (scheduled for " + post.visibleFrom() + ")";
      case EXPIRED -> where + " (expired " + post.expiryDate() + ")";
    };
  }
}
