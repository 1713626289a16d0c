package inkwell.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real CloudFormation tools of this machine image's Python: cfn-lint and the SAM translator
 * (which cfn-lint depends on). A non-interactive shell may lack pyenv's shims on its PATH, so the
 * PATH is searched first, then {@code ~/.pyenv/shims}, then each {@code ~/.pyenv/versions/}.
 */
final class CloudFormationTools {

  /** What a tool printed (standard output and error together) and its exit code. */
  record Run(int exitCode, String output) {}

  private CloudFormationTools() {}

  /** The folder holding both {@code cfn-lint} and {@code python3}, or null if none does. */
  static Path binFolder() {
    List<Path> candidates = new ArrayList<>();
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!entry.isEmpty()) {
        candidates.add(Path.of(entry));
      }
    }
    Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv");
    candidates.add(pyenv.resolve("shims"));
    try (Stream<Path> versions = Files.list(pyenv.resolve("versions"))) {
      versions.sorted().forEach(v -> candidates.add(v.resolve("bin")));
    } catch (IOException e) {
      // no pyenv versions
    }
    return candidates.stream()
        .filter(
            dir ->
                Files.isExecutable(dir.resolve("cfn-lint"))
                    && Files.isExecutable(dir.resolve("python3")))
        .findFirst()
        .orElse(null);
  }

  /** Runs {@code tool} of the bin folder with {@code arguments}, in the project's folder. */
  static Run run(String tool, String... arguments) {
    Path bin = binFolder();
    // Skipped, not failed, where the image has no such Python (as the moto tests are): cfn-lint
    // comes from PyPI, which a clean machine may not reach. This project's machines have it.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        bin != null,
        "cfn-lint and python3 not found on PATH, in ~/.pyenv/shims or ~/.pyenv/versions/*/bin");
    List<String> command = new ArrayList<>(List.of(bin.resolve(tool).toString()));
    command.addAll(List.of(arguments));
    try {
      Path output = Files.createTempFile("inkwell-cfn-", ".out");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", ""));
        builder.environment().putIfAbsent("AWS_DEFAULT_REGION", "us-east-1");
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(command + " did not finish in 180 s");
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
