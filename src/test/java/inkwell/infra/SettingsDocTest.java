package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.docs.Docs;
import inkwell.infra.CodeSettings.Setting;
import inkwell.testenv.SamTemplate;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/SETTINGS.md lists every environment variable the code reads, once, with the code's default
 * and the template parameter the template sets it from. The variables come from the compiled code
 * ({@link CodeSettings}), so a new setting fails this test until it is documented.
 */
class SettingsDocTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  /** A row of the table: its variables, default and template column. */
  record Row(List<String> variables, String defaultValue, String template) {}

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (List<String> cells : Docs.tableRows(Docs.read("docs/SETTINGS.md"))) {
      rows.add(new Row(Docs.codeSpans(cells.get(0)), cells.get(2), cells.get(3)));
    }
    return rows;
  }

  /** The settings the preview command sets itself; no author or operator sets them. */
  private static boolean previewInternal(Setting setting) {
    return setting.property().startsWith("inkwell.preview.");
  }

  static Set<String> variablesTheCodeReads() {
    Set<String> names = new TreeSet<>();
    CodeSettings.configurationProperties().stream()
        .filter(s -> !previewInternal(s))
        .forEach(s -> names.add(s.variable()));
    for (Class<?> type : CodeSettings.productionClasses()) {
      names.addAll(CodeSettings.variablesReadBy(type));
    }
    // The SDK's own credentials and region are the SDK's business, documented as such.
    names.removeIf(n -> !n.startsWith("INKWELL_") && !n.startsWith("AWS_ENDPOINT_URL"));
    return names;
  }

  @Test
  void everyVariableTheCodeReadsIsInTheTableOnce() {
    List<String> documented = rows().stream().flatMap(r -> r.variables().stream()).toList();
    for (String variable : variablesTheCodeReads()) {
      assertThat(documented.stream().filter(variable::equals).count())
          .as("rows naming %s in docs/SETTINGS.md", variable)
          .isEqualTo(1);
    }
  }

  @Test
  void everyVariableInTheTableIsReadByTheCode() {
    Set<String> read = variablesTheCodeReads();
    assertThat(read).contains("INKWELL_BUCKET", "INKWELL_SITE_TITLE", "INKWELL_ENDPOINT_URL");
    for (Row row : rows()) {
      assertThat(read).as("docs/SETTINGS.md names them").containsAll(row.variables());
    }
  }

  @Test
  void theDefaultsAreTheCodes() {
    Map<String, Setting> settings = new java.util.HashMap<>();
    CodeSettings.configurationProperties().forEach(s -> settings.put(s.variable(), s));
    int compared = 0;
    for (Row row : rows()) {
      if (row.variables().size() != 1 || !settings.containsKey(row.variables().get(0))) {
        continue;
      }
      Bindable bindable =
          settings.get(row.variables().get(0)).getter().getAnnotation(Bindable.class);
      String documented = row.defaultValue();
      if (bindable == null || bindable.defaultValue().isEmpty()) {
        assertThat(documented).as(row.variables().get(0)).isIn("required", "empty");
      } else {
        assertThat(documented)
            .as(row.variables().get(0))
            .isEqualTo("`" + bindable.defaultValue() + "`");
      }
      compared++;
    }
    assertThat(compared).isGreaterThan(20);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTemplateColumnNamesTheParameterTheTemplateSetsTheVariableFrom() {
    Map<String, Object> parameters = (Map<String, Object>) TEMPLATE.root().get("Parameters");
    Map<String, Row> byVariable = new java.util.HashMap<>();
    rows().forEach(r -> r.variables().forEach(v -> byVariable.put(v, r)));
    int checked = 0;
    for (String function : Functions.names(TEMPLATE)) {
      for (Map.Entry<String, Object> variable :
          Functions.environment(TEMPLATE, function).entrySet()) {
        Row row = byVariable.get(variable.getKey());
        assertThat(row).as("%s in docs/SETTINGS.md", variable.getKey()).isNotNull();
        String value = String.valueOf(variable.getValue());
        for (String parameter : parameters.keySet()) {
          if (value.matches("(?s).*\\b" + parameter + "\\b.*")) {
            assertThat(row.template())
                .as("%s is set from %s", variable.getKey(), parameter)
                .contains("`" + parameter + "`");
            checked++;
          }
        }
        for (String named : Docs.codeSpans(row.template())) {
          if (parameters.containsKey(named)) {
            assertThat(value).as("%s from %s", variable.getKey(), named).contains(named);
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
  }
}
