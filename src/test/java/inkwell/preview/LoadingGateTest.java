package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadingGateTest {

  private final LoadProgress progress = new LoadProgress();
  private final LoadingGate gate = new LoadingGate(progress);

  @Test
  void midwayThroughTheLoadEveryRequestGetsTheLoadingPageWithItsCount() {
    progress.started(1000);
    for (int i = 0; i < 412; i++) {
      progress.loadedOne();
    }

    HttpResponse<byte[]> response = gate.holdUntilLoaded(HttpRequest.GET("/archive/"));

    assertThat(response.code()).isEqualTo(503);
    assertThat(response.getHeaders().get("Refresh")).isEqualTo("1");
    assertThat(response.getHeaders().get("Retry-After")).isEqualTo("1");
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .contains("<title>Loading 412 of 1,000 posts</title>")
        .contains("<p>Loading 412 of 1,000 posts…</p>");
  }

  @Test
  void theLiveReloadStreamIsNotHeldSoThatOpenPagesReloadWhenTheLoadEnds() {
    progress.started(1000);
    assertThat(gate.holdUntilLoaded(HttpRequest.GET(LiveReload.PATH))).isNull();
    assertThat(gate.holdUntilLoaded(HttpRequest.GET(LiveReload.PATH + "x")).code()).isEqualTo(503);
  }

  @Test
  void onceTheLoadIsCompleteRequestsPassThrough() {
    progress.started(2);
    progress.completed(new LoadProgress.Loaded(2, 2, 0, 2, Duration.ofMillis(5)));
    assertThat(gate.holdUntilLoaded(HttpRequest.GET("/"))).isNull();
    assertThat(progress.loaded()).isEqualTo(2);
  }

  @Test
  void theMessageCountsInEnglishAndSaysPostForOne() {
    assertThat(LoadingGate.message(0, 0)).isEqualTo("Loading posts");
    assertThat(LoadingGate.message(0, 1)).isEqualTo("Loading 0 of 1 post");
    assertThat(LoadingGate.message(9999, 10000)).isEqualTo("Loading 9,999 of 10,000 posts");
  }
}
