package inkwell.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the benchmarks find the build and put their files. {@code bench/run} builds the project jar
 * and writes the runtime class path (what the Lambda artifact holds) to {@code
 * target/bench/runtime.classpath}; everything generated goes under {@code target/bench}.
 */
record Workspace(Path project, Path out, List<Path> runtimeJars, List<Path> testClasspath) {

  static Workspace fromSystemProperties() {
    Path project = Path.of(System.getProperty("inkwell.projectDir", ".")).toAbsolutePath();
    Path out = project.resolve("target/bench");
    Path projectJar = projectJar(project);
    List<Path> runtime = new ArrayList<>(readClasspath(out.resolve("runtime.classpath")));
    runtime.add(0, projectJar);
    List<Path> test =
        Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .map(Path::of)
            .toList();
    return new Workspace(project, out, List.copyOf(runtime), test);
  }

  private static Path projectJar(Path project) {
    try (var files = Files.list(project.resolve("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("inkwell-.*\\.jar"))
          .filter(f -> !f.getFileName().toString().contains("-tests"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no project jar in target/: run bench/run"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> readClasspath(Path file) {
    try {
      String text = Files.readString(file).strip();
      return text.isEmpty()
          ? List.of()
          : Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": run bench/run", e);
    }
  }

  /** The jar of the test class path whose file name starts with {@code prefix}. */
  Path testJar(String prefix) {
    return testClasspath.stream()
        .filter(p -> p.getFileName().toString().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(prefix + "*.jar is not on the class path"));
  }

  static String join(List<Path> paths) {
    return paths.stream()
        .map(Path::toString)
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }

  Path dir(String name) {
    Path dir = out.resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** The java launcher of this JVM. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
