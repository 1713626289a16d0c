package inkwell.cli;

import inkwell.storage.PostReader;
import inkwell.storage.SourceCatalog;
import inkwell.storage.SourceRecord;
import inkwell.storage.StoredPost;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Waits for the publish function's verdict on each written post, reading only what the function
 * records: the source record of the key (one consistent BatchGetItem per 100 keys and poll), the
 * post item for a published one, the status file for a rejected one.
 *
 * <p>A record speaks of a write once its latest sequencer has moved past the one read before the
 * write. It then counts as the outcome of this write when it matches it: a published post whose
 * content hash is that of the uploaded bytes; a rejection whose status file names the uploaded
 * version (in a versioned bucket; an unversioned one records no versions); a removal for a delete.
 * Anything else is a concurrent write of the same key, and the wait goes on.
 */
final class OutcomeWatcher {

  private static final Duration FIRST_POLL = Duration.ofMillis(50);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(1);

  private final SourceCatalog catalog;
  private final PostReader posts;
  private final Bucket bucket;
  private final Target target;
  private final Clock clock;

  OutcomeWatcher(
      SourceCatalog catalog, PostReader posts, Bucket bucket, Target target, Clock clock) {
    this.catalog = catalog;
    this.posts = posts;
    this.bucket = bucket;
    this.target = target;
    this.clock = clock;
  }

  /**
   * Hands each outcome to {@code report} as it becomes known; once {@code timeout} has passed with
   * no new outcome, one {@link Outcome.Kind#PENDING} outcome for each post still without one. The
   * timeout counts from the latest outcome, not from the start: the publish function applies the
   * bucket's events one batch at a time, so a large upload is reported steadily for as long as it
   * takes, and the wait ends only when nothing moves.
   */
  void await(List<Pending> writes, Duration timeout, Progress progress, Consumer<Outcome> report) {
    Map<String, Pending> waiting = new LinkedHashMap<>();
    writes.forEach(p -> waiting.put(p.key(), p));
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    Duration pause = FIRST_POLL;
    while (!waiting.isEmpty()) {
      Map<String, SourceRecord> records = catalog.find(waiting.keySet());
      for (Pending pending : new ArrayList<>(waiting.values())) {
        Optional<Outcome> outcome = outcome(pending, records.get(pending.key()));
        if (outcome.isPresent()) {
          waiting.remove(pending.key());
          report.accept(outcome.get());
          deadline = System.nanoTime() + timeout.toNanos();
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      progress.show(
          writes.size() - waiting.size(), writes.size(), "published or rejected", seconds);
      if (waiting.isEmpty() || System.nanoTime() >= deadline) {
        break;
      }
      sleep(Math.min(pause.toNanos(), Math.max(0, deadline - System.nanoTime())));
      pause = pause.multipliedBy(3).dividedBy(2);
      if (pause.compareTo(LONGEST_POLL) > 0) {
        pause = LONGEST_POLL;
      }
    }
    for (Pending pending : waiting.values()) {
      report.accept(
          new Outcome(
              Outcome.Kind.PENDING,
              pending.key(),
              ": no outcome within "
                  + seconds(timeout)
                  + " of the last one (is the publish queue moving? ./inkwell status shows it"
                  + " later)"));
    }
  }

  private Optional<Outcome> outcome(Pending pending, SourceRecord record) {
    if (record == null
        || (pending.before() != null && !record.latest().isAfter(pending.before()))) {
      return Optional.empty();
    }
    String key = pending.key();
    return switch (record.state()) {
      case DELETED ->
          pending.removal()
              ? Optional.of(new Outcome(Outcome.Kind.REMOVED, key, ""))
              : Optional.empty();
      case REJECTED -> {
        if (pending.removal() || record.error() == null || !rejectedThisVersion(pending)) {
          yield Optional.empty();
        }
        String described = record.error().describe(key);
        yield Optional.of(
            new Outcome(Outcome.Kind.REJECTED, key, described.substring(key.length())));
      }
      case PUBLISHED -> pending.removal() ? Optional.empty() : published(pending, record);
    };
  }

  private boolean rejectedThisVersion(Pending pending) {
    return pending.versionId() == null
        || bucket.rejectedVersion(pending.key()).map(pending.versionId()::equals).orElse(false);
  }

  private Optional<Outcome> published(Pending pending, SourceRecord record) {
    if (record.slug() == null) {
      return Optional.empty();
    }
    Optional<StoredPost> stored = posts.findPost(record.slug());
    if (stored.isEmpty()
        || stored.get().post() == null
        || !stored.get().post().contentHash().equals(pending.contentHash())) {
      return Optional.empty(); // not this upload's post (yet)
    }
    var post = stored.get().post();
    Visibility visibility = Visibility.of(post, clock.instant());
    return Optional.of(
        new Outcome(
            Outcome.Kind.PUBLISHED,
            pending.key(),
            visibility.describe(post, target.postUrl(post.slug()))));
  }

  /** {@code 60 s}, {@code 0.5 s}. */
  static String seconds(Duration duration) {
    return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString()
        + " s";
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.NOT_PUBLISHED, "interrupted while waiting for outcomes");
    }
  }
}
