package inkwell.search;

import inkwell.storage.EdgeCache;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what the index function asks of its {@link EdgeCache} port: which distributions it opens
 * and each {@code invalidateAll} with its batch reference, in order. A recorder of the port, not a
 * stand-in for CloudFront (the CloudFront adapter is tested against moto: {@code
 * CloudFrontEdgeCacheTest}). It can be told to fail the next invalidations, as CloudFront refusing
 * would. Put in a handler's context by setting {@value #PROPERTY}; the handler's own decision (a
 * distribution configured or not) is left as it is. Thread-safe.
 */
public final class RecordingEdgeCaches implements EdgeCache.Opener {

  /** Set (to anything) to record instead of opening CloudFront distributions. */
  public static final String PROPERTY = "inkwell.test.record-edge-cache";

  /** One call of {@code invalidateAll}, and whether it was made to fail. */
  public record Invalidation(String distributionId, String reference, boolean failed) {}

  private final List<String> opened = new ArrayList<>();
  private final List<Invalidation> invalidations = new ArrayList<>();
  private int failuresLeft;
  private RuntimeException failure;

  @Override
  public synchronized EdgeCache open(String distributionId) {
    opened.add(distributionId);
    return reference -> record(distributionId, reference);
  }

  private synchronized void record(String distributionId, String reference) {
    boolean fail = failuresLeft > 0;
    invalidations.add(new Invalidation(distributionId, reference, fail));
    if (fail) {
      failuresLeft--;
      throw failure;
    }
  }

  /** The next {@code times} invalidations throw {@code failure}. */
  public synchronized void failNext(int times, RuntimeException failure) {
    this.failuresLeft = times;
    this.failure = failure;
  }

  public synchronized List<String> opened() {
    return List.copyOf(opened);
  }

  public synchronized List<Invalidation> invalidations() {
    return List.copyOf(invalidations);
  }

  /** Puts the recorder in place of the CloudFront opener when {@value #PROPERTY} is set. */
  @Factory
  @Requires(property = PROPERTY)
  static class Beans {
    @Singleton
    @Replaces(EdgeCache.Opener.class)
    RecordingEdgeCaches recordingEdgeCaches() {
      return new RecordingEdgeCaches();
    }
  }
}
