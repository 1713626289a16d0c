package inkwell.site;

import inkwell.post.Slugs;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps request paths to {@link Route}s. Paths are percent-decoded strictly (bad escapes and invalid
 * UTF-8 are a 400), traversal segments are refused, and only the query parameters in {@link
 * SitePaths#QUERY_PARAMETERS} mean anything (others, like tracking parameters, are ignored).
 * Stateless.
 */
final class SiteRouter {

  /** The longest path, and the longest query string, a page can have; longer is a 414. */
  static final int MAX_PATH = 1024;

  private static final Pattern SLUG =
      Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("0[1-9]|1[0-2]");
  private static final Pattern SITEMAP_PAGE = Pattern.compile("sitemap-([1-9]\\d{0,5})\\.xml");
  private static final Pattern MEDIA_SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
  private static final Pattern STYLESHEET = Pattern.compile("site\\.[0-9a-f]{10}\\.css");

  private SiteRouter() {}

  static Route route(SiteRequest request) {
    if (request.rawPath().length() > MAX_PATH
        || (request.rawQuery() != null && request.rawQuery().length() > MAX_PATH)) {
      return new Route.TooLong(MAX_PATH);
    }
    String path;
    String after;
    try {
      path = decode(request.rawPath());
      after = after(request.rawQuery());
    } catch (IllegalArgumentException e) {
      return new Route.BadRequest(e.getMessage());
    }
    if (!path.startsWith("/")) {
      return new Route.BadRequest("the path must start with /");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return new Route.BadRequest("the path contains a control character or a backslash");
      }
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.substring(1).split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return new Route.BadRequest("the path contains a . or .. segment");
      }
      segments.add(segment);
    }
    boolean slash = path.endsWith("/");
    if (slash) {
      segments.remove(segments.size() - 1);
    }
    if (segments.contains("")) {
      return new Route.NotFound();
    }
    return route(path, segments, slash, after, request.rawQuery());
  }

  private static Route route(
      String path, List<String> segments, boolean slash, String after, String rawQuery) {
    if (segments.isEmpty()) {
      return new Route.Home(after);
    }
    String first = segments.get(0);
    int count = segments.size();
    if (!slash && count == 1 && first.equals("search")) {
      return new Route.Search(parameter(rawQuery, SitePaths.QUERY), page(rawQuery));
    }
    if (!slash && count == 1) {
      switch (first) {
        case "feed.xml":
          return new Route.Feed(Route.Feed.Format.RSS);
        case "atom.xml":
          return new Route.Feed(Route.Feed.Format.ATOM);
        case "feed.json":
          return new Route.Feed(Route.Feed.Format.JSON);
        case "sitemap.xml":
          return new Route.Sitemap(0);
        case "robots.txt":
          return new Route.Robots();
        case "favicon.ico":
          return new Route.Favicon();
        default:
          Matcher page = SITEMAP_PAGE.matcher(first);
          if (page.matches()) {
            return new Route.Sitemap(Integer.parseInt(page.group(1)));
          }
      }
    }
    if (first.equals("api") && !slash && count == 2 && segments.get(1).equals("search")) {
      return new Route.ApiSearch(parameter(rawQuery, SitePaths.QUERY), page(rawQuery));
    }
    if (first.equals("api")) {
      return api(segments, slash, after);
    }
    if (first.equals("media")) {
      List<String> rest = segments.subList(1, count);
      boolean valid =
          !slash
              && !rest.isEmpty()
              && rest.stream().allMatch(seg -> MEDIA_SEGMENT.matcher(seg).matches());
      return valid ? new Route.Media(String.join("/", rest)) : new Route.NotFound();
    }
    if (first.equals("assets")) {
      if (count == 2 && !slash && STYLESHEET.matcher(segments.get(1)).matches()) {
        return new Route.Stylesheet(segments.get(1));
      }
      // A Jekyll site's own /assets/images/x.png: an image the media store may hold.
      return !slash && last(segments).contains(".")
          ? new Route.Alias(path.substring(1))
          : new Route.NotFound();
    }
    String last = segments.get(count - 1);
    if (!slash) {
      // Pages end with a slash; a path with a file extension may be an old address (an alias).
      return last.contains(".")
          ? new Route.Alias(path.substring(1))
          : new Route.Canonical(path + "/");
    }
    String joined = String.join("/", segments);
    if (!joined.equals(joined.toLowerCase(Locale.ROOT))
        && SLUG.matcher(joined.toLowerCase(Locale.ROOT)).matches()) {
      return new Route.Canonical("/" + joined.toLowerCase(Locale.ROOT) + "/");
    }
    switch (first) {
      case "tags":
        if (count == 1) {
          return new Route.TagIndex();
        }
        if (count == 3 && segments.get(1).equals("page")) {
          // A moved blog's paginated tag index (/tags/page/2/): the tag index.
          return new Route.Canonical("/tags/");
        }
        if (count == 4 && segments.get(2).equals("page")) {
          // A moved blog's paginated tag page (/tags/x/page/2/): the tag's listing.
          return new Route.Canonical("/tags/" + Slugs.segment(segments.get(1)) + "/");
        }
        if (count == 2 && !TAG.matcher(segments.get(1)).matches()) {
          // A tag as Hugo writes it (/tags/光猫/, /tags/3d-打印机/): the tag at Inkwell's slug.
          return new Route.Canonical("/tags/" + Slugs.segment(segments.get(1)) + "/");
        }
        return count == 2 ? new Route.TagPage(segments.get(1), after) : new Route.NotFound();
      case "archive":
        if (count == 1) {
          return new Route.ArchiveIndex(after);
        }
        if (!YEAR.matcher(segments.get(1)).matches() || count > 3) {
          return new Route.NotFound();
        }
        int year = Integer.parseInt(segments.get(1));
        if (count == 2) {
          return year == 0 ? new Route.NotFound() : new Route.ArchivePage(year, 0, after);
        }
        return MONTH.matcher(segments.get(2)).matches() && year > 0
            ? new Route.ArchivePage(year, Integer.parseInt(segments.get(2)), after)
            : new Route.NotFound();
      case "older":
      case "newer":
        String slug = String.join("/", segments.subList(1, count));
        return count > 1 && SLUG.matcher(slug).matches()
            ? new Route.Adjacent(slug, first.equals("older"))
            : new Route.NotFound();
      default:
        if (SLUG.matcher(joined).matches() && !Slugs.isReserved(joined)) {
          return new Route.PostPage(joined, after);
        }
        return new Route.Alias(joined);
    }
  }

  private static Route api(List<String> segments, boolean slash, String after) {
    if (slash) {
      return new Route.NotFound();
    }
    if (segments.size() == 2 && segments.get(1).equals("posts")) {
      return new Route.ApiPosts(after);
    }
    if (segments.size() == 2 && segments.get(1).equals("tags")) {
      return new Route.ApiTags();
    }
    if (segments.size() > 2 && segments.get(1).equals("posts")) {
      String slug = String.join("/", segments.subList(2, segments.size()));
      return SLUG.matcher(slug).matches() ? new Route.ApiPost(slug) : new Route.NotFound();
    }
    return new Route.NotFound();
  }

  private static String last(List<String> segments) {
    return segments.get(segments.size() - 1);
  }

  /** The {@code after} cursor from a query string; other parameters are ignored. */
  static String after(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    String after = null;
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq)).replace('+', ' ');
      if (name.equals(SitePaths.AFTER)) {
        if (after != null) {
          throw new IllegalArgumentException("the after parameter is given twice");
        }
        after = eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return after == null || after.isEmpty() ? null : after;
  }

  /**
   * The first value of a form parameter ({@code +} is a space), or "" when absent. Lenient: a value
   * with a bad escape is taken as it was sent, since a search box must never answer with an error.
   */
  static String parameter(String rawQuery, String wanted) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (name.equals(wanted)) {
        String value = eq < 0 ? "" : pair.substring(eq + 1).replace('+', ' ');
        try {
          return decode(value);
        } catch (IllegalArgumentException e) {
          return value;
        }
      }
    }
    return "";
  }

  /** The {@code page} parameter: a number from 1, else 1. */
  static int page(String rawQuery) {
    String value = parameter(rawQuery, SitePaths.PAGE);
    return value.matches("[1-9][0-9]{0,3}") ? Integer.parseInt(value) : 1;
  }

  /** Strict percent-decoding to UTF-8; a bad escape or invalid UTF-8 is an error. */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          throw new IllegalArgumentException("the URL has a bad percent-escape");
        }
        bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        // By code point: the two halves of a surrogate pair (an emoji) are one character.
        int codePoint = raw.codePointAt(i);
        bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint) - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the URL's percent-escapes are not UTF-8");
    }
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
