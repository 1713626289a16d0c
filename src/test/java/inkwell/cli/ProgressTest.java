package inkwell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bar is drawn only on a terminal, and never mixes with the output lines. */
class ProgressTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Progress progress(boolean terminal) {
    return new Progress(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        terminal);
  }

  @Test
  void onATerminalTheBarIsRedrawnInPlaceOnStandardErrorAndClearedBeforeEachLine() {
    Progress progress = progress(true);
    progress.show(1, 4, "waiting", 0.5);
    progress.println("published  posts/a.md");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("\r[#######.......................] 1/4 waiting 0.5 s\033[K" + "\r\033[K");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("published  posts/a.md\n");
  }

  @Test
  void offATerminalOnlyTheLinesAppear() {
    Progress progress = progress(false);
    progress.show(1, 4, "waiting", 0.5);
    progress.println("published  posts/a.md");
    progress.clear();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("published  posts/a.md\n");
  }
}
