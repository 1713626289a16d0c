package inkwell.infra;

import inkwell.testenv.SamTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order CloudFormation must create a SAM template's resources in, as a graph: an edge {@code A
 * -> B} means A needs B first. Edges come from {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} and
 * {@code DependsOn}, and from what the SAM transform generates for each {@code
 * AWS::Serverless::Function} {@code F}:
 *
 * <ul>
 *   <li>{@code F.Role}, the execution role, holding the function's {@code Policies} and its
 *       on-failure destination; {@code F} needs it. The rest of F's properties (with the {@code
 *       Globals}) belong to {@code F} itself.
 *   <li>with {@code AutoPublishAlias}: {@code F.Version} (needs F) and {@code F.Alias} (needs F and
 *       F.Version). Triggers invoke the alias.
 *   <li>an {@code S3} event on bucket B: a permission {@code F.<event>Permission} (needs the
 *       alias); the bucket's notification names the alias and SAM makes the bucket depend on the
 *       permission, so B needs both.
 *   <li>an {@code HttpApi} or {@code Api} event: the API (the one named by {@code ApiId} or {@code
 *       RestApiId}, or the implicit {@code ServerlessHttpApi}/{@code ServerlessRestApi}) carries
 *       the integration in its body, so it needs the alias; so does the event's permission.
 *   <li>other events: a resource {@code F.<event>} that needs the alias and what the event names.
 * </ul>
 *
 * Conditions are ignored: both branches of an {@code Fn::If} count, as CloudFormation's own check
 * does.
 */
final class DependencyGraph {

  private final Map<String, Set<String>> edges = new LinkedHashMap<>();

  private DependencyGraph() {}

  static DependencyGraph of(SamTemplate template) {
    DependencyGraph graph = new DependencyGraph();
    graph.build(template);
    return graph;
  }

  /** The nodes {@code node} needs directly. */
  Set<String> needs(String node) {
    return edges.getOrDefault(node, Set.of());
  }

  Set<String> nodes() {
    return edges.keySet();
  }

