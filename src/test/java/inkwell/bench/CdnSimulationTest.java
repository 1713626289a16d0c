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

  @Test
  void theSiteBehindTheCdnPaysNoApiRequestAsItsOriginIsTheFunctionUrl() {
    // 1,000 views, 300 of them reaching the site; each page 1 ms, half a read unit, one GetItem.
    long[] views = {700, 200, 50, 50};
    long[] reached = {210, 60, 15, 15};
    CdnSimulation.Result result =
        new CdnSimulation.Result(1000, views, 700, reached, 1_000_000, 0, 0, 0, 0);
    CostModel.Inputs in = new CostModel.Inputs();
    Map<String, PageBench.PageFigures> pages = new HashMap<>();
    for (String type : ViewTrace.TYPES) {
      pages.put(type, new PageBench.PageFigures("/", 1, 1, List.of("GetItem"), 0.5, 200, 100));
    }
    in.pages = new PageBench.Figures(pages, 1, 1);

    CdnBill site = CdnCostBench.priced("site", result, in, CdnCostBench.Origin.SITE).bill();
    CdnBill api = CdnCostBench.priced("api", result, in, CdnCostBench.Origin.HTTP_API).bill();
    CdnBill none = CdnCostBench.priced("none", result, in, CdnCostBench.Origin.NONE).bill();
    assertThat(site.apiRequests()).isZero();
    assertThat(site.lambdaRequests()).isEqualTo(300);
    assertThat(site.cdnRequests()).isEqualTo(1000);
    assertThat(site.cdnFunctions()).isEqualTo(1000);
    assertThat(api.apiRequests()).isEqualTo(300);
    assertThat(api.perMillionViews() - site.perMillionViews())
        .isCloseTo(300 * CostModel.HTTP_API_PER_REQUEST / 1000 * 1e6, within(1e-9));
    assertThat(none.apiRequests()).isEqualTo(1000);
    assertThat(none.cdnRequests()).isZero();
  }
}
