package inkwell.storage;

import inkwell.post.Post;
import inkwell.post.PostError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the publish path writes to the posts index (and the few reads it decides by).
 *
 * <p>Writes are ordered by S3's per-key {@link Sequencer}: every write for a source key is applied
 * only if no later event for that key has been applied, so duplicates and out-of-order delivery
 * converge on the state the highest sequencer implies. Storage failures propagate as exceptions so
 * that the caller (Lambda) retries; a retried call with the same sequencer completes the work, and
 * a call that finds its own earlier effect reports it as done, not as stale. At no point between
 * two writes does a reader see a post listed twice, a listing entry without its page, or an alias
 * that ends on a removed post. Implementations are thread-safe.
 */
public interface PostWriter {

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

  /** What is stored at {@code slug}, whatever its state, read consistently. */
  Optional<StoredPost> findPost(String slug);
}
