package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.aws.AwsClients;
import inkwell.infra.CodeSettings.Setting;
import inkwell.testenv.SamTemplate;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The environment the template gives each function matches what the code reads. The settings come
 * from the compiled code ({@link CodeSettings}), so a setting added to a {@code
 * ConfigurationProperties} interface fails this test until the template sets it.
 *
 * <p>Which function needs which settings: the types in {@code inkwell.config} are shared by every
 * function; a type in the handler's own package ({@code inkwell.site.SiteConfig}), or one the
 * handler injects (the search handler's {@code SiteConfig}), only by that function.
 */
class LambdaEnvironmentTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  /** Set by Lambda itself; a function may not set them (CloudFormation rejects the stack). */
  private static final Set<String> RESERVED =
      Set.of(
          "_HANDLER",
          "_X_AMZN_TRACE_ID",
          "AWS_DEFAULT_REGION",
          "AWS_REGION",
          "AWS_EXECUTION_ENV",
          "AWS_LAMBDA_FUNCTION_NAME",
          "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
          "AWS_LAMBDA_FUNCTION_VERSION",
          "AWS_LAMBDA_INITIALIZATION_TYPE",
          "AWS_LAMBDA_LOG_GROUP_NAME",
          "AWS_LAMBDA_LOG_STREAM_NAME",
          "AWS_ACCESS_KEY",
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_LAMBDA_RUNTIME_API",
          "LAMBDA_TASK_ROOT",
          "LAMBDA_RUNTIME_DIR");

  /**
   * Settings the code reads that are not for Lambda, with the reason. Each must keep its default
   * there, so the template must not set it.
   */
  private static final String PREVIEW_ONLY = "inkwell.preview.";

  static List<String> functions() {
    return Functions.names(TEMPLATE);
  }

  private static String handlerPackage(String function) {
    String handler = Functions.property(TEMPLATE, function, "Handler").toString();
    String className = handler.split("::")[0];
    return className.substring(0, className.lastIndexOf('.'));
  }

  /** The configuration settings {@code function}'s code reads. */
  private static List<Setting> settingsOf(String function) {
    String own = handlerPackage(function);
    Set<Class<?>> injected = injectedTypes(function);
    return CodeSettings.configurationProperties().stream()
        .filter(
            s ->
                s.owner().getPackageName().equals("inkwell.config")
                    || s.owner().getPackageName().equals(own)
                    || injected.contains(s.owner()))
        .toList();
  }

  /** The types of the handler class's own fields (what Micronaut injects into it). */
  private static Set<Class<?>> injectedTypes(String function) {
    String handler = Functions.property(TEMPLATE, function, "Handler").toString();
    try {
      Class<?> type =
          Class.forName(
              handler.split("::")[0], false, LambdaEnvironmentTest.class.getClassLoader());
      Set<Class<?>> types = new java.util.HashSet<>();
      for (java.lang.reflect.Field field : type.getDeclaredFields()) {
        types.add(field.getType());
      }
      return types;
    } catch (ClassNotFoundException e) {
      throw new AssertionError(handler + " is not on the class path", e);
    }
  }

  /** The {@code AWS_*} variables the client factory reads that a function may set. */
  private static Set<String> endpointVariables() {
    Set<String> read = new TreeSet<>(CodeSettings.variablesReadBy(AwsClients.Settings.class));
    read.removeAll(RESERVED);
    return read;
  }

  @ParameterizedTest
  @MethodSource("functions")
  void everySettingTheFunctionReadsIsSet(String function) {
    Set<String> set = Functions.environment(TEMPLATE, function).keySet();
    assertThat(set)
        .as("%s's environment (Globals and its own)", function)
        .containsAll(settingsOf(function).stream().map(Setting::variable).toList());
  }

  @ParameterizedTest
  @MethodSource("functions")
  void everyVariableTheFunctionIsGivenIsRead(String function) {
    Set<String> read = settingsOf(function).stream().map(Setting::variable).collect(toSet());
    read.addAll(endpointVariables());
    assertThat(Functions.environment(TEMPLATE, function).keySet())
        .as("variables %s is given that its code does not read", function)
        .isSubsetOf(read);
  }

  @Test
  void theSettingsAreFoundInTheCode() {
    // The search itself works: the settings this test was written against are among those found.
    assertThat(CodeSettings.configurationProperties())
        .extracting(Setting::variable)
        .contains(
            "INKWELL_BUCKET",
            "INKWELL_POSTS_PREFIX",
            "INKWELL_MAX_SOURCE_BYTES",
            "INKWELL_SITE_BASE_URL",
            "INKWELL_SITE_FEED_FULL_CONTENT",
            "INKWELL_SITE_RENDER_CACHE_SECONDS");
    assertThat(CodeSettings.variablesReadBy(AwsClients.Settings.class))
        .contains("AWS_REGION", "AWS_ENDPOINT_URL", "INKWELL_ENDPOINT_URL", "AWS_ACCESS_KEY_ID");
    assertThat(CodeSettings.valuePlaceholders()).contains("inkwell.preview.drafts");
  }

  /**
   * The variable names are the ones Micronaut reads: each is set, in an environment-variable
   * property source, to a value other than the default, and the configuration bean returns it.
   */
  @Test
  void micronautReadsEachSettingFromItsVariable() throws Exception {
    Map<Class<?>, List<Setting>> byType =
        CodeSettings.configurationProperties().stream()
            .collect(
                Collectors.groupingBy(Setting::owner, LinkedHashMap::new, Collectors.toList()));
    for (Map.Entry<Class<?>, List<Setting>> entry : byType.entrySet()) {
      Map<String, Object> defaults = new HashMap<>();
      try (ApplicationContext context =
          ApplicationContext.builder()
              .deduceEnvironment(false)
              .environmentPropertySource(false)
              .start()) {
        Object bean = context.getBean(entry.getKey());
        for (Setting setting : entry.getValue()) {
          defaults.put(setting.variable(), setting.getter().invoke(bean));
        }
      }
      Map<String, Object> variables = new HashMap<>();
      Map<String, Object> expected = new HashMap<>();
      for (Setting setting : entry.getValue()) {
        Object value = otherThan(setting.getter(), defaults.get(setting.variable()));
        variables.put(setting.variable(), String.valueOf(value));
        expected.put(setting.variable(), value);
      }
      try (ApplicationContext context =
          ApplicationContext.builder()
              .deduceEnvironment(false)
              .environmentPropertySource(false)
              .propertySources(
                  PropertySource.of(
                      "variables",
                      variables,
                      PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
              .start()) {
        Object bean = context.getBean(entry.getKey());
        for (Setting setting : entry.getValue()) {
          assertThat(setting.getter().invoke(bean))
              .as("%s read through %s", setting.property(), setting.variable())
              .isEqualTo(expected.get(setting.variable()));
        }
      }
    }
  }

  private static Object otherThan(Method getter, Object current) {
    Class<?> type = getter.getReturnType();
    if (type == String.class) {
      return current == null ? "from-the-environment" : current + "-from-the-environment";
    }
    if (type == int.class || type == Integer.class) {
      return current == null ? 7 : (Integer) current + 1;
    }
    if (type == long.class || type == Long.class) {
      return current == null ? 7L : (Long) current + 1;
    }
    if (type == boolean.class || type == Boolean.class) {
      return current == null || !(Boolean) current;
    }
    throw new AssertionError(getter + ": teach this test a value of type " + type);
  }

  @ParameterizedTest
  @MethodSource("functions")
  void noFunctionSetsAVariableLambdaReserves(String function) {
    assertThat(Functions.environment(TEMPLATE, function).keySet())
        .doesNotContainAnyElementsOf(RESERVED)
        .noneMatch(name -> name.startsWith("AWS_LAMBDA_") || name.startsWith("AWS_XRAY_"));
  }

  @ParameterizedTest
  @MethodSource("functions")
  void noFunctionIsGivenAnAwsEndpointVariable(String function) {
    // The SDK reads AWS_ENDPOINT_URL* itself and refuses an empty one ("Custom endpoint `` was not
    // a valid URI"); on AWS the template's endpoint must be empty, and sam local can neither drop
    // a variable nor leave one unset. So the endpoint is Inkwell's own variable, empty on AWS.
    assertThat(Functions.environment(TEMPLATE, function).keySet())
        .noneMatch(name -> name.startsWith("AWS_ENDPOINT_URL"));
    assertThat(Functions.environment(TEMPLATE, function).get("INKWELL_ENDPOINT_URL"))
        .isEqualTo(Map.of("Ref", "LocalEndpointUrl"));
    Map<?, ?> parameters = (Map<?, ?>) TEMPLATE.root().get("Parameters");
    assertThat(((Map<?, ?>) parameters.get("LocalEndpointUrl")).get("Default")).isEqualTo("");
  }

  @Test
  void settingsThatAreNotForLambdaAreNotSet() {
    Set<String> set = new TreeSet<>();
    functions().forEach(f -> set.addAll(Functions.environment(TEMPLATE, f).keySet()));
    for (String property : CodeSettings.valuePlaceholders()) {
      String variable = io.micronaut.core.naming.NameUtils.environmentName(property);
      if (property.startsWith(PREVIEW_ONLY)) {
        assertThat(set).as("%s is for the local preview only", property).doesNotContain(variable);
      } else {
        assertThat(set).as("@Value(\"${%s}\") in the code", property).contains(variable);
      }
    }
  }

  private static java.util.stream.Collector<String, ?, Set<String>> toSet() {
    return Collectors.toCollection(TreeSet::new);
  }
}
