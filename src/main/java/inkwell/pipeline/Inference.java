package inkwell.pipeline;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * What a post says about itself when front matter does not: its title, its date and its summary.
 * See docs/WRITING.md, "Plain Markdown", for the rules.
 */
final class Inference {

  /** How many non-blank lines at the top of a post are searched for a date line. */
  static final int DATE_LINES = 5;

  /** Longest inferred summary, in characters. */
  static final int SUMMARY_LENGTH = 300;

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  private static final Pattern DECORATION =
      Pattern.compile("^(?:#{1,6}\\s+)?[*_]{0,3}(.*?)[*_]{0,3}$");
  private static final Pattern LINE_MARKERS =
      Pattern.compile("^ {0,3}(?:#{1,6}(?:\\s+|$)|>\\s?|[-+*]\\s+|\\d{1,9}[.)]\\s+)*");
  private static final Pattern JEKYLL_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})-(.*)$");

  private Inference() {}

  /** A body with its date line removed, and the date that line gave. */
  record DateLine(LocalDate date, String body) {}

  /**
   * The first of the top {@value #DATE_LINES} non-blank lines that holds nothing but a date (bold,
   * italic or as a heading is fine), and the body without that line.
   */
  static Optional<DateLine> dateLine(String body) {
    String[] lines = body.split("\n", -1);
    int nonBlank = 0;
    for (int i = 0; i < lines.length && nonBlank < DATE_LINES; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      if (FENCE.matcher(lines[i]).find()) {
        break;
      }
      nonBlank++;
      Matcher m = DECORATION.matcher(line);
      String candidate = m.matches() ? m.group(1) : line;
      Optional<LocalDate> date = Dates.parseProse(candidate);
      if (date.isPresent()) {
        return Optional.of(new DateLine(date.get(), removeLine(lines, i)));
      }
    }
    return Optional.empty();
  }

  /**
   * Removes the heading that is {@code document}'s first block, of any level, and returns its text;
   * a heading further down is never the title.
   */
  static Optional<String> takeLeadingHeading(Node document, Markdown markdown) {
    if (document.getFirstChild() instanceof Heading heading) {
      String title = markdown.plainText(heading);
      if (!title.isEmpty()) {
        heading.unlink();
        return Optional.of(title);
      }
    }
    return Optional.empty();
  }

  /** A title taken from the first non-blank line, and the body without that line. */
  record FirstLine(String title, String body) {}

  /** Longest first line taken as a title, in characters of plain text. */
  static final int TITLE_LINE_LENGTH = 100;

  /**
   * The first non-blank line as plain text when it stands alone: followed by a blank line (or
   * nothing), at most {@value #TITLE_LINE_LENGTH} characters, not opening a code block. A line that
   * a paragraph goes on after is never cut out of it.
   */
  static Optional<FirstLine> firstLine(String body, Markdown markdown) {
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      boolean alone = i + 1 >= lines.length || lines[i + 1].isBlank();
      if (FENCE.matcher(lines[i]).find() || !alone) {
        return Optional.empty();
      }
      String inline = LINE_MARKERS.matcher(lines[i]).replaceFirst("");
      Document parsed = (Document) markdown.parse(inline);
      String title = markdown.plainText(parsed);
      return title.isEmpty() || title.length() > TITLE_LINE_LENGTH
          ? Optional.empty()
          : Optional.of(new FirstLine(title, removeLine(lines, i)));
    }
    return Optional.empty();
  }

  /**
   * The plain text of the first paragraph that has any, cut at a word near {@value #SUMMARY_LENGTH}
   * characters.
   */
  static String summary(Node document, Markdown markdown) {
    for (Node node : Trees.preOrder(document)) {
      if (node instanceof Paragraph && !onlyImages(node)) {
        String text = markdown.plainText(node);
        if (!text.isEmpty()) {
          return shorten(text, SUMMARY_LENGTH);
        }
      }
    }
    return "";
  }

  /** True for a paragraph of images and line breaks only (a figure, not prose). */
  private static boolean onlyImages(Node paragraph) {
    for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
      boolean blank = child instanceof Text text && text.getLiteral().isBlank();
      if (!(child instanceof Image || child instanceof SoftLineBreak || blank)) {
        return false;
      }
    }
    return true;
  }

  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    return text.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "\u2026";
  }

  /** A Jekyll-style date at the start of a file name ({@code 2024-08-05-hello.md}). */
  static Optional<LocalDate> fileNameDate(String key) {
    Matcher m = JEKYLL_DATE.matcher(fileName(key));
    return m.matches() ? Dates.parseProse(m.group(1)) : Optional.empty();
  }

  /**
   * A readable title from a file name: {@code 2024-08-05-my_first-post.md} gives "My first post".
   */
  static String fileNameTitle(String key) {
    String name = fileName(key);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    Matcher m = JEKYLL_DATE.matcher(name);
    if (m.matches()) {
      name = m.group(2);
    }
    String words = name.replaceAll("[-_\\s]+", " ").strip();
    if (words.isEmpty()) {
      return "Untitled";
    }
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  /** The title Hugo gives the section of {@code key}, an {@code _index.md} without one. */
  static String sectionTitle(String key) {
    String folder = key.substring(0, key.lastIndexOf('/'));
    return Permalinks.sectionTitle(folder.substring(folder.lastIndexOf('/') + 1));
  }

  private static String fileName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  /** The lines joined again with line {@code index} blanked, so later line numbers still hold. */
  private static String removeLine(String[] lines, int index) {
    String[] copy = lines.clone();
    copy[index] = "";
    return String.join("\n", copy);
  }
}