  /** True if {@code from} needs {@code to}, directly or through other nodes. */
  boolean dependsOn(String from, String to) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> stack = new ArrayList<>(List.of(from));
    while (!stack.isEmpty()) {
      String node = stack.remove(stack.size() - 1);
      for (String next : needs(node)) {
        if (next.equals(to)) {
          return true;
        }
        if (seen.add(next)) {
          stack.add(next);
        }
      }
    }
    return false;
  }

  /**
   * A cycle, if there is one, as the path around it: {@code [A, B, C, A]} means A needs B, B needs
   * C and C needs A. Depth-first search, colouring nodes on the current path.
   */
  Optional<List<String>> findCycle() {
    Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
    for (String start : edges.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      List<String> path = new ArrayList<>();
      Optional<List<String>> cycle = visit(start, state, path);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  private Optional<List<String>> visit(String node, Map<String, Integer> state, List<String> path) {
    state.put(node, 1);
    path.add(node);
    for (String next : needs(node)) {
      Integer seen = state.get(next);
      if (seen == null) {
        Optional<List<String>> cycle = visit(next, state, path);
        if (cycle.isPresent()) {
          return cycle;
        }
      } else if (seen == 1) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
        cycle.add(next);
        return Optional.of(cycle);
      }
    }
    path.remove(path.size() - 1);
    state.put(node, 2);
    return Optional.empty();
  }

  // ------------------------------------------------------------------ building

  private void edge(String from, String to) {
    edges.computeIfAbsent(to, k -> new LinkedHashSet<>());
    edges.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
  }

  private void node(String name) {
    edges.computeIfAbsent(name, k -> new LinkedHashSet<>());
  }

  /** Edges from {@code from} to every resource {@code value} refers to. */
  private void refer(String from, Object value, Set<String> resources) {
    for (String name : References.in(value)) {
      String target = target(name, resources);
      if (target != null) {
        edge(from, target);
      }
    }
  }

  /** The node a referenced name stands for, or null for parameters and unknown names. */
  private String target(String name, Set<String> resources) {
    if (resources.contains(name) || edges.containsKey(name)) {
      return name;
    }
    int dot = name.indexOf('.');
    if (dot > 0 && resources.contains(name.substring(0, dot))) {
      return name; // F.Alias, F.Version
    }
    if (name.equals("ServerlessHttpApi") || name.equals("ServerlessRestApi")) {
      return name;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private void build(SamTemplate template) {
    Map<String, Object> resources = template.resources();
    Set<String> names = resources.keySet();
    Map<String, Object> globals =
        (Map<String, Object>)
            ((Map<String, Object>) template.root().getOrDefault("Globals", Map.of()))
                .getOrDefault("Function", Map.of());
    names.forEach(this::node);
    for (Map.Entry<String, Object> entry : resources.entrySet()) {
      String name = entry.getKey();
      Map<String, Object> resource = (Map<String, Object>) entry.getValue();
      Object dependsOn = resource.get("DependsOn");
      if (dependsOn instanceof String single) {
        edge(name, single);
      } else if (dependsOn instanceof List<?> list) {
        list.forEach(d -> edge(name, String.valueOf(d)));
      }
      Map<String, Object> properties =
          (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
      if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
        function(name, properties, globals, names);
      } else {
        refer(name, properties, names);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void function(
      String name, Map<String, Object> properties, Map<String, Object> globals, Set<String> names) {
    Map<String, Object> merged = Functions.merge(globals, properties);
    String invoked = name;
    if (merged.containsKey("AutoPublishAlias")) {
      edge(name + ".Version", name);
      edge(name + ".Alias", name);
      edge(name + ".Alias", name + ".Version");
      invoked = name + ".Alias";
    }
    if (!merged.containsKey("Role")) {
      edge(name, name + ".Role");
      refer(name + ".Role", merged.get("Policies"), names);
      refer(name + ".Role", merged.get("EventInvokeConfig"), names);
    }
    if (merged.containsKey("EventInvokeConfig")) {
      edge(name + ".EventInvokeConfig", invoked);
      refer(name + ".EventInvokeConfig", merged.get("EventInvokeConfig"), names);
    }
    // Globals' properties are copied into the function; so are its own, minus those SAM moves to
    // generated resources.
    for (Map.Entry<String, Object> property : merged.entrySet()) {
      switch (property.getKey()) {
        case "Policies", "EventInvokeConfig", "Events" -> {}
        default -> refer(name, property.getValue(), names);
      }
    }
    Map<String, Object> events = (Map<String, Object>) merged.getOrDefault("Events", Map.of());
    for (Map.Entry<String, Object> event : events.entrySet()) {
      Map<String, Object> definition = (Map<String, Object>) event.getValue();
      String type = String.valueOf(definition.get("Type"));
      Map<String, Object> eventProperties =
          (Map<String, Object>) definition.getOrDefault("Properties", Map.of());
      String permission = name + "." + event.getKey() + "Permission";
      switch (type) {
        case "S3" -> {
          edge(permission, invoked);
          for (String bucket : References.in(eventProperties.get("Bucket"))) {
            edge(bucket, invoked);
            edge(bucket, permission);
            refer(bucket, eventProperties.get("Filter"), names);
          }
        }
        case "HttpApi", "Api" -> {
          Object apiId = eventProperties.get(type.equals("HttpApi") ? "ApiId" : "RestApiId");
          Set<String> apis =
              apiId == null
                  ? Set.of(type.equals("HttpApi") ? "ServerlessHttpApi" : "ServerlessRestApi")
                  : References.in(apiId);
          for (String api : apis) {
            edge(api, invoked);
            edge(permission, api);
          }
          edge(permission, invoked);
        }
        default -> {
          edge(name + "." + event.getKey(), invoked);
          refer(name + "." + event.getKey(), eventProperties, names);
        }
      }
    }
  }
}
