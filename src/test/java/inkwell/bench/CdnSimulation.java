package inkwell.bench;

import inkwell.cdn.CacheControl;
import inkwell.cdn.CdnCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a {@link ViewTrace} through one {@link CdnCache} per region in front of an origin that
 * answers each page type with the {@code Cache-Control} given for it (the site's own, read from its
 * responses by {@link CdnCostBench}). A publish changes the pages it shows on: the new post, the
 * post before it (its "newer" link), the home page, the feed and the new post's tag pages. Counts
 * what reached the origin, the bytes readers got, and the views that showed an outdated version,
 * with how long after the change.
 */
final class CdnSimulation {

  /** How the origin answers one page type: its caching rules and the bytes a reader receives. */
  record Page(CacheControl control, long bytes) {}

  /**
   * What happened to the trace's views.
   *
   * @param viewsByType views per page type (as {@link ViewTrace#TYPES})
   * @param originByType requests that reached the origin, per page type (as {@link
   *     ViewTrace#TYPES}), including the refreshes behind stale hits
   * @param staleViews views that got a version older than the origin's
   * @param staleBeyondFresh of those, views more than the page's freshness time after the change
   * @param longestStaleSeconds the longest time between a change and a view that did not show it
   */
  record Result(
      long views,
      long[] viewsByType,
      long fromCache,
      long[] originByType,
      long bytes,
      long staleViews,
      long staleBeyondFresh,
      double longestStaleSeconds,
      long invalidations) {

    long originRequests() {
      long sum = 0;
      for (long n : originByType) {
        sum += n;
      }
      return sum;
    }

    double hitRatio() {
      return (double) fromCache / views;
    }
  }

  private CdnSimulation() {}

  /** No invalidation at a publish: {@link #run(ViewTrace, ViewTrace.Settings, List, long)}. */
  static final long NO_INVALIDATION = -1;

  /**
   * Runs {@code trace} with {@code pages} (per type index); {@code invalidateOnPublish} drops every
   * cached copy at each publish (an invalidation of {@code /*}), at once.
   */
  static Result run(
      ViewTrace trace, ViewTrace.Settings settings, List<Page> pages, boolean invalidateOnPublish) {
    return run(trace, settings, pages, invalidateOnPublish ? 0 : NO_INVALIDATION);
  }

  /**
   * Runs {@code trace} with {@code pages} (per type index); unless {@code invalidationDelayMillis}
   * is {@link #NO_INVALIDATION}, each publish asks for an invalidation of {@code /*} (as the index
   * function does after the publish's batch, or a static site's deploy) that takes effect that long
   * after the publish: until then the caches serve their old copies.
   */
  static Result run(
      ViewTrace trace,
      ViewTrace.Settings settings,
      List<Page> pages,
      long invalidationDelayMillis) {
    boolean invalidateOnPublish = invalidationDelayMillis >= 0;
    CdnCache[] caches = new CdnCache[settings.regions()];
    for (int i = 0; i < caches.length; i++) {
      caches[i] = new CdnCache();
    }
    Map<String, List<Long>> changes = new HashMap<>();
    long[] originByType = new long[ViewTrace.TYPES.size()];
    long[] viewsByType = new long[ViewTrace.TYPES.size()];
    long[] totals = new long[4]; // views, from cache, bytes, stale
    long[] beyond = new long[1];
    double[] longest = new double[1];
    long[] invalidations = new long[1];
    int[] currentType = new int[1];
    CdnCache.Origin origin =
        key -> {
          originByType[currentType[0]]++;
          List<Long> times = changes.get(key);
          String version = Integer.toString(times == null ? 0 : times.size());
          return new CdnCache.Response(version, pages.get(currentType[0]).control());
        };
    trace.replay(
        new ViewTrace.Visitor() {
          @Override
          public void view(long atMillis, int type, String key, int region) {
            currentType[0] = type;
            CdnCache.Served served = caches[region].get(key, atMillis, origin);
            totals[0]++;
            viewsByType[type]++;
            totals[2] += pages.get(type).bytes();
            if (served.outcome().fromCache()) {
              totals[1]++;
            }
            List<Long> times = changes.get(key);
            int current = times == null ? 0 : times.size();
            int got = Integer.parseInt(served.version());
            if (got < current) {
              totals[3]++;
              double age = (atMillis - times.get(got)) / 1000.0;
              longest[0] = Math.max(longest[0], age);
              if (age > pages.get(type).control().freshSeconds()) {
                beyond[0]++;
              }
            }
          }

          @Override
          public void publish(long atMillis, int postId, int previous, int[] tags) {
            List<String> changed = new ArrayList<>();
            changed.add(ViewTrace.postKey(postId));
            changed.add(ViewTrace.postKey(previous));
            changed.add("/");
            changed.add("/feed.xml");
            for (int tag : tags) {
              changed.add(ViewTrace.tagKey(tag));
            }
            for (String key : changed) {
              changes.computeIfAbsent(key, k -> new ArrayList<>()).add(atMillis);
            }
            if (invalidateOnPublish) {
              for (CdnCache cache : caches) {
                cache.invalidateAll(atMillis, atMillis + invalidationDelayMillis);
              }
              invalidations[0]++;
            }
          }
        });
    return new Result(
        totals[0],
        viewsByType,
        totals[1],
        originByType,
        totals[2],
        totals[3],
        beyond[0],
        longest[0],
        invalidations[0]);
  }
}
