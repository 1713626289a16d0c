package inkwell.publish;

import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.SiteFiles;
import inkwell.pipeline.Source;
import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import inkwell.post.Slugs;
import inkwell.storage.PostWriter;
import inkwell.storage.PublishResult;
import inkwell.storage.SearchChanges;
import inkwell.storage.SourceRecord;
import inkwell.storage.SourceStore;
import inkwell.storage.SourceStore.StoredSource;
import inkwell.storage.StatusStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies S3 object events to the posts index: a created object is read, run through the pipeline
 * and published (or its rejection recorded where the author can read it); a removed object's post
 * is taken down. Events older than what was already applied for the same key change nothing.
 *
 * <p>Storage failures propagate, so that Lambda retries the event; every step is safe to repeat.
 * Thread-safe.
 */
public final class PublishService {

  /** What an event led to. */
  public enum Outcome {
    /** The post went live (or was updated, or stored as a draft or scheduled post). */
    PUBLISHED,
    /** The source is not a valid post; the previous version stays live and the status says why. */
    REJECTED,
    /** The slug or an alias belongs to another source; treated like a rejection. */
    CONFLICT,
    /** The post was taken down. */
    REMOVED,
    /** An event for the same key with an equal or later sequencer was already applied. */
    STALE,
    /** The object no longer exists; the event that removed it will take the post down. */
    SOURCE_GONE,
    /** Not a post: another bucket, outside the posts prefix, or not a Markdown file. */
    IGNORED
  }

  private final PostPipeline pipeline;
  private final SourceStore sources;
  private final PostWriter posts;
  private final StatusStore status;
  private final String bucket;
  private final String postsPrefix;
  private final Clock clock;
  private final PublishLog log = new PublishLog();
  private final SlugHandover slugs;
  private final SearchChanges search;
  private final Function<Source, ParseResult> parser;

  public PublishService(
      PostPipeline pipeline,
      SourceStore sources,
      PostWriter posts,
      StatusStore status,
      String bucket,
      String postsPrefix,
      Clock clock) {
    this(pipeline, sources, posts, status, bucket, postsPrefix, clock, SearchChanges.NONE);
  }

