package inkwell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Emulators;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's and docs/PUBLISHING.md's account of {@code ./inkwell} is what the command does. */
@ExtendWith(AwsEmulators.class)
class CliDocsTest {

  private final Emulators emulators;

  CliDocsTest(Emulators emulators) {
    this.emulators = emulators;
  }

  private static final String COMMAND = "$ ./inkwell publish examples/posts --stack blog";

  /** The lines printed after the first {@link #COMMAND} in {@code file}, up to the next prompt. */
  private static List<String> firstExample(String file) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(file));
    List<String> example = new ArrayList<>();
    for (int i = lines.indexOf(COMMAND) + 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith("$") || lines.get(i).startsWith("```")) {
        break;
      }
      example.add(lines.get(i));
    }
    return example;
  }

  @ParameterizedTest
  @ValueSource(strings = {"README.md", "docs/PUBLISHING.md"})
  void showsWhatPublishingTheSamplesPrints(String file) throws IOException {
    try (TestBlog blog = TestBlog.create(emulators)) {
      List<String> printed = blog.publish().out();
      List<String> shown = firstExample(file);
      assertThat(shown).isNotEmpty();
      assertThat(printed.subList(0, printed.size() - 1))
          .containsExactlyInAnyOrderElementsOf(shown.subList(0, shown.size() - 1));
      assertThat(printed.get(printed.size() - 1)).isEqualTo(shown.get(shown.size() - 1));
    }
  }

  @Test
  void theReferenceListsEveryExitStatus() throws IOException, IllegalAccessException {
    String reference = Files.readString(Path.of("docs/PUBLISHING.md"));
    for (Field field : ExitCode.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
        assertThat(reference).as(field.getName()).contains("| " + field.getInt(null) + " | ");
      }
    }
  }

  @Test
  void theHelpAndTheReferenceNameTheSameOptions() throws IOException {
    String reference = Files.readString(Path.of("docs/PUBLISHING.md"));
    for (String option : List.of("--delete", "--timeout S", "--stack NAME", "--help")) {
      assertThat(Arguments.USAGE).contains(option);
      assertThat(reference).contains(option);
    }
  }
}
