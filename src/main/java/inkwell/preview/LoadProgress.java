package inkwell.preview;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far the preview's first load of the folder has come: until {@link #isComplete()}, every
 * page is the loading page ({@link LoadingGate}), never a site with posts missing. Thread-safe.
 */
public final class LoadProgress {

  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger loaded = new AtomicInteger();
  private volatile boolean complete;

  /** The load found {@code files} files to read. */
  void started(int files) {
    total.set(files);
    loaded.set(0);
  }

  /** One more file is read (rendered or from the render cache). */
  void loadedOne() {
    loaded.incrementAndGet();
  }

  /** Every file is in the index, listings and search: the site is complete from now on. */
  void completed() {
    loaded.set(total.get());
    complete = true;
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
