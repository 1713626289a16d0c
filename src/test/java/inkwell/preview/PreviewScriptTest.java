package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./preview} script builds only when its last build is missing or stale, and never
 * starts a stale build. It runs here in a copy of the project's layout with stand-ins for {@code
 * mvn} (which records each call and writes what the real build writes) and {@code java} (which
 * records that it started).
 */
class PreviewScriptTest {

  @TempDir Path project;
  private Path bin;
  private Path calls;
  private Path jar;

  record Run(int exit, String stderr, List<String> calls) {
    boolean built() {
      return calls.contains("mvn");
    }

    boolean started() {
      return calls.contains("java");
    }
  }

  @BeforeEach
  void layOut() throws IOException {
    Files.copy(Path.of("preview"), project.resolve("preview"));
    executable(project.resolve("preview"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    Files.createDirectories(project.resolve("src/main/java/inkwell"));
    Files.writeString(project.resolve("src/main/java/inkwell/A.java"), "class A {}");
    jar = project.resolve("repo/lib.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    bin = Files.createDirectories(project.resolve("bin"));
    calls = project.resolve("calls");
    // The build's outputs: classes, the class path file named by -Dmdep.outputFile.
    script(
        "mvn",
        "echo mvn >> \"$CALLS\"\n"
            + "[ -n \"${MVN_FAILS:-}\" ] && { echo 'COMPILATION ERROR' >&2; exit 1; }\n"
            + "mkdir -p \"$PROJECT/target/classes\"\n"
            + "for a in \"$@\"; do case \"$a\" in -Dmdep.outputFile=*)"
            + " printf %s \"$JAR\" > \"${a#-Dmdep.outputFile=}\";; esac; done\n");
    // The training run (PreviewTraining) is not a start of the preview.
    script(
        "java",
        "case \"$*\" in *PreviewTraining*) echo training >> \"$CALLS\";;"
            + " *) echo java >> \"$CALLS\";; esac\n");
    script("jar", "while [ $# -gt 0 ]; do [ \"$1\" = --file ] && : > \"$2\"; shift; done\n");
  }

  private void script(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/usr/bin/env bash\n" + body);
    executable(file);
  }

  private static void executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Run run(Map<String, String> extra) throws Exception {
    Files.deleteIfExists(calls);
    ProcessBuilder builder =
        new ProcessBuilder("bash", project.resolve("preview").toString(), "--help")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.put("PATH", bin + ":" + env.get("PATH"));
    env.put("CALLS", calls.toString());
    env.put("PROJECT", project.toString());
    env.put("JAR", jar.toString());
    env.putAll(extra);
    Process process = builder.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<String> made = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    return new Run(process.exitValue(), stderr, made);
  }

  private Run run() throws Exception {
    return run(Map.of());
  }

  /** Makes {@code file} look saved after the last build. */
  private static void touchLater(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
  }

  @Test
  void theFirstRunBuildsThenStarts() throws Exception {
    Run first = run();
    assertThat(first.calls()).containsExactly("mvn", "training", "java");
    assertThat(first.stderr()).contains("Building the preview");
  }

  @Test
  void aRunWithNothingChangedStartsWithoutBuildingOrSayingSo() throws Exception {
    run();
    Run second = run();
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
      touchLater(project.resolve("src/main/java/inkwell/A.java"));
      assertThat(run().calls()).containsExactly("mvn", "training", "java");
    }

    @Test
    void whenASourceWasAdded() throws Exception {
      Path added = project.resolve("src/main/java/inkwell/B.java");
      Files.writeString(added, "class B {}");
      touchLater(added.getParent());
      assertThat(run().built()).isTrue();
    }

    @Test
    void whenASourceWasDeleted() throws Exception {
      Files.delete(project.resolve("src/main/java/inkwell/A.java"));
      touchLater(project.resolve("src/main/java/inkwell"));
      assertThat(run().built()).isTrue();
    }

    @Test
    void whenThePomChanged() throws Exception {
      touchLater(project.resolve("pom.xml"));
      assertThat(run().built()).isTrue();
    }

    @Test
    void whenAJarOnTheClassPathIsGone() throws Exception {
      Files.delete(jar);
      assertThat(run().built()).isTrue();
    }

    @Test
    void whenTheApplicationJarIsGone() throws Exception {
      Files.delete(project.resolve("target/preview.jar"));
      assertThat(run().built()).isTrue();
    }
  }

  @Test
  void aFailedBuildStopsWithItsOutputAndIsBuiltAgainNextTime() throws Exception {
    run();
    touchLater(project.resolve("src/main/java/inkwell/A.java"));
    Run failed = run(Map.of("MVN_FAILS", "1"));
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.started()).isFalse();
    assertThat(failed.stderr()).contains("COMPILATION ERROR", "preview: the build failed");
    assertThat(run().calls()).containsExactly("mvn", "training", "java");
  }
}
