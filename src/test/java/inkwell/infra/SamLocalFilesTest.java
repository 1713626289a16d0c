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
 * The table the {@code sam local} guide (docs/SAM-LOCAL.md) creates has the deployed keys and
 * indexes; its name is the one {@code sam local} gives the functions ({@link SamCliTest}).
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
