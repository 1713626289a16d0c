package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code ./preview --help} lists every option, and every option it lists is accepted. */
class PreviewOptionsTest {

  private static final Path DEFAULT = Path.of("examples/posts");

  private static Set<String> options(String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher option = Pattern.compile("--[a-z-]+").matcher(text);
    while (option.find()) {
      found.add(option.group());
    }
    return found;
  }

  @Test
  void theUsageLineNamesEveryOptionTheHelpDescribes() {
    String usage = PreviewOptions.USAGE;
    int blank = usage.indexOf("\n\n");
    Set<String> described = options(usage.substring(blank));
    described.remove("--aws"); // also named inside another option's text
    assertThat(options(usage.substring(0, blank)))
        .containsAll(described)
        .contains("--port", "--host", "--media", "--drafts", "--no-reload", "--aws");
  }

  @Test
  void everyOptionTheHelpNamesIsAccepted() throws Exception {
    for (String option : options(PreviewOptions.USAGE)) {
      if (option.equals("--help")) {
        // Help is a usage "error" with no message: the caller prints the usage and exits with 0.
        assertThatThrownBy(() -> PreviewOptions.parse(List.of(option), DEFAULT))
            .isInstanceOf(PreviewOptions.UsageException.class)
            .hasMessage("");
        continue;
      }
      List<String> args = new ArrayList<>(List.of(option));
      if (Set.of("--port", "--host", "--media").contains(option)) {
        args.add(option.equals("--port") ? "0" : "x");
      }
      PreviewOptions.parse(args, DEFAULT);
    }
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertThatThrownBy(() -> PreviewOptions.parse(List.of("--reload-never"), DEFAULT))
        .isInstanceOf(PreviewOptions.UsageException.class)
        .hasMessage("unknown option --reload-never");
  }
}
