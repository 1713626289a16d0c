package inkwell.infra;

import inkwell.testenv.SamTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The template's {@code AWS::Serverless::Function}s, with the {@code Globals} applied. */
final class Functions {

  private Functions() {}

  @SuppressWarnings("unchecked")
  static List<String> names(SamTemplate template) {
    return template.resources().entrySet().stream()
        .filter(
            e ->
                "AWS::Serverless::Function"
                    .equals(((Map<String, Object>) e.getValue()).get("Type")))
        .map(Map.Entry::getKey)
        .toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> globals(SamTemplate template) {
    Map<String, Object> globals =
        (Map<String, Object>) template.root().getOrDefault("Globals", Map.of());
    return (Map<String, Object>) globals.getOrDefault("Function", Map.of());
  }

  /**
   * A function's properties as SAM applies {@code Globals}: maps are merged key by key (the
   * function's own values win), lists are concatenated, any other value of the function replaces
   * the global one.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> own) {
    Map<String, Object> merged = new LinkedHashMap<>(globals);
    own.forEach(
        (key, value) ->
            merged.merge(
                key,
                value,
                (global, mine) -> {
                  if (global instanceof Map<?, ?> g && mine instanceof Map<?, ?> m) {
                    return merge((Map<String, Object>) g, (Map<String, Object>) m);
                  }
                  if (global instanceof List<?> g && mine instanceof List<?> m) {
                    List<Object> both = new java.util.ArrayList<>(g);
                    both.addAll(m);
                    return both;
                  }
                  return mine;
                }));
    return merged;
  }

  /** A property of the function, or the global one if the function does not set it. */
  static Object property(SamTemplate template, String function, String name) {
    Object own = template.properties(function).get(name);
    return own != null ? own : globals(template).get(name);
  }

  /** The function's environment variables: the global ones, then its own (which win). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> environment(SamTemplate template, String function) {
    Map<String, Object> variables = new LinkedHashMap<>(variables(globals(template)));
    variables.putAll(variables(template.properties(function)));
    return variables;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Map<String, Object> properties) {
    Map<String, Object> environment =
        (Map<String, Object>) properties.getOrDefault("Environment", Map.of());
    return (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
  }

  /** The conditions as a stack with the parameters' defaults has them. */
  static final Map<String, Boolean> DEFAULT_CONDITIONS = Map.of("HasCdn", true);

  /** The statements of the function's inline policy documents, with the default parameters. */
  static List<Map<String, Object>> statements(SamTemplate template, String function) {
    return statements(template, function, DEFAULT_CONDITIONS);
  }

  /**
   * The statements of the function's inline policy documents, a statement written as {@code !If
   * [Condition, statement, !Ref AWS::NoValue]} resolved with {@code conditions}.
   */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> statements(
      SamTemplate template, String function, Map<String, Boolean> conditions) {
    Object policies = template.properties(function).getOrDefault("Policies", List.of());
    return ((List<Object>) policies)
        .stream()
            .map(
                p -> {
                  if (!(p instanceof Map<?, ?> map) || !map.containsKey("Statement")) {
                    throw new AssertionError(
                        function
                            + ": only inline policy documents are expected, so that this test"
                            + " can read every action; found "
                            + p);
                  }
                  return (List<Object>) map.get("Statement");
                })
            .flatMap(List::stream)
            .map(statement -> resolve(statement, conditions, function))
            .filter(statement -> !statement.isEmpty())
            .toList();
  }

  /** A statement, or an empty map for one that {@code !If} leaves out. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(
      Object statement, Map<String, Boolean> conditions, String function) {
    Map<String, Object> map = (Map<String, Object>) statement;
    if (!map.containsKey("Fn::If")) {
      return map;
    }
    List<Object> branches = (List<Object>) map.get("Fn::If");
    Boolean holds = conditions.get(String.valueOf(branches.get(0)));
    if (holds == null) {
      throw new AssertionError(function + ": a statement depends on " + branches.get(0));
    }
    Object chosen = branches.get(holds ? 1 : 2);
    if (Map.of("Ref", "AWS::NoValue").equals(chosen)) {
      return Map.of();
    }
    return resolve(chosen, conditions, function);
  }
}
