package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.PostError;
import inkwell.storage.Sequencer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the preview prints about files that went live with warnings. */
class PreviewStatusTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PreviewStatus status =
      new PreviewStatus(
          List.of("posts/"), new PrintStream(out, true, StandardCharsets.UTF_8), false);

  private static final PostError NO_ALT =
      PostError.at(PostError.Kind.IMAGE_WITHOUT_ALT, 6, 5, "<img src=\"a.png\"> has no alt text");

  private void warn(List<PostError> warnings) {
    status.reportWarnings("posts/a.md", Sequencer.of("01"), null, warnings, Instant.EPOCH);
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aWarningIsPrintedOnceWithItsPositionLikeACompilerWould() {
    warn(List.of(NO_ALT));
    warn(List.of(NO_ALT));
    assertThat(printed())
        .isEqualTo("  warning  posts/a.md:6:5: <img src=\"a.png\"> has no alt text\n");
    assertThat(status.warnings())
        .containsExactly("posts/a.md:6:5: <img src=\"a.png\"> has no alt text");
  }

  @Test
  void fixingTheFileClearsItsWarnings() {
    warn(List.of(NO_ALT));
    status.clear("posts/a.md");
    assertThat(printed()).endsWith("  fixed  posts/a.md\n");
    assertThat(status.warnings()).isEmpty();
  }
}
