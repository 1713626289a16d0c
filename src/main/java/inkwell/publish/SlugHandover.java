package inkwell.publish;

import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import inkwell.storage.PostWriter;
import inkwell.storage.PublishResult;
import inkwell.storage.SourceRecord;
import inkwell.storage.SourceStore;
import inkwell.storage.SourceStore.StoredSource;
import inkwell.storage.StatusStore;
import inkwell.storage.StoredPost;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps slugs with their rightful owner (see {@link inkwell.storage.SlugOwners}) as sources come
 * and go: records who wants each slug, tells a source that gave way why it is no longer live, and
 * when an owner is removed or moves to another slug, publishes the next waiting source again from
 * its current object, without a new upload. Thread-safe.
 */
final class SlugHandover {

  private final PostPipeline pipeline;
  private final SourceStore sources;
  private final PostWriter posts;
  private final StatusStore status;
  private final Clock clock;
  private final PublishLog log;

  SlugHandover(
      PostPipeline pipeline,
      SourceStore sources,
      PostWriter posts,
      StatusStore status,
      Clock clock,
      PublishLog log) {
    this.pipeline = pipeline;
    this.sources = sources;
    this.posts = posts;
    this.status = status;
    this.clock = clock;
    this.log = log;
  }

  /**
   * {@code key} went live at {@code slug}, having been live at {@code oldSlug}: it claims the slug,
   * every other source whose record still says it is live there is told it gave way, and the old
   * slug goes to the next source waiting for it. Derived from what the table holds, not from the
   * responses of the publish's own requests, so a redelivered event redoes exactly what is missing.
   */
  void published(String key, String oldSlug, String slug) {
    posts.claim(slug, key);
    for (String other : posts.claimants(slug)) {
      Optional<SourceRecord> record =
          other.equals(key) ? Optional.empty() : posts.findSource(other);
      if (record.isPresent() && slug.equals(record.get().slug())) {
        gaveWay(other, record.get(), slug, key);
      }
    }
    left(key, oldSlug, slug);
  }

  /**
   * Redoes what follows the content event {@code record} describes (claims, sources that gave way,
   * the hand-over of the slug it left), for a redelivery of that event: a crash after the source
   * record was written may have cut them short. Every step is safe to repeat.
   */
  void finish(String key, SourceRecord record) {
    if (record.slug() != null) {
      published(key, record.left(), record.slug());
    } else {
      left(key, record.left(), null);
    }
  }

  /** {@code key} wants {@code slug}, which another source holds: it waits. */
  void waits(String key, String slug) {
    posts.claim(slug, key);
  }

  /** {@code key} no longer holds {@code oldSlug} (removed, or now at {@code newSlug}). */
  void left(String key, String oldSlug, String newSlug) {
    if (oldSlug == null || oldSlug.equals(newSlug)) {
      return;
    }
    posts.release(oldSlug, key);
    handOver(oldSlug);
  }

  private void gaveWay(String loser, SourceRecord record, String slug, String winner) {
    PostError error =
        PostError.of(
            Kind.SLUG_CONFLICT,
            "slug \""
                + slug
                + "\" now belongs to "
                + winner
                + ", whose key sorts first; this file takes the slug again by itself when that"
                + " one is removed or moves, or set a different slug in the front matter");
    Instant at = clock.instant();
    // The status first: if the record were written first and the status write failed, a retry
    // would find the record already saying so and never write the status.
    status.reportFailure(loser, record.latest(), null, error, at);
    if (posts.displace(loser, slug, error, at)) {
      log.slug("DISPLACED", slug, loser, "gave way to " + winner);
    }
  }

  /** Publishes the first waiting source that still wants {@code slug}, if nobody holds it. */
  private void handOver(String slug) {
    for (String waiter : posts.claimants(slug)) {
      Optional<StoredPost> holder = posts.findPost(slug).filter(SlugHandover::isHeld);
      if (holder.isPresent() && !waiter.equals(holder.get().post().sourceKey())) {
        return;
      }
      Optional<SourceRecord> record = posts.findSource(waiter);
      if (holder.isPresent() && record.isPresent() && slug.equals(record.get().slug())) {
        // Handed over by an earlier try of this hand-over, which may not have finished.
        if (record.get().state() == SourceRecord.State.PUBLISHED) {
          status.clear(waiter);
        }
        published(waiter, record.get().left(), slug);
        return;
      }
      Optional<StoredSource> stored =
          record.isEmpty() ? Optional.empty() : sources.read(waiter, null);
      if (stored.isEmpty()) {
        posts.release(slug, waiter);
        continue;
      }
      ParseResult parsed =
          pipeline.parse(new Source(waiter, stored.get().bytes(), stored.get().lastModified()));
      if (!(parsed instanceof ParseResult.Parsed version)) {
        continue; // its current version is rejected; its own status says why
      }
      if (!version.post().slug().equals(slug)) {
        posts.release(slug, waiter);
        continue;
      }
      PublishResult result = posts.publish(version.post(), record.get().latest());
      if (result instanceof PublishResult.Published published) {
        status.clear(waiter);
        log.slug("HANDED_OVER", slug, waiter, "the slug's owner left");
        published(waiter, record.get().slug(), published.slug());
        return;
      }
    }
  }

  private static boolean isHeld(StoredPost stored) {
    return stored.state() == StoredPost.State.LIVE || stored.state() == StoredPost.State.DRAFT;
  }
}
