package inkwell.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import inkwell.cdn.CacheControl;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost simulation's trace and replay do what docs/BENCHMARKS.md says they do. */
class CdnSimulationTest {

  private static final ViewTrace.Settings SMALL =
      new ViewTrace.Settings(200_000, 5_000, 50, 1.0, 30, 2, 2, 7);

  private static List<CdnSimulation.Page> pages(CacheControl control) {
    return Collections.nCopies(ViewTrace.TYPES.size(), new CdnSimulation.Page(control, 1000));
  }

  @Test
  void theTraceFollowsThePageMixAndReadsTheNewestPostMost() {
    long[] byType = new long[ViewTrace.TYPES.size()];
    Map<String, Integer> posts = new HashMap<>();
    int[] publishes = new int[1];
    new ViewTrace(SMALL)
        .replay(
            new ViewTrace.Visitor() {
              @Override
              public void view(long atMillis, int type, String key, int region) {
                byType[type]++;
                if (type == 0) {
                  posts.merge(key, 1, Integer::sum);
                }
              }

              @Override
              public void publish(long atMillis, int postId, int previous, int[] tags) {
                publishes[0]++;
                assertThat(postId).isEqualTo(previous + 1);
                assertThat(tags).doesNotHaveDuplicates().hasSize(3);
              }
            });
    for (int type = 0; type < byType.length; type++) {
      assertThat((double) byType[type] / SMALL.views())
          .as(ViewTrace.TYPES.get(type))
          .isCloseTo(CostModel.PAGE_MIX.get(ViewTrace.TYPES.get(type)), within(0.01));
    }
    assertThat(publishes[0]).isEqualTo(60);
    String mostRead =
        posts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    int newestAtTheStart = SMALL.posts() - 1;
    assertThat(Integer.parseInt(mostRead.replaceAll("\\D", "")))
        .isGreaterThanOrEqualTo(newestAtTheStart);
  }

  @Test
  void whatMayNotBeKeptSendsEveryViewToTheOrigin() {
    CdnSimulation.Result result =
        CdnSimulation.run(new ViewTrace(SMALL), SMALL, pages(CacheControl.NOT_STORED), false);
    assertThat(result.originRequests()).isEqualTo(SMALL.views());
    assertThat(result.fromCache()).isZero();
    assertThat(result.staleViews()).isZero();
  }

  @Test
  void anInvalidationThatTakesAMinuteShowsOldPagesForAtMostThatMinute() {
    CacheControl day = new CacheControl(true, 86_400, 86_400);
    CdnSimulation.Result atOnce = CdnSimulation.run(new ViewTrace(SMALL), SMALL, pages(day), 0);
    CdnSimulation.Result aMinute =
        CdnSimulation.run(new ViewTrace(SMALL), SMALL, pages(day), 60_000);
    assertThat(atOnce.staleViews()).isZero();
    assertThat(aMinute.staleViews()).isPositive();
    assertThat(aMinute.longestStaleSeconds()).isLessThanOrEqualTo(60);
    assertThat(aMinute.invalidations()).isEqualTo(60);
  }

  @Test
  void aLongCacheShowsOldPagesAfterPublishesUnlessEachPublishInvalidates() {
    CacheControl day = new CacheControl(true, 86_400, 0);
    CdnSimulation.Result kept = CdnSimulation.run(new ViewTrace(SMALL), SMALL, pages(day), false);
    CdnSimulation.Result invalidated =
        CdnSimulation.run(new ViewTrace(SMALL), SMALL, pages(day), true);
    assertThat(kept.staleViews()).isPositive();
    assertThat(kept.longestStaleSeconds()).isLessThanOrEqualTo(86_400);
    assertThat(invalidated.staleViews()).isZero();
    assertThat(invalidated.invalidations()).isEqualTo(60);
    assertThat(invalidated.originRequests()).isGreaterThan(kept.originRequests());
    assertThat(kept.bytes()).isEqualTo(SMALL.views() * 1000);
  }
}
