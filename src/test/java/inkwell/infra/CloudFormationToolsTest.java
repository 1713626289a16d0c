package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The template as the real tools read it: cfn-lint (with its informational checks) finds nothing,
 * the SAM translator turns it into CloudFormation with and without the CDN, and its Rules refuse
 * what CloudFormation would otherwise fail on late and unclearly.
 */
class CloudFormationToolsTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  @Nested
  class TheLinter {

    @Test
    void cfnLintWithItsInformationalChecksFindsNothing() {
      CloudFormationTools.Run lint =
          CloudFormationTools.run("cfn-lint", "--include-checks", "I", "--", "template.yaml");
      assertThat(lint.output()).isEmpty();
      assertThat(lint.exitCode()).isZero();
    }

    @Test
    void andItWouldReportAFinding() {
      // The check above can fail: the same run on a template with a dangling reference.
      CloudFormationTools.Run lint =
          CloudFormationTools.run(
              "cfn-lint", "--include-checks", "I", "--", "src/test/resources/infra/broken.yaml");
      assertThat(lint.exitCode()).isNotZero();
      assertThat(lint.output()).contains("E1020", "NoSuchKey");
    }
  }

  @Nested
  class TheCiLintStep {

    /** The lint line of .ci/run, which runs with {@code set -e}: a non-zero exit stops CI. */
    private List<String> ciLintArguments() throws java.io.IOException {
      String script = java.nio.file.Files.readString(java.nio.file.Path.of(".ci/run"));
      assertThat(script).contains("set -euo pipefail");
      java.util.regex.Matcher line =
          java.util.regex.Pattern.compile("(?m)^\\s*PATH=\\S+ cfn-lint (.*) -- template\\.yaml$")
              .matcher(script);
      assertThat(line.find()).as("a cfn-lint line on template.yaml in .ci/run").isTrue();
      return List.of(line.group(1).split(" "));
    }

    @Test
    void failsOnAnInformationalFindingAlone() throws java.io.IOException {
      List<String> arguments = new java.util.ArrayList<>(ciLintArguments());
      arguments.addAll(List.of("--", "src/test/resources/infra/informational.yaml"));
      CloudFormationTools.Run lint =
          CloudFormationTools.run("cfn-lint", arguments.toArray(String[]::new));
      assertThat(lint.output()).contains("I3011");
      assertThat(lint.exitCode()).isNotZero();
    }
  }

  @Nested
  class TheSamTranslator {

    @ParameterizedTest
    @CsvSource({"Cdn=true", "Cdn=false"})
    void translatesTheTemplateWithTheIndexFunctionReportingItemFailures(String parameter) {
      CloudFormationTools.Run translated =
          CloudFormationTools.run(
              "python3", "src/test/resources/infra/sam-translate.py", "template.yaml", parameter);
      assertThat(translated.exitCode()).as(translated.output()).isZero();
      SamTemplate cloudFormation = SamTemplate.parse(translated.output());
      assertThat(cloudFormation.root()).doesNotContainKey("Transform");
      assertThat(cloudFormation.properties("IndexFunctionSearchChanges"))
          .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
          .containsEntry("FunctionName", Map.of("Ref", "IndexFunctionAliaslive"));
      // The publish queue's consumer: on the live alias, reporting failed messages.
      assertThat(cloudFormation.properties("PublishFunctionBucketEvents"))
          .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
          .containsEntry("FunctionName", Map.of("Ref", "PublishFunctionAliaslive"))
          .containsEntry("EventSourceArn", Map.of("Fn::GetAtt", List.of("PublishQueue", "Arn")));
      assertThat(cloudFormation.resources())
          .containsKeys("PublishRule", "PublishQueuePolicy", "PublishDeadLetterQueue")
          .doesNotContainKey("PublishInvokePermission");
      assertThat(cloudFormation.resources()).containsKeys("AlarmTopicKey", "ContentBucketPolicy");
    }
  }

  /** CloudFormation's rule functions, as far as the template's Rules use them. */
  @SuppressWarnings("unchecked")
  private static boolean holds(Object assertion, Map<String, String> parameters) {
    Map<String, Object> function = (Map<String, Object>) assertion;
    if (function.containsKey("Fn::Not")) {
      return !holds(((List<Object>) function.get("Fn::Not")).get(0), parameters);
    }
    if (function.containsKey("Fn::Equals")) {
      List<Object> sides = (List<Object>) function.get("Fn::Equals");
      return value(sides.get(0), parameters).equals(value(sides.get(1), parameters));
    }
    throw new AssertionError("not modelled: " + function);
  }

  private static String value(Object side, Map<String, String> parameters) {
    if (side instanceof Map<?, ?> ref && ref.get("Ref") instanceof String name) {
      return parameters.get(name);
    }
    return String.valueOf(side);
  }

  @Nested
  class ThePrefixes {

    @SuppressWarnings("unchecked")
    private Map<String, Object> rule() {
      Map<String, Object> rules = (Map<String, Object>) TEMPLATE.root().get("Rules");
      return (Map<String, Object>) rules.get("PostsAndPagesPrefixesDiffer");
    }

    private List<String> refusals(String posts, String pages) {
      Map<String, String> parameters = Map.of("PostsPrefix", posts, "PagesPrefix", pages);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> assertions = (List<Map<String, Object>>) rule().get("Assertions");
      return assertions.stream()
          .filter(a -> !holds(a.get("Assert"), parameters))
          .map(a -> String.valueOf(a.get("AssertDescription")))
          .toList();
    }

    private boolean allowed(String parameter, String value) {
      Map<?, ?> declared =
          (Map<?, ?>) ((Map<?, ?>) TEMPLATE.root().get("Parameters")).get(parameter);
      return value.matches(String.valueOf(declared.get("AllowedPattern")));
    }

    @Test
    void theSameFolderForPostsAndPagesIsRefusedWithAMessageNamingBoth() {
      assertThat(rule()).doesNotContainKey("RuleCondition");
      assertThat(refusals("posts/", "posts/"))
          .singleElement()
          .asString()
          .contains("PostsPrefix", "PagesPrefix");
      assertThat(refusals("posts/", "pages/")).isEmpty();
      assertThat(refusals("blog/", "about/")).isEmpty();
    }

    @Test
    void aNestedPrefixIsRefusedWithAMessageThatSaysSo() {
      Map<?, ?> parameters = (Map<?, ?>) TEMPLATE.root().get("Parameters");
      for (String parameter : List.of("PostsPrefix", "PagesPrefix")) {
        Map<?, ?> declared = (Map<?, ?>) parameters.get(parameter);
        String nested = parameter.equals("PostsPrefix") ? "blog/posts/" : "blog/pages/";
        assertThat(allowed(parameter, nested)).as(parameter).isFalse();
        // What CloudFormation answers: "Parameter X failed to satisfy constraint: ..."
        assertThat(String.valueOf(declared.get("ConstraintDescription")))
            .as(parameter)
            .startsWith("must be one top-level folder")
            .contains("a nested folder such as " + nested + " is refused");
        assertThat(String.valueOf(declared.get("Description")))
            .as(parameter)
            .containsIgnoringCase("one top-level folder")
            .contains("such as " + nested + " is refused");
      }
    }

    @Test
    void eachPrefixIsOneFolderSoTheyCanOverlapOnlyByBeingEqual() {
      for (String parameter : List.of("PostsPrefix", "PagesPrefix")) {
        assertThat(allowed(parameter, "posts/")).as(parameter).isTrue();
        assertThat(allowed(parameter, "my-notes.2026/")).as(parameter).isTrue();
        // Nested folders could overlap without being equal (posts/ and posts/pages/).
        assertThat(allowed(parameter, "posts/pages/")).as(parameter).isFalse();
        assertThat(allowed(parameter, "posts")).as(parameter).isFalse();
        assertThat(allowed(parameter, "_search/")).as(parameter).isFalse();
      }
    }
  }
}
