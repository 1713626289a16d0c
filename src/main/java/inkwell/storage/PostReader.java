package inkwell.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the site reads from the posts index: posts, listings, aliases and tags. The site function
 * holds only this, as its IAM policy allows only reads. Implementations are thread-safe.
 */
public interface PostReader {

  /** What is stored at {@code slug}, whatever its state. */
  Optional<StoredPost> findPost(String slug);

  /**
   * The stored posts at {@code slugs}, in the order given, skipping slugs with no post; one batch
   * request for up to 100 slugs (full-content feeds).
   */
  List<StoredPost> findPosts(List<String> slugs);

  /**
   * The visible post published just before ({@code older}) or just after the post at {@code slug},
   * as seen at {@code now}.
   */
  Optional<PostSummary> adjacent(String slug, boolean older, Instant now);

  /**
   * The oldest post visible at {@code now}; with the newest (the home listing's first), the ends of
   * the older and newer links.
   */
  Optional<PostSummary> oldest(Instant now);

  /**
   * When the next post not visible at {@code now} becomes visible (its publish time, the earliest
   * after {@code now}), if one is scheduled: the moment listings, feeds and the older and newer
   * links next change without a write, so that a shared cache may keep a page until then at most.
   */
  Optional<Instant> nextScheduled(Instant now);

  /** One page of {@code listing} as visible at {@code now}, newest first. */
  Page<PostSummary> list(Listing listing, Instant now, int limit, String cursor);

  /** The slug an old path redirects to. */
  Optional<String> findAlias(String path);

  /** Every tag of a post visible at {@code now}, with its number of visible posts, by name. */
  List<TagCount> tags(Instant now);

  /**
   * The entries of the header's menu visible at {@code now}, in {@link MenuLink#ORDER}: the posts
   * and pages whose front matter gives them a {@code menu} position.
   */
  List<MenuLink> menu(Instant now);

  /**
   * Every entry of the header's menu, visible now or not, with the times that decide when it shows:
   * for a reader that applies "visible now" later (the search function, from the index function's
   * copy). {@code menuEntries().visibleAt(now)} is {@link #menu menu(now)}.
   */
  Menu menuEntries();
}
