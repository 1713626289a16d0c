package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The files the README's {@code sam local} section uses (docs/sam-local) agree with the template:
 * {@code sam local} silently ignores an {@code --env-vars} entry for a variable the function does
 * not declare, and the local table must have the deployed keys and indexes.
 */
class SamLocalFilesTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String file) throws IOException {
    // JSON is YAML 1.2.
    return (Map<String, Object>)
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(Path.of("docs/sam-local", file)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyVariableTheEnvFileSetsIsOneTheFunctionDeclares() throws IOException {
    Map<String, Object> env = json("env.json");
    assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(Functions.names(TEMPLATE));
    env.forEach(
        (function, variables) ->
            assertThat(((Map<String, Object>) variables).keySet())
                .as(function)
                .contains("AWS_ENDPOINT_URL")
                .isSubsetOf(Functions.environment(TEMPLATE, function).keySet()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theEnvFileNamesTheLocalTableAndTheBucketTheSampleEventsUse() throws IOException {
    Map<String, Object> table = json("posts-table.json");
    for (Object variables : json("env.json").values()) {
      Map<String, Object> v = (Map<String, Object>) variables;
      assertThat(v.get("INKWELL_TABLE")).isEqualTo(table.get("TableName"));
      assertThat(v.get("INKWELL_BUCKET")).isEqualTo(ContentBucket.localName());
    }
  }

  @Test
  void theLocalTableIsTheTemplatesTable() throws IOException {
    Map<String, Object> expected = new LinkedHashMap<>();
    Map<String, Object> deployed = TEMPLATE.properties("PostsTable");
    for (String key :
        List.of("BillingMode", "AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes")) {
      expected.put(key, deployed.get(key));
    }
    Map<String, Object> local = new LinkedHashMap<>(json("posts-table.json"));
    local.remove("TableName");
    assertThat(local).isEqualTo(expected);
  }
}
