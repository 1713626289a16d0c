package inkwell.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages a fenced code block is highlighted in, with the names authors write after the
 * fence. Each is read by one of RSyntaxTextArea's token makers ({@code style}), except shell
 * sessions (prompt lines read as shell, the rest left as output) and diffs (read line by line, by
 * the mark the diff format puts first). TOML is read as INI and HCL as Ruby: RSyntaxTextArea has
 * neither, and these are the closest (comments, strings, numbers, booleans and sections come out
 * right; HCL's {@code //} and {@code /* *}{@code /} comments do not).
 */
enum CodeLanguage {
  JAVA("text/java", "java"),
  KOTLIN("text/kotlin", "kotlin", "kt", "kts"),
  GROOVY("text/groovy", "groovy", "gradle"),
  SCALA("text/scala", "scala", "sc"),
  PYTHON("text/python", "python", "py", "python3", "py3"),
  JAVASCRIPT("text/javascript", "javascript", "js", "mjs", "cjs", "jsx"),
  TYPESCRIPT("text/typescript", "typescript", "ts", "tsx", "mts"),
  JSON("text/jshintrc", "json", "jsonc", "json5"),
  YAML("text/yaml", "yaml", "yml"),
  TOML("text/ini", "toml"),
  XML("text/xml", "xml", "svg", "xsd", "xsl", "pom", "plist"),
  HTML("text/html", "html", "xhtml", "htm"),
  CSS("text/css", "css"),
  SQL("text/sql", "sql", "psql", "mysql", "postgresql"),
  SHELL("text/unix", "bash", "sh", "shell", "zsh", "ksh"),
  SHELL_SESSION("text/unix", "console", "shell-session", "sh-session", "shellsession"),
  GO("text/golang", "go", "golang"),
  RUST("text/rust", "rust", "rs"),
  C("text/c", "c", "h"),
  CPP("text/cpp", "cpp", "c++", "cc", "cxx", "hpp", "hh"),
  CSHARP("text/cs", "csharp", "cs", "c#"),
  DOCKERFILE("text/dockerfile", "dockerfile", "docker", "containerfile"),
  HCL("text/ruby", "hcl", "terraform", "tf", "tfvars"),
  DIFF(null, "diff", "patch", "udiff"),
  PROPERTIES("text/properties", "properties", "props"),
  INI("text/ini", "ini", "cfg", "conf", "editorconfig", "gitconfig"),
  MARKDOWN("text/markdown", "markdown", "md", "mkd");

  private static final Map<String, CodeLanguage> BY_NAME = new HashMap<>();

  static {
    for (CodeLanguage language : values()) {
      for (String name : language.names) {
        if (BY_NAME.put(name, language) != null) {
          throw new IllegalStateException("two languages are called " + name);
        }
      }
    }
  }

  /** RSyntaxTextArea's syntax style (a MIME-like name); {@code null} for {@link #DIFF}. */
  final String style;

  /** The first is the language's own name; the rest are aliases. */
  final List<String> names;

  CodeLanguage(String style, String... names) {
    this.style = style;
    this.names = List.of(names);
  }

  /**
   * The language a fenced block's info string names: its first word, in any case ({@code Java},
   * {@code js}, {@code go {linenos=true}}); empty for a language not listed here, or none.
   */
  static Optional<CodeLanguage> of(String info) {
    if (info == null) {
      return Optional.empty();
    }
    String word = info.strip();
    int end = 0;
    while (end < word.length() && !Character.isWhitespace(word.charAt(end))) {
      end++;
    }
    word = word.substring(0, end);
    if (word.startsWith("{") || word.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_NAME.get(word.toLowerCase(Locale.ROOT)));
  }
}
