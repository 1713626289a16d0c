package inkwell.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inkwell.browser.SiteChecksScript.MissingToolException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The W3C Nu HTML Checker (the validator behind validator.w3.org/nu), from the npm package {@code
 * vnu-jar}, run with the JDK that runs the tests over documents saved to disk, in one process. Only
 * errors are kept; warnings and notes are advice.
 */
final class NuHtmlChecker {

  private static final long TIMEOUT_MINUTES = 5;

  private final Path jar;

  private NuHtmlChecker(Path jar) {
    this.jar = jar;
  }

  /** An error, in the document saved as {@code document}. */
  record Error(String document, int line, int column, String message, String extract) {
    @Override
    public String toString() {
      return document + ":" + line + ":" + column + ": " + message + " [" + extract + "]";
    }
  }

  /** The checker in this project's {@code node_modules}; fails if {@code npm ci} has not run. */
  static NuHtmlChecker locate(Path projectDir) throws MissingToolException {
    Path jar = projectDir.resolve("node_modules/vnu-jar/build/dist/vnu.jar");
    if (!Files.isRegularFile(jar)) {
      throw new MissingToolException(
          "the Nu HTML Checker is not installed at "
              + jar
              + ": run `npm ci` in "
              + projectDir
              + " (the Maven build does it in generate-test-resources when it is missing).");
    }
    return new NuHtmlChecker(jar);
  }

  /**
   * Checks every document ({@code name -> HTML}), saved as {@code name.html} in {@code dir}; the
   * errors found, by document name.
   */
  Map<String, List<Error>> check(Map<String, String> documents, Path dir)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Map<String, String> nameByUri = new LinkedHashMap<>();
    Map<String, List<Error>> errors = new LinkedHashMap<>();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", jar.toString(), "--errors-only", "--format", "json"));
    command.add("--stdout");
    for (Map.Entry<String, String> document : documents.entrySet()) {
      Path file = dir.resolve(document.getKey() + ".html");
      Files.writeString(file, document.getValue(), StandardCharsets.UTF_8);
      nameByUri.put(URI.create("file:" + file.toAbsolutePath()).toString(), document.getKey());
      errors.put(document.getKey(), new ArrayList<>());
      command.add(file.toAbsolutePath().toString());
    }
    Path output = dir.resolve("vnu.json");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(output.toFile())
            .redirectError(dir.resolve("vnu.log").toFile())
            .start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException("the Nu HTML Checker did not finish: " + command);
    }
    JsonNode report = new ObjectMapper().readTree(output.toFile());
    if (report == null || !report.has("messages")) {
      throw new IllegalStateException(
          "the Nu HTML Checker wrote no report (exit code "
              + process.exitValue()
              + "); see "
              + dir.resolve("vnu.log"));
    }
    for (JsonNode message : report.get("messages")) {
      String uri = message.path("url").asText();
      String name = nameByUri.getOrDefault(uri, uri);
      errors
          .computeIfAbsent(name, n -> new ArrayList<>())
          .add(
              new Error(
                  name,
                  message.path("lastLine").asInt(),
                  message.path("firstColumn").asInt(message.path("lastColumn").asInt()),
                  message.path("type").asText() + ": " + message.path("message").asText(),
                  message.path("extract").asText()));
    }
    return errors;
  }
}
