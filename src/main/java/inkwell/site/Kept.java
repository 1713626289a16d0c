package inkwell.site;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A value every page shares (the ends of the timeline, the header's menu), read from storage and
 * kept by a warm function for a configured time, so that a page view still costs one storage
 * request in the common case. With 0 seconds it is read for every page. Thread-safe.
 *
 * @param <T> an immutable value
 */
final class Kept<T> {

  private record Cached<T>(T value, Instant expires) {}

  private final Function<Instant, T> read;
  private final long seconds;
  private final Clock clock;
  private volatile Cached<T> cached;

  /** Keeps what {@code read} returns for a given "now" for {@code seconds}. */
  Kept(Function<Instant, T> read, long seconds, Clock clock) {
    this.read = read;
    this.seconds = seconds;
    this.clock = clock;
  }

  /** The kept value, or a fresh one read as of {@code now} if none is kept or it expired. */
  T get(Instant now) {
    Optional<T> kept = kept();
    if (kept.isPresent()) {
      return kept.get();
    }
    T value = read.apply(now);
    if (seconds > 0) {
      cached = new Cached<>(value, clock.instant().plusSeconds(seconds));
    }
    return value;
  }

  /** The kept value if there is one that has not expired; never reads storage. */
  Optional<T> kept() {
    Cached<T> current = cached;
    return current != null && clock.instant().isBefore(current.expires())
        ? Optional.of(current.value())
        : Optional.empty();
  }

  /** Forgets the value: the posts changed. */
  void clear() {
    cached = null;
  }
}
