package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.ScriptProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./preview} script builds only when its last build is missing or stale, and never
 * starts a stale build. It runs here in a copy of the project's layout ({@link ScriptProject}) with
 * stand-ins for {@code mvn}, {@code java} and {@code jar}.
 */
class PreviewScriptTest {

  @TempDir Path root;
  private ScriptProject project;

  @BeforeEach
  void layOut() throws IOException {
    project = new ScriptProject(root, "preview");
    // The training run (PreviewTraining) is not a start of the preview.
    project.standIn(
        "java",
        "case \"$*\" in *PreviewTraining*) echo training >> \"$CALLS\";;"
            + " *) echo java >> \"$CALLS\";; esac\n");
    project.standIn(
        "jar", "while [ $# -gt 0 ]; do [ \"$1\" = --file ] && : > \"$2\"; shift; done\n");
  }

  private ScriptProject.Run run(Map<String, String> extra) throws Exception {
    return project.run(extra, "--help");
  }

  private ScriptProject.Run run() throws Exception {
    return run(Map.of());
  }

  private static void touchLater(Path file) throws IOException {
    ScriptProject.touchLater(file);
  }

  @Test
  void theFirstRunBuildsThenStarts() throws Exception {
    ScriptProject.Run first = run();
    assertThat(first.calls()).containsExactly("mvn", "training", "java");
    assertThat(first.stderr()).contains("Building the preview");
  }

  @Test
  void aRunWithNothingChangedStartsWithoutBuildingOrSayingSo() throws Exception {
    run();
    ScriptProject.Run second = run();
    assertThat(second.calls()).containsExactly("java");
    assertThat(second.stderr()).doesNotContain("Building");
  }

  @Nested
  class AStaleBuildIsNeverStarted {

    @BeforeEach
    void builtOnce() throws Exception {
      assertThat(run().built()).isTrue();
    }

    @Test
    void whenASourceChanged() throws Exception {
      touchLater(root.resolve("src/main/java/inkwell/A.java"));
      assertThat(run().calls()).containsExactly("mvn", "training", "java");
    }

    @Test
    void whenASourceWasAdded() throws Exception {
      Path added = root.resolve("src/main/java/inkwell/B.java");
      Files.writeString(added, "class B {}");
      touchLater(added.getParent());
      assertThat(run().built()).isTrue();
    }

    @Test
    void whenASourceWasDeleted() throws Exception {
      Files.delete(root.resolve("src/main/java/inkwell/A.java"));
      touchLater(root.resolve("src/main/java/inkwell"));
      assertThat(run().built()).isTrue();
    }

    @Test
    void whenThePomChanged() throws Exception {
      touchLater(root.resolve("pom.xml"));
      assertThat(run().built()).isTrue();
    }

    @Test
    void whenAJarOnTheClassPathIsGone() throws Exception {
      Files.delete(project.jar());
      assertThat(run().built()).isTrue();
    }

    @Test
    void whenTheApplicationJarIsGone() throws Exception {
      Files.delete(root.resolve("target/preview.jar"));
      assertThat(run().built()).isTrue();
    }
  }

  @Test
  void aFailedBuildStopsWithItsOutputAndIsBuiltAgainNextTime() throws Exception {
    run();
    touchLater(root.resolve("src/main/java/inkwell/A.java"));
    ScriptProject.Run failed = run(Map.of("MVN_FAILS", "1"));
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.calls()).doesNotContain("java");
    assertThat(failed.stderr()).contains("COMPILATION ERROR", "preview: the build failed");
    assertThat(run().calls()).containsExactly("mvn", "training", "java");
  }
}
