package inkwell.preview;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far the preview's first load of the folder has come: until {@link #isComplete()}, every page
 * is the loading page ({@link LoadingGate}), never a site with posts missing. Thread-safe.
 */
public final class LoadProgress {

  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger loaded = new AtomicInteger();
  private volatile boolean complete;
  private volatile Loaded loadedReport;

  /**
   * What the first load did: {@code posts} published (of {@code files} read), {@code fromCache}
   * read back from the render cache, {@code rendered} rendered, in {@code took}.
   */
  public record Loaded(int posts, int files, int fromCache, int rendered, Duration took) {}

  /** The load found {@code files} files to read. */
  void started(int files) {
    total.set(files);
    loaded.set(0);
  }

  /** One more file is read (rendered or from the render cache). */
  void loadedOne() {
    loaded.incrementAndGet();
  }

  /** Every file is in the index and the listings: the site is complete from now on. */
  void completed(Loaded report) {
    loaded.set(total.get());
    loadedReport = report;
    complete = true;
  }

  /** What the first load did; null until it is complete. */
  public Loaded report() {
    return loadedReport;
  }

  public boolean isComplete() {
    return complete;
  }

  public int loaded() {
    return Math.min(loaded.get(), total.get());
  }

  public int total() {
    return total.get();
  }
}
