package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.docs.Docs;
import inkwell.testenv.SamTemplate;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the README and docs/ name exists: environment variables, template parameters and their
 * values, files of the repository, the commands' options; docs/ stays within half the size it had
 * when issue 25 was filed; and counts of the stack's parts are not written in prose, where nothing
 * would keep them true.
 */
class DocsClaimsTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  /** Half of docs/ when issue 25 measured it: 32,700 words and 207 KB. */
  private static final int MAX_WORDS = 16_350;

  private static final int MAX_BYTES = 103_500;

  private static final Pattern VARIABLE =
      Pattern.compile("\\b(?:INKWELL_[A-Z0-9_]*[A-Z0-9]|AWS_ENDPOINT_URL(?:_[A-Z0-9]+)?)\\b");

  private static final Pattern PARAMETER_VALUE = Pattern.compile("^([A-Z][A-Za-z]+)=([^\\s]+)$");

  private static final Pattern COUNT =
      Pattern.compile(
          "(?i)\\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+)"
              + " (lambda )?(functions|queues|dead-letter queues|alarms|tables|buckets|log groups)\\b");

  private static final List<String> TOP_LEVEL_FILES =
      List.of("template.yaml", "Makefile", "pom.xml", "package.json", "package-lock.json");

  static List<Path> documents() {
    return Docs.files();
  }

  @Test
  void docsStayWithinHalfTheirSizeWhenIssue25WasFiled() throws IOException {
    long words = 0;
    long bytes = 0;
    for (Path page : Docs.pages()) {
      String text = Docs.read(page);
      words += text.split("\\s+").length;
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
    }
    assertThat(words).as("words in docs/").isLessThanOrEqualTo(MAX_WORDS);
    assertThat(bytes).as("bytes in docs/").isLessThanOrEqualTo(MAX_BYTES);
  }

  /** Every production and test source, the template and the scripts, as one text. */
  private static String everything;

  /** The names a CamelCase code span may have; see {@link #readKnownNames()}. */
  private static Set<String> knownNames;

  /** Read once for all pages. */
  private static synchronized String everything() throws IOException {
    if (everything == null) {
      everything = readEverything();
    }
    return everything;
  }

  private static String readEverything() throws IOException {
    StringBuilder all = new StringBuilder();
    for (String root : List.of("src/main", "src/test/java", ".ci")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
        }
      }
    }
    for (String file : List.of("template.yaml", "preview", "inkwell", "pom.xml", "bench/run")) {
      all.append(Files.readString(Path.of(file)));
    }
    return all.toString();
  }

  @ParameterizedTest
  @MethodSource("documents")
  void everyVariableNamedExists(Path document) throws IOException {
    String code = everything();
    Matcher variable = VARIABLE.matcher(Docs.read(document));
    while (variable.find()) {
      assertThat(code).as("%s names %s", document, variable.group()).contains(variable.group());
    }
  }

  @ParameterizedTest
  @MethodSource("documents")
  @SuppressWarnings("unchecked")
  void everyParameterSettingNamesAParameterAndAValueItAllows(Path document) {
    Map<String, Object> parameters = (Map<String, Object>) TEMPLATE.root().get("Parameters");
    for (String span : Docs.codeSpans(Docs.read(document))) {
      Matcher setting = PARAMETER_VALUE.matcher(span);
      if (!setting.matches()) {
        continue;
      }
      assertThat(parameters).as("%s: %s", document, span).containsKey(setting.group(1));
      Object allowed =
          ((Map<String, Object>) parameters.get(setting.group(1))).get("AllowedValues");
      if (allowed != null) {
        assertThat(((List<Object>) allowed).stream().map(String::valueOf).toList())
            .as("%s: %s", document, span)
            .contains(setting.group(2));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("documents")
  void everyRepositoryPathNamedExists(Path document) {
    for (String span : Docs.codeSpans(Docs.read(document))) {
      String path = span.split("[\\s:]")[0];
      boolean repository =
          path.matches("(src|docs|events|bench|scripts|examples|\\.ci)/[\\w./-]*")
              || TOP_LEVEL_FILES.contains(path);
      if (!repository || path.matches(".*[A-Z]{3,}.*") && !path.contains(".")) {
        continue;
      }
      assertThat(Path.of(path)).as("%s names %s", document, span).exists();
    }
  }

  private static String usage(String className) throws ReflectiveOperationException {
    Field usage = Class.forName(className).getDeclaredField("USAGE");
    usage.setAccessible(true);
    return (String) usage.get(null);
  }

  @ParameterizedTest
  @MethodSource("documents")
  void everyOptionOfTheCommandsExists(Path document) throws ReflectiveOperationException {
    Map<String, String> usages =
        Map.of(
            "./inkwell", usage("inkwell.cli.Arguments"),
            "./preview", usage("inkwell.preview.PreviewOptions"));
    for (String line : Docs.read(document).split("\n")) {
      for (Map.Entry<String, String> command : usages.entrySet()) {
        int at = line.indexOf(command.getKey() + " ");
        if (at < 0) {
          continue;
        }
        Matcher option = Pattern.compile("--[a-z][a-z-]*").matcher(line.substring(at));
        while (option.find()) {
          assertThat(command.getValue()).as("%s: %s", document, line).contains(option.group());
        }
      }
    }
  }

  @Test
  void everyOptionOfTheCommandsIsDocumented() throws ReflectiveOperationException {
    Map<String, String> references =
        Map.of(
            "inkwell.cli.Arguments", Docs.read("docs/PUBLISHING.md"),
            "inkwell.preview.PreviewOptions", Docs.read("docs/PREVIEW.md"));
    for (Map.Entry<String, String> reference : references.entrySet()) {
      Matcher option =
          Pattern.compile("(?m)^\\s+(--[a-z][a-z-]*)").matcher(usage(reference.getKey()));
      int found = 0;
      while (option.find()) {
        assertThat(reference.getValue()).as(reference.getKey()).contains("`" + option.group(1));
        found++;
      }
      assertThat(found).as(reference.getKey()).isGreaterThanOrEqualTo(4);
    }
  }

  /** Names the docs use that belong to AWS, the SDK, Lucene, Hugo or Linux, not to this project. */
  private static final Set<String> EXTERNAL_NAMES =
      Set.of(
          "DefaultTTL",
          "MinTTL",
          "EventBridgeConfiguration",
          "ReportBatchItemFailures",
          "TransactWriteItems",
          "PendingConfirmation",
          "S3Client",
          "DynamoDbClient",
          "SimpleQueryParser",
          "VmRSS",
          "MakePathSanitized");

  private static final Pattern CAMEL_CASE = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+");

  private static final Pattern TYPE_DECLARATION =
      Pattern.compile("\\b(?:class|record|interface|enum) ([A-Z]\\w*)");

  /**
   * The template's resources, parameters (and their allowed values), outputs, conditions and rules,
   * and every type declared in the sources.
   */
  private static synchronized Set<String> knownNames() throws IOException {
    if (knownNames == null) {
      knownNames = readKnownNames();
    }
    return knownNames;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> readKnownNames() throws IOException {
    Set<String> known = new HashSet<>(EXTERNAL_NAMES);
    for (String section : List.of("Resources", "Parameters", "Outputs", "Conditions", "Rules")) {
      known.addAll(((Map<String, Object>) TEMPLATE.root().get(section)).keySet());
    }
    for (Object parameter : ((Map<String, Object>) TEMPLATE.root().get("Parameters")).values()) {
      Object allowed = ((Map<String, Object>) parameter).get("AllowedValues");
      if (allowed != null) {
        ((List<Object>) allowed).forEach(v -> known.add(String.valueOf(v)));
      }
    }
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher type = TYPE_DECLARATION.matcher(Files.readString(file));
        while (type.find()) {
          known.add(type.group(1));
        }
      }
    }
    return known;
  }

  @ParameterizedTest
  @MethodSource("documents")
  void everyTemplateOrCodeNameExists(Path document) throws IOException {
    Set<String> known = knownNames();
    for (String span : Docs.codeSpans(Docs.read(document))) {
      if (CAMEL_CASE.matcher(span).matches()) {
        assertThat(known).as("%s names %s", document, span).contains(span);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("documents")
  void noCountOfTheStacksPartsIsWrittenInProse(Path document) {
    Matcher count = COUNT.matcher(Docs.read(document));
    assertThat(count.find() ? count.group() : null).as("%s", document).isNull();
  }
}