  /** With {@code search} told of every event that was not ignored (see {@link #apply}). */
  public PublishService(
      PostPipeline pipeline,
      SourceStore sources,
      PostWriter posts,
      StatusStore status,
      String bucket,
      String postsPrefix,
      Clock clock,
      SearchChanges search) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.sources = Objects.requireNonNull(sources, "sources");
    this.posts = Objects.requireNonNull(posts, "posts");
    this.status = Objects.requireNonNull(status, "status");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.postsPrefix = Objects.requireNonNull(postsPrefix, "postsPrefix");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.slugs = new SlugHandover(pipeline, sources, posts, status, clock, log);
    this.search = Objects.requireNonNull(search, "search");
    this.parser = pipeline::parse;
  }

  private PublishService(PublishService base, Function<Source, ParseResult> parser) {
    this.pipeline = base.pipeline;
    this.sources = base.sources;
    this.posts = base.posts;
    this.status = base.status;
    this.bucket = base.bucket;
    this.postsPrefix = base.postsPrefix;
    this.clock = base.clock;
    this.slugs = base.slugs;
    this.search = base.search;
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /**
   * This service with the references and local images of each post looked for among {@code files}
   * (the bucket's objects): a dangling one is reported in the post's status.
   */
  public PublishService withSiteFiles(SiteFiles files) {
    return new PublishService(this, source -> pipeline.parse(source, files));
  }

  /**
   * This service with {@code parser} turning a created object's source into a post in place of the
   * pipeline's {@code parse}: the preview's render cache, which must give what the pipeline would.
   */
  public PublishService withParser(Function<Source, ParseResult> parser) {
    return new PublishService(this, parser);
  }

  /**
   * Applies one event. Throws if storage fails, so that the event is retried. Then tells the search
   * index about the key, whatever the outcome but IGNORED: a stale outcome may be the retry of an
   * event whose change was written but not yet sent.
   */
  public Outcome apply(ObjectEvent event) {
    Outcome outcome = applyToTable(event);
    if (outcome != Outcome.IGNORED) {
      search.changed(event.key(), event.sequencer());
    }
    return outcome;
  }

  private Outcome applyToTable(ObjectEvent event) {
    if (!event.bucket().equals(bucket)) {
      return log.outcome(event, Outcome.IGNORED, "event is for bucket " + event.bucket());
    }
    if (!isPost(event.key())) {
      return log.outcome(
          event,
          Outcome.IGNORED,
          "key is not a .md or .markdown file under " + postsPrefix + " or the pages prefix");
    }
    Optional<SourceRecord> applied = posts.findSource(event.key());
    if (applied.isPresent() && applied.get().contentIs(event.sequencer())) {
      // A redelivery (Lambda's retry after a failure, or S3's duplicate): the event was applied,
      // but what follows the source record may have been cut short. Redo it; it is idempotent.
      slugs.finish(event.key(), applied.get());
      return log.outcome(
          event, Outcome.STALE, "already applied; slug claims and hand-over checked again");
    }
    if (applied.isPresent() && applied.get().contentIsAtOrAfter(event.sequencer())) {
      return log.outcome(
          event, Outcome.STALE, "already applied sequencer " + applied.get().content());
    }
    if (applied.isPresent() && isRecordedRejection(applied.get(), event)) {
      // A replay (or a retry after the status write failed): rewrite the same status, nothing else.
      SourceRecord record = applied.get();
      status.reportFailure(
          event.key(), event.sequencer(), event.versionId(), record.error(), record.at());
      return log.outcome(event, Outcome.STALE, "rejection already recorded; status rewritten");
    }
    boolean latest = applied.isEmpty() || applied.get().isLatest(event.sequencer());
    String liveSlug = applied.map(SourceRecord::slug).orElse(null);
    return switch (event.type()) {
      case CREATED -> publish(event, latest, liveSlug);
      case REMOVED -> remove(event, latest, liveSlug);
    };
  }

  private static boolean isRecordedRejection(SourceRecord record, ObjectEvent event) {
    return record.latest().equals(event.sequencer())
        && record.state() == SourceRecord.State.REJECTED
        && record.error() != null;
  }

  private boolean isPost(String key) {
    return (key.startsWith(postsPrefix) || pipeline.isPage(key)) && Slugs.isMarkdown(key);
  }

  private Outcome publish(ObjectEvent event, boolean latest, String liveSlug) {
    Optional<StoredSource> stored = sources.read(event.key(), event.versionId());
    if (stored.isEmpty()) {
      return log.outcome(
          event, Outcome.SOURCE_GONE, "object is gone; its removal event takes the post down");
    }
    StoredSource source = stored.get();
    ParseResult parsed =
        parser.apply(new Source(event.key(), source.bytes(), source.lastModified()));
    if (parsed instanceof ParseResult.Rejected rejected) {
      return reject(event, source, rejected.error(), Outcome.REJECTED);
    }
    ParseResult.Parsed accepted = (ParseResult.Parsed) parsed;
    var post = accepted.post();
    log.warnings(event, accepted.warnings());
    if (latest && accepted.warnings().isEmpty()) {
      // Cleared before the write, so that a retried event still clears it.
      status.clear(event.key());
    } else if (latest) {
      status.reportWarnings(
          event.key(), event.sequencer(), source.versionId(), accepted.warnings(), clock.instant());
    }
    PublishResult result = posts.publish(post, event.sequencer());
    if (result instanceof PublishResult.Published published) {
      log.published(event, published.slug(), post.draft(), post.visibleFrom());
      slugs.published(event.key(), liveSlug, published.slug());
      return Outcome.PUBLISHED;
    }
    if (result instanceof PublishResult.Conflict conflict) {
      slugs.waits(event.key(), post.slug());
      PostError error =
          PostError.of(
              Kind.SLUG_CONFLICT,
              conflict.what()
                  + " already belongs to "
                  + conflict.ownerKey()
                  + ", whose key sorts first; this file takes it by itself when that one is"
                  + " removed or moves, or set a different slug (or aliases) in the front matter");
      return reject(event, source, error, Outcome.CONFLICT);
    }
    if (result instanceof PublishResult.TooLarge tooLarge) {
      return reject(
          event, source, PostError.of(Kind.TOO_LARGE, tooLarge.detail()), Outcome.REJECTED);
    }
    return log.outcome(event, Outcome.STALE, "a later event for this key was applied meanwhile");
  }

  private Outcome reject(ObjectEvent event, StoredSource source, PostError error, Outcome outcome) {
    Instant at = clock.instant();
    if (!posts.reject(event.key(), event.sequencer(), error, at)) {
      return log.outcome(event, Outcome.STALE, "a later upload of this key was already applied");
    }
    // If this write fails the event is retried, finds the rejection recorded, and rewrites it.
    status.reportFailure(event.key(), event.sequencer(), source.versionId(), error, at);
    return log.rejected(event, outcome, error);
  }

  private Outcome remove(ObjectEvent event, boolean latest, String liveSlug) {
    if (sources.exists(event.key())) {
      return log.outcome(
          event,
          Outcome.IGNORED,
          "the object still exists: an old version was deleted, or it was uploaded again");
    }
    if (latest) {
      // Cleared before the write, so that a retried event still clears it.
      status.clear(event.key());
    }
    if (!posts.remove(event.key(), event.sequencer())) {
      return log.outcome(event, Outcome.STALE, "a later event for this key was applied meanwhile");
    }
    log.outcome(event, Outcome.REMOVED, "post taken down");
    slugs.left(event.key(), liveSlug, null);
    return Outcome.REMOVED;
  }
}
