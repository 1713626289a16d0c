package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.docs.Docs;
import inkwell.testenv.SamTemplate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/ARCHITECTURE.md's picture (a Mermaid block) names every resource of the stack: every
 * resource of template.yaml, and every resource of the template as the SAM translator turns it into
 * CloudFormation, where resources SAM generates for a function or an API carry their parent's
 * logical id as a prefix and count as drawn when their parent is.
 */
class ArchitectureDocTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  private static String picture() {
    Matcher block =
        Pattern.compile("(?s)```mermaid\\n(.*?)```").matcher(Docs.read("docs/ARCHITECTURE.md"));
    assertThat(block.find()).as("a mermaid block in docs/ARCHITECTURE.md").isTrue();
    return block.group(1);
  }

  private static boolean drawn(String picture, String name) {
    return Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(picture).find();
  }

  @Test
  void namesEveryResourceOfTheTemplate() {
    String picture = picture();
    for (String resource : TEMPLATE.resources().keySet()) {
      assertThat(drawn(picture, resource)).as("%s in the picture", resource).isTrue();
    }
  }

  /** The template's SAM resources, whose generated resources carry their names as prefixes. */
  @SuppressWarnings("unchecked")
  private static Set<String> samParents() {
    Set<String> parents = new TreeSet<>();
    for (Map.Entry<String, Object> resource : TEMPLATE.resources().entrySet()) {
      String type = String.valueOf(((Map<String, Object>) resource.getValue()).get("Type"));
      if (type.startsWith("AWS::Serverless::")) {
        parents.add(resource.getKey());
      }
    }
    return parents;
  }

  @ParameterizedTest
  @ValueSource(strings = {"Cdn=true CdnOrigin=FunctionUrl AlarmEmail=a@example.com", "Cdn=false"})
  void namesEveryResourceOfTheTranslatedTemplate(String parameters) {
    String[] arguments =
        ("src/test/resources/infra/sam-translate.py template.yaml " + parameters).split(" ");
    CloudFormationTools.Run translated = CloudFormationTools.run("python3", arguments);
    assertThat(translated.exitCode()).as(translated.output()).isZero();
    String picture = picture();
    Set<String> parents = samParents();
    Set<String> translatedNames = SamTemplate.parse(translated.output()).resources().keySet();
    assertThat(translatedNames).contains("SiteFunctionRole", "PublishFunctionAliaslive");
    for (String resource : translatedNames) {
      boolean generatedForADrawnParent =
          parents.stream().anyMatch(p -> resource.startsWith(p) && drawn(picture, p));
      assertThat(drawn(picture, resource) || generatedForADrawnParent)
          .as("%s (translated with %s) in the picture", resource, parameters)
          .isTrue();
    }
  }
}
