package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The class-data archive's training run serves the pages it names, each with a 200. */
class PreviewTrainingTest {

  @Test
  void everyPageOfTheTrainingRunIsServed() throws Exception {
    assertThat(PreviewTraining.run(Path.of("examples/posts")))
        .hasSize(PreviewTraining.PATHS.size())
        .containsOnly(200);
  }
}
