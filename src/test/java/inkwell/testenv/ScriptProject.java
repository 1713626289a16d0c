package inkwell.testenv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A copy of the project's layout in which a root script ({@code ./preview}, {@code ./inkwell}) runs
 * with stand-ins on the PATH: {@code mvn} records its call and writes what the real build writes
 * (the classes folder, the class path file named by {@code -Dmdep.outputFile}, pointing at one
 * jar), fails with {@code MVN_FAILS} set; {@code java} and {@code jar} as given. Each stand-in
 * appends a word to the calls file, so a test sees what the script ran, in order.
 */
public final class ScriptProject {

  /** What one run of the script did. */
  public record Run(int exit, String stderr, List<String> calls) {

    public boolean built() {
      return calls.contains("mvn");
    }
  }

  private final Path root;
  private final Path bin;
  private final Path calls;
  private final Path jar;
  private final String script;

  /**
   * Lays out {@code root} with a copy of {@code script} and what it sources, a pom, one source and
   * one jar on the class path.
   */
  public ScriptProject(Path root, String script) throws IOException {
    this.root = root;
    this.script = script;
    Files.copy(Path.of(script), root.resolve(script));
    executable(root.resolve(script));
    Files.createDirectories(root.resolve("scripts"));
    Files.copy(Path.of("scripts/needs-build.sh"), root.resolve("scripts/needs-build.sh"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Files.createDirectories(root.resolve("src/main/java/inkwell"));
    Files.writeString(root.resolve("src/main/java/inkwell/A.java"), "class A {}");
    jar = root.resolve("repo/lib.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    bin = Files.createDirectories(root.resolve("bin"));
    calls = root.resolve("calls");
    standIn(
        "mvn",
        "echo mvn >> \"$CALLS\"\n"
            + "echo \"$*\" > \"$PROJECT/mvn-args\"\n"
            + "[ -n \"${MVN_FAILS:-}\" ] && { echo 'COMPILATION ERROR' >&2; exit 1; }\n"
            + "mkdir -p \"$PROJECT/target/classes\"\n"
            + "for a in \"$@\"; do case \"$a\" in -Dmdep.outputFile=*)"
            + " printf %s \"$JAR\" > \"${a#-Dmdep.outputFile=}\";; esac; done\n");
    standIn("java", "echo java >> \"$CALLS\"\n");
  }

  /** Puts a stand-in for {@code name} on the PATH, running {@code body} with bash. */
  public void standIn(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/usr/bin/env bash\n" + body);
    executable(file);
  }

  public Path root() {
    return root;
  }

  public Path jar() {
    return jar;
  }

  /** The arguments the last build's {@code mvn} got. */
  public String mavenArguments() throws IOException {
    return Files.readString(root.resolve("mvn-args")).strip();
  }

  /** Runs the script with {@code args}, the stand-ins first on the PATH and {@code extra} set. */
  public Run run(Map<String, String> extra, String... args) throws Exception {
    Files.deleteIfExists(calls);
    List<String> command = new ArrayList<>(List.of("bash", root.resolve(script).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.put("PATH", bin + ":" + env.get("PATH"));
    env.put("CALLS", calls.toString());
    env.put("PROJECT", root.toString());
    env.put("JAR", jar.toString());
    env.putAll(extra);
    Process process = builder.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(script + " did not finish within 30 s");
    }
    List<String> made = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    return new Run(process.exitValue(), stderr, made);
  }

  /** Makes {@code file} look saved after the last build. */
  public static void touchLater(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
  }

  private static void executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
