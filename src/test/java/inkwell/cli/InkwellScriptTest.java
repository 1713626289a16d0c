package inkwell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.ScriptProject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./inkwell} script builds with the cli profile only when its last build is missing or
 * stale (the rules it shares with {@code ./preview}, scripts/needs-build.sh), then runs the
 * command. Run in a copy of the project's layout with stand-ins for {@code mvn} and {@code java}.
 */
class InkwellScriptTest {

  @TempDir Path root;
  private ScriptProject project;

  @BeforeEach
  void layOut() throws Exception {
    project = new ScriptProject(root, "inkwell");
  }

  @Test
  void theFirstRunBuildsWithTheCliProfileThenRunsTheCommand() throws Exception {
    ScriptProject.Run first = project.run(Map.of(), "--help");
    assertThat(first.calls()).containsExactly("mvn", "java");
    assertThat(first.stderr()).contains("Building inkwell");
    assertThat(project.mavenArguments()).contains("-Pcli", "-DincludeScope=runtime");
  }

  @Test
  void aRunWithNothingChangedRunsWithoutBuildingOrSayingSo() throws Exception {
    project.run(Map.of(), "--help");
    ScriptProject.Run second = project.run(Map.of(), "status");
    assertThat(second.calls()).containsExactly("java");
    assertThat(second.stderr()).doesNotContain("Building");
  }

  @Test
  void aChangedSourceIsBuiltBeforeTheCommandRuns() throws Exception {
    project.run(Map.of(), "--help");
    ScriptProject.touchLater(root.resolve("src/main/java/inkwell/A.java"));
    assertThat(project.run(Map.of(), "status").calls()).containsExactly("mvn", "java");
  }

  @Test
  void aFailedBuildStopsWithItsOutputAndRunsNothing() throws Exception {
    ScriptProject.Run failed = project.run(Map.of("MVN_FAILS", "1"), "status");
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.calls()).containsExactly("mvn");
    assertThat(failed.stderr()).contains("COMPILATION ERROR", "inkwell: the build failed");
  }
}
