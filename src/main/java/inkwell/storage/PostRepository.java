package inkwell.storage;

import inkwell.post.Post;
import inkwell.post.PostError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The posts index. The publish function writes it; the site reads it.
 *
 * <p>Writes are ordered by S3's per-key {@link Sequencer}: every write for a source key is applied
 * only if no later event for that key has been applied, so duplicates and out-of-order delivery
 * converge on the state the highest sequencer implies. Storage failures propagate as exceptions so
 * that the caller (Lambda) retries; a retried call with the same sequencer completes the work.
 */
public interface PostRepository {

  /** The record of {@code sourceKey}'s latest applied event; empty if none was ever applied. */
  Optional<SourceRecord> findSource(String sourceKey);

  /**
   * Makes {@code post} the live version of its source key, unless a valid upload or removal with a
   * later sequencer was already applied ({@link PublishResult.Stale}).
   */
  PublishResult publish(Post post, Sequencer sequencer);

  /**
   * Records that the version of {@code sourceKey} at {@code sequencer} could not be published. The
   * live version, if any, stays. Returns false (and records nothing) unless it is the latest event
   * seen for the key. {@code at} is recorded as the time of the rejection.
   */
  boolean reject(String sourceKey, Sequencer sequencer, PostError error, Instant at);

  /**
   * Takes down the post of {@code sourceKey} and leaves a tombstone that keeps {@code sequencer},
   * so that an older upload arriving late changes nothing. Returns false if a valid upload or
   * removal with a later sequencer was already applied.
   */
  boolean remove(String sourceKey, Sequencer sequencer);

  /**
   * Records that the live version of {@code sourceKey} gave {@code slug} to a source whose key
   * sorts first: it is no longer live and waits, and {@code error} says why. Returns false if the
   * record no longer has that slug.
   */
  boolean displace(String sourceKey, String slug, PostError error, Instant at);

  /** Records that {@code sourceKey} wants {@code slug} (it owns it or waits for it). */
  void claim(String slug, String sourceKey);

  /** Forgets that {@code sourceKey} wants {@code slug}. */
  void release(String slug, String sourceKey);

  /** The sources that want {@code slug}, in {@link SlugOwners#ORDER}. */
  List<String> claimants(String slug);

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
}
