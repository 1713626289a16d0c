package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.time.ZoneId;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads front matter (YAML 1.2 core schema; TOML through {@link TomlNodes}; JSON as YAML) into
 * {@link FrontMatter}: parses it, reporting syntax errors where the author has to look, and hands
 * the fields to {@link FrontMatterFields}, whose errors it places at their line and column in the
 * source file.
 */
final class FrontMatterReader {

  private static final int MAX_DEPTH = FrontMatterFields.MAX_DEPTH;

  private final ZoneId zone;
  private final int firstLine;

  /**
   * @param zone the zone for dates written without one
   * @param firstLine the 1-based source line on which the YAML text starts
   */
  FrontMatterReader(ZoneId zone, int firstLine) {
    this.zone = zone;
    this.firstLine = firstLine;
  }

  /** TOML front matter ({@code +++}), checked field by field as YAML is. */
  FrontMatter readToml(String toml) {
    return new FrontMatterFields(zone, this::error).read(TomlNodes.parse(toml, firstLine));
  }

  /**
   * JSON front matter: a JSON object is a YAML 1.2 flow mapping, so it is read by the same parser;
   * its syntax errors say JSON.
   */
  FrontMatter readJson(String json) {
    try {
      return read(json);
    } catch (RejectedException e) {
      PostError error = e.error();
      if (error.kind() != Kind.YAML_SYNTAX) {
        throw e;
      }
      throw new RejectedException(
          PostError.at(
              Kind.JSON_SYNTAX,
              error.line(),
              error.column(),
              error.message().replace("not valid YAML", "not valid JSON")));
    }
  }

  FrontMatter read(String yaml) {
    checkFlowNesting(yaml);
    Optional<Node> root;
    try {
      LoadSettings settings =
          LoadSettings.builder()
              .setSchema(new CoreSchema())
              .setMaxAliasesForCollections(50)
              .setAllowRecursiveKeys(false)
              .build();
      root = new Compose(settings).composeString(yaml);
    } catch (MarkedYamlEngineException e) {
      throw yamlError(e, yaml);
    } catch (YamlEngineException e) {
      throw new RejectedException(
          PostError.at(
              Kind.YAML_SYNTAX, firstLine, 0, "front matter is not valid YAML: " + e.getMessage()));
    } catch (StackOverflowError e) {
      throw new RejectedException(
          PostError.at(Kind.NESTED_TOO_DEEPLY, firstLine, 0, "front matter is nested too deeply"));
    }
    if (root.isEmpty() || FrontMatterFields.isNull(root.get())) {
      return FrontMatter.NONE;
    }
    if (!(root.get() instanceof MappingNode mapping)) {
      throw error(
          root.get(),
          Kind.FRONT_MATTER_NOT_A_MAP,
          "front matter must be a set of \"field: value\" lines, not "
              + FrontMatterFields.describe(root.get()));
    }
    return new FrontMatterFields(zone, this::error).read(mapping);
  }

  /**
   * Rejects {@code [} and {@code {} nested more than {@link #MAX_DEPTH} deep, at the line and column
   * of the first one too many, before the parser (which is recursive) can overflow the stack.
   * Brackets inside quotes and comments do not count.
   */
  private void checkFlowNesting(String yaml) {
    int depth = 0;
    int line = 0;
    int column = 0;
    char quote = 0;
    boolean comment = false;
    for (int i = 0; i < yaml.length(); i++) {
      char c = yaml.charAt(i);
      if (c == '\n') {
        line++;
        column = 0;
        comment = false;
        continue;
      }
      column++;
      if (comment) {
        continue;
      }
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(yaml.charAt(i - 1)))) {
        comment = true;
      } else if (c == '[' || c == '{') {
        if (++depth > MAX_DEPTH) {
          throw new RejectedException(
              PostError.at(
                  Kind.NESTED_TOO_DEEPLY,
                  firstLine + line,
                  column,
                  "front matter nests lists or maps more than " + MAX_DEPTH + " levels deep"));
        }
      } else if (c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
  }

  /**
   * A syntax error where the author has to look. When the parser ran to the end of the text looking
   * for the end of something (a quote never closed), the problem's own position is the end of the
   * front matter, so the error is reported where that something opens: SnakeYAML's context mark.
   */
  private RejectedException yamlError(MarkedYamlEngineException e, String yaml) {
    Optional<Mark> problemMark = e.getProblemMark();
    Optional<Mark> contextMark = e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    boolean ranToTheEnd =
        problemMark.isEmpty()
            || problemMark.get().getIndex() >= yaml.codePointCount(0, yaml.length());
    Mark mark =
        ranToTheEnd && contextMark.isPresent() ? contextMark.get() : problemMark.orElse(null);
    String message = "front matter is not valid YAML: " + problem;
    if (mark != null && mark == contextMark.orElse(null) && e.getContext() != null) {
      message =
          "front matter is not valid YAML: "
              + e.getContext()
              + " at "
              + position(mark)
              + " and "
              + problem
              + (problemMark.isPresent() ? " at " + position(problemMark.get()) : "")
              + "; close it";
    }
    return new RejectedException(
        PostError.at(
            Kind.YAML_SYNTAX,
            mark == null ? firstLine : firstLine + mark.getLine(),
            mark == null ? 0 : mark.getColumn() + 1,
            message));
  }

  private String position(Mark mark) {
    return (firstLine + mark.getLine()) + ":" + (mark.getColumn() + 1);
  }

  private RejectedException error(Node node, Kind kind, String message) {
    Optional<Mark> mark = node.getStartMark();
    int line = mark.map(m -> firstLine + m.getLine()).orElse(firstLine);
    int column = mark.map(m -> m.getColumn() + 1).orElse(0);
    return new RejectedException(PostError.at(kind, line, column, message));
  }
}
