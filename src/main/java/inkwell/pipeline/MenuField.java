package inkwell.pipeline;

import inkwell.post.MenuPlace;
import inkwell.post.PostError.Kind;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The front-matter field {@code menu}, in Inkwell's form and in Hugo's.
 *
 * <pre>
 * menu: 2                                  # position 2
 * menu: main                               # Hugo: at the end ({@link MenuPlace#LAST})
 * menu: [main]                             # the same
 * menu: {main: {weight: 20, name: About}}  # Hugo: position 20, label "About"
 * menu: false                              # not in the menu
 * </pre>
 *
 * Inkwell has one menu, Hugo's {@code main}; any other menu name is an error, so that a migrated
 * site does not lose an entry without a word.
 */
final class MenuField {

  /**
   * The field's value: {@code position} null when the post is in no menu; {@code label} null unless
   * Hugo's {@code name} gives one.
   */
  record Value(Integer position, String label) {
    static final Value NONE = new Value(null, null);
  }

  private static final String USAGE =
      "give a number (the entry's place in the header, "
          + MenuPlace.FIRST
          + " to "
          + MenuPlace.LAST
          + "), or \"main\"";

  private final FrontMatterFields.Errors errors;

  MenuField(FrontMatterFields.Errors errors) {
    this.errors = errors;
  }

  Value read(Node node) {
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar);
    }
    if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        menuName(item);
      }
      return sequence.getValue().isEmpty() ? Value.NONE : new Value(MenuPlace.LAST, null);
    }
    return hugoMenus((MappingNode) node);
  }

  private Value scalar(ScalarNode scalar) {
    String text = scalar.getValue().strip();
    if (scalar.getTag().equals(Tag.NULL) || "false".equalsIgnoreCase(text)) {
      return Value.NONE;
    }
    if ("true".equalsIgnoreCase(text)) {
      return new Value(MenuPlace.LAST, null);
    }
    if (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT)) {
      return new Value(position(scalar, "menu"), null);
    }
    menuName(scalar);
    return new Value(MenuPlace.LAST, null);
  }

  /** Hugo's {@code {main: {weight: N, name: X}}}. */
  private Value hugoMenus(MappingNode menus) {
    Value value = Value.NONE;
    for (NodeTuple tuple : menus.getValue()) {
      menuName(tuple.getKeyNode());
      Node entry = tuple.getValueNode();
      value = new Value(MenuPlace.LAST, null);
      if (entry instanceof MappingNode settings) {
        value = hugoEntry(settings);
      } else if (!(entry instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
        throw invalid(entry, "menu.main must be a map (weight, name), not " + shown(entry));
      }
    }
    return value;
  }

  private Value hugoEntry(MappingNode settings) {
    Integer position = MenuPlace.LAST;
    String label = null;
    for (NodeTuple tuple : settings.getValue()) {
      String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
      Node value = tuple.getValueNode();
      switch (key.toLowerCase(Locale.ROOT)) {
        case "weight" -> position = position(value, "menu.main.weight");
        case "name" -> label = label(value);
        case "parent" ->
            throw invalid(tuple.getKeyNode(), "nested menus (menu.main.parent) are not supported");
        default -> {
          // identifier, pre, post, params: meaningful to Hugo's templates only
        }
      }
    }
    return new Value(position, label);
  }

  private int position(Node node, String field) {
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
      try {
        int position = Integer.parseInt(scalar.getValue().strip().replace("_", ""));
        if (position >= MenuPlace.FIRST && position <= MenuPlace.LAST) {
          return position;
        }
      } catch (NumberFormatException e) {
        // too large for an int: out of range, reported below
      }
    }
    throw invalid(node, field + " is " + shown(node) + "; " + USAGE);
  }

  private String label(Node node) {
    if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
      return scalar.getValue().strip();
    }
    throw invalid(node, "menu.main.name must be text, not " + shown(node));
  }

  private void menuName(Node node) {
    String name = node instanceof ScalarNode scalar ? scalar.getValue().strip() : null;
    if (!"main".equals(name)) {
      throw invalid(
          node,
          "menu "
              + shown(node)
              + " is not a menu Inkwell has: it has one, in the header; "
              + USAGE);
    }
  }

  private RejectedException invalid(Node node, String message) {
    return errors.at(node, Kind.INVALID_FIELD, message);
  }

  private static String shown(Node node) {
    if (node instanceof ScalarNode scalar) {
      return "\"" + scalar.getValue() + "\"";
    }
    return node instanceof SequenceNode ? "a list" : "a map";
  }
}
