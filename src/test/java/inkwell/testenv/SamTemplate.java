package inkwell.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The project's {@code template.yaml} as plain maps and lists. CloudFormation's short tags become
 * their long form, as CloudFormation itself reads them: {@code !Ref X} is {@code {Ref: X}}, {@code
 * !Sub s} is {@code {Fn::Sub: s}}, {@code !GetAtt A.b} is {@code {Fn::GetAtt: [A, b]}}.
 */
public final class SamTemplate {

  private final Map<String, Object> root;

  private SamTemplate(Map<String, Object> root) {
    this.root = root;
  }

  /** The template at the project root. */
  public static SamTemplate load() {
    try {
      return parse(Files.readString(Path.of("template.yaml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static SamTemplate parse(String yaml) {
    Node node = new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow();
    return new SamTemplate((Map<String, Object>) plain(node));
  }

  public Map<String, Object> root() {
    return root;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> resources() {
    return (Map<String, Object>) root.get("Resources");
  }

  /** The {@code Properties} of resource {@code name}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> properties(String name) {
    Map<String, Object> resource = (Map<String, Object>) resources().get(name);
    if (resource == null) {
      throw new IllegalArgumentException("template.yaml has no resource " + name);
    }
    return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
  }

  private static Object plain(Node node) {
    Object value = untagged(node);
    String tag = node.getTag().getValue();
    if (!tag.startsWith("!")) {
      return value;
    }
    String function = tag.substring(1);
    if (function.equals("Ref") || function.equals("Condition")) {
      return Map.of(function, value);
    }
    if (function.equals("GetAtt") && value instanceof String s) {
      int dot = s.indexOf('.');
      return Map.of("Fn::GetAtt", List.of(s.substring(0, dot), s.substring(dot + 1)));
    }
    return Map.of("Fn::" + function, value);
  }

  private static Object untagged(Node node) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>();
      sequence.getValue().forEach(item -> list.add(plain(item)));
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      map.put(((ScalarNode) tuple.getKeyNode()).getValue(), plain(tuple.getValueNode()));
    }
    return map;
  }
}
