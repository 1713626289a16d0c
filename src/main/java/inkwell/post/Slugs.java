package inkwell.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * URL slugs for posts and tags.
 *
 * <p>A slug is one or more segments joined by {@code /}. Every segment is lower-case ASCII letters,
 * digits and single hyphens, never starts or ends with a hyphen, and is never empty, so a slug can
 * never be empty, contain {@code ..}, or escape the path it is placed under. Letters with accents
 * and Greek and Cyrillic letters are transliterated; text with no ASCII form at all (CJK, say) gets
 * a short stable hash so that it still has a unique slug. Over-long segments and slugs are cut and
 * suffixed with a hash of the full text, so two long titles that differ at the end stay distinct.
 *
 * <p>Thread-safe; all methods are static.
 */
public final class Slugs {

  /**
   * First path segments the site itself uses ({@code /tags/}, {@code /archive/}, ...); no slug may
   * start with one.
   */
  public static final Set<String> RESERVED =
      Set.of("tags", "archive", "older", "newer", "api", "assets", "media");

  /** Longest segment, in characters. */
  public static final int MAX_SEGMENT = 80;

  /** Longest slug, in characters. */
  public static final int MAX_SLUG = 200;

  private static final Pattern APOSTROPHES = Pattern.compile("['\u2019]");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Pattern ALIAS_SEGMENT = Pattern.compile("[^\\s\\p{Cntrl}?#\\\\]+");
  private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

  /** Endings of Markdown file names, matched whatever their case ({@code .md}, {@code .MD}). */
  public static final List<String> MARKDOWN_EXTENSIONS = List.of(".md", ".markdown");

  private Slugs() {}

  /**
   * True if {@code name} (a file name or object key) ends in a Markdown extension, in any case,
   * after at least one other character of the file name: {@code hello.md}, {@code Notes.MD}, {@code
   * posts/a.markdown}, but not {@code posts/.md}. The preview, the publish function and the
   * template's S3 filter all go by this.
   */
  public static boolean isMarkdown(String name) {
    return extensionLength(name) > 0;
  }

  /**
   * True for Hugo's {@code _index.md} (in any case, {@code .md} or {@code .markdown}): the title
   * and text of a section's page, which lists the posts below them; not a post.
   */
  public static boolean isSectionIndex(String name) {
    int fileName = name.lastIndexOf('/') + 1;
    int length = extensionLength(name);
    return length > 0
        && name.substring(fileName, name.length() - length).equalsIgnoreCase("_index");
  }

  private static int extensionLength(String name) {
    int fileName = name.lastIndexOf('/') + 1;
    for (String extension : MARKDOWN_EXTENSIONS) {
      int start = name.length() - extension.length();
      if (start > fileName && name.regionMatches(true, start, extension, 0, extension.length())) {
        return extension.length();
      }
    }
    return 0;
  }

  /**
   * The slug for an object key: the part below {@code postsPrefix} (if the key starts with it),
   * {@code .md} or {@code .markdown} dropped, each folder kept as a segment. {@code
   * posts/2024/Hello World.md} under {@code posts/} gives {@code 2024/hello-world}. A file named
   * {@code index} in a folder is that folder's post (a page bundle): {@code posts/trip/index.md}
   * gives {@code trip}.
   */
  public static String fromKey(String key, String postsPrefix) {
    String path = key;
    if (!postsPrefix.isEmpty() && path.startsWith(postsPrefix)) {
      path = path.substring(postsPrefix.length());
    }
    path = path.substring(0, path.length() - extensionLength(path));
    if (path.endsWith("/index")) {
      // A page bundle (Hugo): posts/trip/index.md is the post posts/trip, its images beside it.
      path = path.substring(0, path.length() - "/index".length());
    } else if (isSectionIndex(key)) {
      // A section's page (Hugo): posts/blog/_index.md lives at the section's address, blog.
      path = path.substring(0, path.length() - "_index".length());
    }
    String slug = path(path);
    return slug.isEmpty() ? "post-" + hash8(key) : slug;
  }

  /**
   * Normalizes a path of segments separated by {@code /}. Segments with no letter or digit ({@code
   * ..}, {@code %%}, empty) are dropped; the result is empty only if every segment was dropped.
   */
  public static String path(String path) {
    List<String> segments = new ArrayList<>();
    for (String raw : path.split("/")) {
      if (HAS_LETTER_OR_DIGIT.matcher(raw).find()) {
        segments.add(segment(raw));
      }
    }
    String joined = String.join("/", segments);
    if (joined.length() <= MAX_SLUG) {
      return joined;
    }
    String cut = trimSeparators(joined.substring(0, MAX_SLUG - 9));
    return cut + "-" + hash8(path);
  }

  /**
   * One slug segment for {@code text} (a file name, a tag, a front-matter slug). Never empty, never
   * contains {@code /}.
   */
  public static String segment(String text) {
    String folded = APOSTROPHES.matcher(Ascii.fold(text)).replaceAll("");
    String slug = trimSeparators(NOT_ALNUM.matcher(folded).replaceAll("-"));
    if (slug.isEmpty()) {
      return "x" + hash8(text);
    }
    if (slug.length() > MAX_SEGMENT) {
      slug = trimSeparators(slug.substring(0, MAX_SEGMENT - 9)) + "-" + hash8(text);
    }
    return slug;
  }

  /** True if {@code slug}'s first segment is one the site reserves for itself. */
  public static boolean isReserved(String slug) {
    int slash = slug.indexOf('/');
    return RESERVED.contains(slash < 0 ? slug : slug.substring(0, slash));
  }

  /** {@code slug} with its last segment replaced by {@link #segment(String) segment(name)}. */
  public static String replaceLastSegment(String slug, String name) {
    int slash = slug.lastIndexOf('/');
    String last = segment(name);
    return slash < 0 ? last : slug.substring(0, slash + 1) + last;
  }

  /**
   * An old URL path, normalized for redirect lookups: no leading, trailing or doubled slashes.
   * Empty when the path is not a plain path on this site: it has a scheme or host, a {@code .} or
   * {@code ..} segment, a query or fragment, whitespace or control characters, or nothing at all.
   * Case and dots are kept ({@code /2019/Old-Post.html} gives {@code 2019/Old-Post.html}).
   */
  public static Optional<String> aliasPath(String path) {
    String trimmed = path.strip();
    if (trimmed.startsWith("//") || SCHEME.matcher(trimmed).lookingAt()) {
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>();
    for (String segment : trimmed.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.equals(".")
          || segment.equals("..")
          || !ALIAS_SEGMENT.matcher(segment).matches()) {
        return Optional.empty();
      }
      segments.add(segment);
    }
    return segments.isEmpty() ? Optional.empty() : Optional.of(String.join("/", segments));
  }

  private static String trimSeparators(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == '-' || s.charAt(start) == '/')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == '-' || s.charAt(end - 1) == '/')) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String hash8(String text) {
    return Hashes.sha256Hex(text).substring(0, 8);
  }
}
