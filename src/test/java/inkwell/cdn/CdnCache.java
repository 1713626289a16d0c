package inkwell.cdn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One cache of a CDN (a regional edge cache of CloudFront, say) in front of an origin, obeying the
 * origin's {@link CacheControl}: a fresh copy is served as it is; an expired one within {@code
 * stale-while-revalidate} is served once more while the cache fetches a new copy from the origin
 * (the fetch is modelled as done before the next request); past that, or for a key never seen, the
 * origin answers and the cache keeps what it may. Capacity is unbounded: nothing is evicted but by
 * time or invalidation. An invalidation takes effect at once ({@link #invalidateAll()}) or, as
 * CloudFront's does, some time after it was asked for ({@link #invalidateAll(long, long)}): until
 * then the old copies are served. Time is in milliseconds and only moves forward. Not thread-safe.
 */
public final class CdnCache {

  /** How a request was answered. */
  public enum Outcome {
    /** From a fresh copy; the origin was not asked. */
    HIT,
    /** From an expired copy within stale-while-revalidate; the origin was asked for a new one. */
    STALE_HIT,
    /** By the origin; the answer was kept. */
    MISS,
    /** By the origin; the answer may not be kept (no-store, private, an error). */
    PASS;

    /** True if the reader got a copy from the cache. */
    public boolean fromCache() {
      return this == HIT || this == STALE_HIT;
    }

    /** True if the origin was asked (in the reader's request or behind it). */
    public boolean reachedOrigin() {
      return this != HIT;
    }
  }

  /** What the origin answers: the version of the content (an ETag, a counter) and its rules. */
  public record Response(String version, CacheControl control) {}

  /** The origin behind the cache. */
  @FunctionalInterface
  public interface Origin {
    Response fetch(String key);
  }

  /** How a request was answered, and the version the reader got. */
  public record Served(Outcome outcome, String version) {}

  private record Entry(String version, long storedAt, long freshUntil, long staleUntil) {}

  /** An invalidation asked for at {@code requestedAt}, done at the edge at {@code completesAt}. */
  private record Pending(long requestedAt, long completesAt) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final List<Pending> pending = new ArrayList<>();

  /** Answers a request for {@code key} at {@code nowMillis}. */
  public Served get(String key, long nowMillis, Origin origin) {
    completeInvalidations(nowMillis);
    Entry entry = entries.get(key);
    if (entry != null && nowMillis < entry.freshUntil()) {
      return new Served(Outcome.HIT, entry.version());
    }
    if (entry != null && nowMillis < entry.staleUntil()) {
      store(key, nowMillis, origin.fetch(key));
      return new Served(Outcome.STALE_HIT, entry.version());
    }
    Response response = origin.fetch(key);
    boolean kept = store(key, nowMillis, response);
    return new Served(kept ? Outcome.MISS : Outcome.PASS, response.version());
  }

  /** Drops every copy (an invalidation of {@code /*}), at once. */
  public void invalidateAll() {
    entries.clear();
  }

  /**
   * An invalidation of {@code /*} asked for at {@code requestedAtMillis} that takes effect at
   * {@code completesAtMillis}: from then on, every copy stored before it was asked for is gone;
   * until then they are served as before. Copies fetched after it was asked for are already new.
   */
  public void invalidateAll(long requestedAtMillis, long completesAtMillis) {
    if (completesAtMillis < requestedAtMillis) {
      throw new IllegalArgumentException("an invalidation completes after it is asked for");
    }
    pending.add(new Pending(requestedAtMillis, completesAtMillis));
  }

  private void completeInvalidations(long nowMillis) {
    if (pending.isEmpty()) {
      return;
    }
    pending.removeIf(
        invalidation -> {
          if (nowMillis < invalidation.completesAt()) {
            return false;
          }
          entries.values().removeIf(entry -> entry.storedAt() < invalidation.requestedAt());
          return true;
        });
  }

  /** The number of keys held, fresh or not. */
  public int size() {
    return entries.size();
  }

  private boolean store(String key, long nowMillis, Response response) {
    CacheControl control = response.control();
    if (!control.storable()) {
      entries.remove(key);
      return false;
    }
    long freshUntil = nowMillis + control.freshSeconds() * 1000;
    entries.put(
        key,
        new Entry(
            response.version(), nowMillis, freshUntil, freshUntil + control.staleSeconds() * 1000));
    return true;
  }
}
