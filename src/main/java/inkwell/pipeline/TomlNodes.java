package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * TOML (Hugo's {@code +++} front matter) read with tomlj and given the shape of a YAML document, so
 * that {@link FrontMatterFields} checks its fields exactly as it checks YAML's, and reports a
 * problem at the key's line and column in the file. Dates become their ISO text, which {@link
 * Dates} reads. Stateless.
 */
final class TomlNodes {

  private TomlNodes() {}

  /**
   * The TOML text as a mapping node.
   *
   * @param firstLine the 1-based line of the source on which {@code toml} starts
   * @throws RejectedException with {@link Kind#TOML_SYNTAX} at the first error's position
   */
  static MappingNode parse(String toml, int firstLine) {
    TomlParseResult result = Toml.parse(toml);
    if (result.hasErrors()) {
      TomlParseError error = result.errors().get(0);
      TomlPosition at = error.position();
      String message = error.getMessage();
      int cut = message.lastIndexOf(" (line ");
      throw new RejectedException(
          PostError.at(
              Kind.TOML_SYNTAX,
              firstLine + at.line() - 1,
              at.column(),
              "front matter is not valid TOML: "
                  + (cut > 0 ? message.substring(0, cut) : message)));
    }
    return table(result, null);
  }

  private static MappingNode table(TomlTable table, TomlPosition at) {
    List<NodeTuple> tuples = new ArrayList<>();
    for (String key : table.keySet()) {
      TomlPosition position = table.inputPositionOf(List.of(key));
      Object value = table.get(List.of(key));
      tuples.add(new NodeTuple(scalar(Tag.STR, key, position), node(value, position)));
    }
    return new MappingNode(Tag.MAP, true, tuples, FlowStyle.BLOCK, mark(at), Optional.empty());
  }

  /** A value, reported at its key's position (tomlj keeps where keys start). */
  private static Node node(Object value, TomlPosition at) {
    if (value instanceof TomlTable table) {
      return table(table, at);
    }
    if (value instanceof TomlArray array) {
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        TomlPosition position = array.inputPositionOf(i);
        items.add(node(array.get(i), position != null ? position : at));
      }
      return new SequenceNode(Tag.SEQ, true, items, FlowStyle.FLOW, mark(at), Optional.empty());
    }
    if (value instanceof Boolean b) {
      return scalar(Tag.BOOL, b.toString(), at);
    }
    if (value instanceof Long || value instanceof Integer) {
      return scalar(Tag.INT, value.toString(), at);
    }
    if (value instanceof Double d) {
      return scalar(Tag.FLOAT, d.toString(), at);
    }
    if (value instanceof OffsetDateTime
        || value instanceof LocalDateTime
        || value instanceof LocalDate
        || value instanceof LocalTime) {
      return scalar(Tag.STR, value.toString(), at);
    }
    return scalar(Tag.STR, String.valueOf(value), at);
  }

  private static ScalarNode scalar(Tag tag, String value, TomlPosition at) {
    return new ScalarNode(tag, true, value, ScalarStyle.PLAIN, mark(at), Optional.empty());
  }

  /** A SnakeYAML mark (0-based) for a tomlj position (1-based). */
  private static Optional<Mark> mark(TomlPosition at) {
    if (at == null) {
      return Optional.empty();
    }
    return Optional.of(new Mark("front matter", 0, at.line() - 1, at.column() - 1, new int[0], 0));
  }
}
