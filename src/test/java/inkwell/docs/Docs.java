package inkwell.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The README and every page of docs/, read as text, for the tests that hold them to the code. */
public final class Docs {

  private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");

  private Docs() {}

  /** The README and docs/*.md, in a fixed order. */
  public static List<Path> files() {
    List<Path> all = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(all::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  /** Only docs/*.md. */
  public static List<Path> pages() {
    return files().stream().filter(p -> p.startsWith("docs")).toList();
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(String file) {
    return read(Path.of(file));
  }

  /** Every inline code span ({@code `x`}) of {@code text}, outside fenced blocks too. */
  public static List<String> codeSpans(String text) {
    List<String> spans = new ArrayList<>();
    Matcher span = CODE_SPAN.matcher(text.replaceAll("(?s)```.*?```", ""));
    while (span.find()) {
      spans.add(span.group(1));
    }
    return spans;
  }

  /** The cells of each table row of {@code text} whose first cell starts with a code span. */
  public static List<List<String>> tableRows(String text) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("| `")) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.lastIndexOf('|')).split(" \\| ")) {
          cells.add(cell.strip());
        }
        rows.add(cells);
      }
    }
    return rows;
  }
}
