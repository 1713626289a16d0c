package inkwell.pipeline;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address a Hugo or Jekyll site gave a post, computed by that tool's rules from the site's
 * permalink settings and the post's file name, date, title, {@code slug} and categories: {@code
 * /posts/my_post/} or {@code /2024/08/05/hello.html}, exactly as the old site served it.
 *
 * <pre>{@code
 * Permalinks jekyll = Permalinks.jekyll("pretty");
 * jekyll.address(new Permalinks.Facts("2024-08-05-hello.md", day, "Hello", null, List.of(), null));
 * // "/2024/08/05/hello/"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Permalinks {

  /** Which tool's rules. */
  public enum Tool {
    HUGO,
    JEKYLL
  }

  /**
   * What a post's address is made of.
   *
   * @param path the file's path below the content folder ({@code posts/my_post.md}, {@code
   *     posts/bundle/index.md}) or below {@code _posts} ({@code 2024-08-05-hello.md})
   * @param date the calendar day of the post's date as written
   * @param title the post's title
   * @param slug the front matter's {@code slug}, or {@code null}
   * @param categories the front matter's categories
   * @param url Hugo's {@code url} or Jekyll's {@code permalink} in the front matter, or {@code
   *     null}
   */
  public record Facts(
      String path,
      LocalDate date,
      String title,
      String slug,
      List<String> categories,
      String url) {}

  private static final Pattern TOKEN = Pattern.compile(":([a-z_]+)");
  private static final Pattern JEKYLL_DATE = Pattern.compile("^(\\d{2,4}-\\d{1,2}-\\d{1,2})-(.*)$");

  /** Jekyll's named permalink styles (Jekyll 4's {@code Utils#permalink_style}). */
  static final Map<String, String> JEKYLL_STYLES =
      Map.of(
          "date", "/:categories/:year/:month/:day/:title:output_ext",
          "pretty", "/:categories/:year/:month/:day/:title/",
          "ordinal", "/:categories/:year/:y_day/:title:output_ext",
          "weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext",
          "none", "/:categories/:title:output_ext");

  private final Tool tool;
  private final Map<String, String> patterns;
  private final String jekyllPattern;
  private final boolean uglyUrls;
  private final java.util.SortedSet<String> sections;
  private final HugoLanguages languages;

  private Permalinks(
      Tool tool,
      Map<String, String> patterns,
      String jekyllPattern,
      boolean ugly,
      java.util.Collection<String> sections,
      HugoLanguages languages) {
    this.languages = languages;
    this.tool = tool;
    this.patterns = Map.copyOf(patterns);
    this.jekyllPattern = jekyllPattern;
    this.uglyUrls = ugly;
    this.sections = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(sections));
  }

  /**
   * Hugo's rules.
   *
   * @param bySection the site's {@code permalinks}: a pattern per section ({@code posts =
   *     "/:year/:month/:title/"}); a section without one keeps its content path
   * @param uglyUrls the site's {@code uglyURLs}: {@code /posts/hello.html}, not {@code
   *     /posts/hello/}
   */
  public static Permalinks hugo(Map<String, String> bySection, boolean uglyUrls) {
    return hugo(bySection, uglyUrls, java.util.List.of());
  }

  /**
   * Hugo's rules, and the site's sections that hold posts ({@code posts}, the content folder's
   * folders): each has a section page at its path ({@code /posts/}), whether or not it has an
   * {@code _index.md}.
   */
  public static Permalinks hugo(
      Map<String, String> bySection, boolean uglyUrls, java.util.Collection<String> sections) {
    return hugo(bySection, uglyUrls, sections, HugoLanguages.NONE);
  }

  /** Hugo's rules, its sections that hold posts, and its languages. */
  public static Permalinks hugo(
      Map<String, String> bySection,
      boolean uglyUrls,
      java.util.Collection<String> sections,
      HugoLanguages languages) {
    return new Permalinks(Tool.HUGO, bySection, null, uglyUrls, sections, languages);
  }

  /** A Hugo site's languages; {@link HugoLanguages#NONE} for one language, and for Jekyll. */
  public HugoLanguages languages() {
    return languages;
  }

  /**
   * The title Hugo gives a section without one: its folder's name, words capitalised ({@code posts}
   * is "Posts", {@code release-notes} "Release Notes").
   */
  public static String sectionTitle(String folder) {
    StringBuilder title = new StringBuilder();
    for (String word : folder.split("[-_\\s]+")) {
      if (!word.isEmpty()) {
        title.append(title.length() == 0 ? "" : " ");
        title.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    return title.length() == 0 ? "Posts" : title.toString();
  }

  /** A Hugo site's sections that hold posts, as Inkwell writes their paths; empty for Jekyll. */
  public java.util.SortedSet<String> sections() {
    return sections;
  }

  /**
   * Jekyll's rules for posts.
   *
   * @param permalink the site's {@code permalink}: a pattern, or a named style ({@code date} when
   *     {@code null})
   */
  public static Permalinks jekyll(String permalink) {
    String pattern = permalink == null ? "date" : permalink.strip();
    return new Permalinks(
        Tool.JEKYLL,
        Map.of(),
        JEKYLL_STYLES.getOrDefault(pattern, pattern),
        false,
        java.util.List.of(),
        HugoLanguages.NONE);
  }

  public Tool tool() {
    return tool;
  }

  /**
   * The rules written as one line, as {@code INKWELL_PERMALINKS} takes them: {@code hugo posts/
   * posts=/:year/:month/:title/ page=/:filename/} (with {@code ugly} for {@code uglyURLs}, and each
   * section that holds posts as its path and {@code /}), or {@code jekyll
   * /:categories/:year/:month/:day/:title:output_ext}. Read back by {@link #parse}.
   */
  public String spec() {
    if (tool == Tool.JEKYLL) {
      return "jekyll " + jekyllPattern;
    }
    StringBuilder spec = new StringBuilder("hugo");
    if (uglyUrls) {
      spec.append(" ugly");
    }
    sections.forEach(section -> spec.append(' ').append(section).append('/'));
    spec.append(languages.spec());
    new java.util.TreeMap<>(patterns)
        .forEach((k, v) -> spec.append(' ').append(k).append('=').append(v));
    return spec.toString();
  }

  /**
   * Rules from their {@link #spec()} line; {@code null} for a blank or absent one.
   *
   * @throws IllegalArgumentException when the line names neither tool or a Hugo entry has no {@code
   *     =}
   */
  public static Permalinks parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return null;
    }
    String[] words = spec.strip().split("\\s+");
    if (words[0].equals("jekyll")) {
      return jekyll(words.length > 1 ? words[1] : null);
    }
    if (!words[0].equals("hugo")) {
      throw new IllegalArgumentException(
          "INKWELL_PERMALINKS \"" + spec + "\" must start with hugo or jekyll");
    }
    boolean ugly = false;
    Map<String, String> bySection = new java.util.HashMap<>();
    java.util.List<String> sections = new java.util.ArrayList<>();
    HugoLanguages.Builder languages = new HugoLanguages.Builder();
    for (int i = 1; i < words.length; i++) {
      if (words[i].equals("ugly")) {
        ugly = true;
        continue;
      }
      if (HugoLanguages.read(words[i], languages)) {
        continue;
      }
      if (words[i].endsWith("/") && !words[i].contains("=")) {
        sections.add(words[i].substring(0, words[i].length() - 1));
        continue;
      }
      int eq = words[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "INKWELL_PERMALINKS: \"" + words[i] + "\" is not section=pattern");
      }
      bySection.put(words[i].substring(0, eq), words[i].substring(eq + 1));
    }
    return hugo(bySection, ugly, sections, languages.build());
  }

  /** The path the old site served the post at, starting with {@code /}. */
  public String address(Facts facts) {
    Objects.requireNonNull(facts, "facts");
    return tool == Tool.HUGO ? hugo(facts) : jekyll(facts);
  }

  /**
   * The address of a standalone page (Jekyll's {@code about.md} beside {@code _config.yml}): its
   * {@code permalink}, else its path with {@code .html}, or with {@code /} when the site's
   * permalinks end in {@code /} ({@code pretty}); for Hugo, as {@link #address}.
   */
  public String pageAddress(String path, String url) {
    if (tool == Tool.HUGO) {
      return address(new Facts(path, null, null, null, java.util.List.of(), url));
    }
    if (url != null) {
      return url.startsWith("/") ? url : "/" + url;
    }
    // Jekyll's Page#template with Utils.add_permalink_suffix: "/" for a style ending in "/", the
    // output extension for one ending in :output_ext, nothing for any other.
    String base = "/" + withoutExtension(path);
    if (jekyllPattern.endsWith("/")) {
      return base + "/";
    }
    return jekyllPattern.endsWith(":output_ext") ? base + ".html" : base;
  }

  // ------------------------------------------------------------------ Hugo

  private String hugo(Facts f) {
    if (f.url() != null) {
      String url = f.url().startsWith("/") ? f.url() : "/" + f.url();
      return hasExtension(url) || url.endsWith("/") || uglyUrls ? url : url + "/";
    }
    List<String> segments = List.of(f.path().split("/"));
    String file = segments.get(segments.size() - 1);
    String base = withoutExtension(file);
    boolean bundle = base.equals("index") && segments.size() > 1;
    List<String> dirs = segments.subList(0, segments.size() - (bundle ? 2 : 1));
    String fileName = bundle ? segments.get(segments.size() - 2) : base;
    String section = dirs.isEmpty() ? "" : dirs.get(0);
    String pattern = patterns.get(section.isEmpty() ? "page" : section);
    String path;
    if (pattern == null) {
      String last = f.slug() != null ? f.slug() : fileName;
      path = "/" + (dirs.isEmpty() ? "" : String.join("/", dirs) + "/") + last + "/";
      path = HugoPaths.sanitize(path);
    } else {
      path = expand(pattern, token -> hugoToken(token, f, fileName, section, dirs));
      path = HugoPaths.sanitize(path.startsWith("/") ? path : "/" + path);
    }
    if (uglyUrls && path.endsWith("/") && path.length() > 1) {
      path = path.substring(0, path.length() - 1) + ".html";
    }
    return path.replaceAll("/{2,}", "/");
  }

  private static String hugoToken(
      String token, Facts f, String fileName, String section, List<String> dirs) {
    LocalDate d = f.date();
    return switch (token) {
      case "year" -> d == null ? null : String.format("%04d", d.getYear());
      case "month" -> d == null ? null : String.format("%02d", d.getMonthValue());
      case "monthname" ->
          d == null ? null : d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "day" -> d == null ? null : String.format("%02d", d.getDayOfMonth());
      case "weekday" -> d == null ? null : String.valueOf(d.getDayOfWeek().getValue() % 7);
      case "weekdayname" ->
          d == null ? null : d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "yearday" -> d == null ? null : String.valueOf(d.getDayOfYear());
      case "section" -> section;
      case "sections" -> String.join("/", dirs);
      case "title" -> HugoPaths.urlize(f.title());
      case "slug" -> HugoPaths.urlize(f.slug() != null ? f.slug() : f.title());
      case "filename", "contentbasename" -> fileName;
      case "slugorfilename", "slugorcontentbasename" ->
          f.slug() != null ? HugoPaths.urlize(f.slug()) : fileName;
      default -> null;
    };
  }

  // ------------------------------------------------------------------ Jekyll

  private String jekyll(Facts f) {
    String file = f.path().substring(f.path().lastIndexOf('/') + 1);
    String name = withoutExtension(file);
    Matcher dated = JEKYLL_DATE.matcher(name);
    String fileSlug = dated.matches() ? dated.group(2) : name;
    String titleSource = f.slug() != null ? f.slug() : fileSlug;
    String pattern = f.url() != null ? f.url() : jekyllPattern;
    String path = expand(pattern, token -> jekyllToken(token, f, titleSource));
    path = path.replaceAll("/{2,}", "/");
    return path.startsWith("/") ? path : "/" + path;
  }

  private static String jekyllToken(String token, Facts f, String titleSource) {
    LocalDate d = f.date();
    return switch (token) {
      case "year" -> d == null ? null : String.format("%04d", d.getYear());
      case "short_year" -> d == null ? null : String.format("%02d", d.getYear() % 100);
      case "month" -> d == null ? null : String.format("%02d", d.getMonthValue());
      case "i_month" -> d == null ? null : String.valueOf(d.getMonthValue());
      case "short_month" ->
          d == null ? null : d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "long_month" ->
          d == null ? null : d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "day" -> d == null ? null : String.format("%02d", d.getDayOfMonth());
      case "i_day" -> d == null ? null : String.valueOf(d.getDayOfMonth());
      case "y_day" -> d == null ? null : String.format("%03d", d.getDayOfYear());
      case "short_day" ->
          d == null ? null : d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "long_day" ->
          d == null ? null : d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "week" ->
          d == null
              ? null
              : String.format("%02d", d.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case "hour", "minute", "second" -> "00";
      case "title" -> JekyllPaths.slugify(titleSource, true);
      case "slug" -> JekyllPaths.slugify(titleSource, false);
      case "name" -> JekyllPaths.slugify(titleSource, false);
      case "categories" ->
          String.join(
              "/",
              f.categories().stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().toList());
      case "output_ext" -> ".html";
      default -> null;
    };
  }

  // ------------------------------------------------------------------ shared

  private interface Tokens {
    String value(String token);
  }

  /** {@code pattern} with each known {@code :token} replaced; an unknown one is kept as written. */
  private static String expand(String pattern, Tokens tokens) {
    Matcher m = TOKEN.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = longestToken(m.group(1), tokens);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The value of the longest known token at the start of {@code name} ({@code :title_x} is {@code
   * :title} then {@code _x}); {@code name} itself when none is known.
   */
  private static String longestToken(String name, Tokens tokens) {
    for (int end = name.length(); end > 0; end--) {
      String value = tokens.value(name.substring(0, end));
      if (value != null) {
        return value + name.substring(end);
      }
    }
    return ":" + name;
  }

  private static boolean hasExtension(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.contains(".");
  }

  private static String withoutExtension(String file) {
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
