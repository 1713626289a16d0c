package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README tells a deployer about every parameter and output the template has. */
class ReadmeDeployTest {

  @Test
  @SuppressWarnings("unchecked")
  void everyParameterAndOutputIsNamedInTheReadme() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    SamTemplate template = SamTemplate.load();
    for (String section : new String[] {"Parameters", "Outputs"}) {
      ((Map<String, Object>) template.root().get(section))
          .keySet()
          .forEach(name -> assertThat(readme).as(section).contains("`" + name + "`"));
    }
  }

  @Test
  void theReadmeNamesTheHandlersAndRoutesTheTemplateDeclares() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    SamTemplate template = SamTemplate.load();
    for (String function : Functions.names(template)) {
      assertThat(readme).contains("`" + Functions.property(template, function, "Handler") + "`");
    }
    template
        .resources()
        .forEach(
            (name, resource) -> {
              if ("AWS::ApiGatewayV2::Route".equals(((Map<?, ?>) resource).get("Type"))) {
                assertThat(readme).contains("`" + template.properties(name).get("RouteKey") + "`");
              }
            });
  }
}
