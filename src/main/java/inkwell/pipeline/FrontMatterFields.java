package inkwell.pipeline;

import inkwell.post.PostError.Kind;
import inkwell.post.Slugs;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The fields of parsed front matter: the type of every known field checked ({@link FrontMatter}),
 * every other field kept as plain Java values. Reports a problem through {@link Errors}, at the
 * node it concerns.
 */
final class FrontMatterFields {

  /** How a problem is reported at a node's line and column in the source file. */
  interface Errors {
    RejectedException at(Node node, Kind kind, String message);
  }

  static final int MAX_DEPTH = 20;

  /** Values that unknown fields may expand to, aliases included (guards against alias bombs). */
  private static final int MAX_VALUES = 10_000;

  private final ZoneId zone;
  private final Errors errors;
  private int values;

  /**
   * @param zone the zone for dates written without one
   */
  FrontMatterFields(ZoneId zone, Errors errors) {
    this.zone = zone;
    this.errors = errors;
  }

  FrontMatter read(MappingNode mapping) {
    String title = null;
    String slug = null;
    String summary = null;
    String description = null;
    String image = null;
    String author = null;
    String canonical = null;
    Instant date = null;
    Instant lastmod = null;
    Instant publishDate = null;
    Instant expiryDate = null;
    Boolean draft = null;
    MenuField.Value menu = MenuField.Value.NONE;
    String menuTitle = null;
    String linkTitle = null;
    List<String> tags = List.of();
    List<String> categories = List.of();
    List<String> aliases = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    String url = null;
    String redirectTo = null;
    List<String> outputs = null;
    List<String> images = List.of();
    java.time.LocalDate writtenDate = null;
    Set<String> seen = new HashSet<>();

    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        throw error(tuple.getKeyNode(), Kind.INVALID_FIELD, "a field name must be plain text");
      }
      String name = keyNode.getValue();
      String key = name.toLowerCase(Locale.ROOT);
      if (!seen.add(key)) {
        throw error(keyNode, Kind.INVALID_FIELD, "field \"" + name + "\" is given twice");
      }
      Node value = tuple.getValueNode();
      switch (key) {
        case "title" -> title = text(name, value);
        case "slug" -> slug = text(name, value);
        case "summary" -> summary = text(name, value);
        case "description" -> description = text(name, value);
        case "date" -> {
          date = date(name, value);
          writtenDate = date == null ? null : Dates.writtenDay(text(name, value)).orElse(null);
        }
        case "url", "permalink" -> url = path(name, value);
        case "redirect_to" -> {
          // Kept with the post's other fields too: the site answers its address with a 301.
          redirectTo = redirect(name, value);
          params.put("redirect_to", redirectTo);
        }
        case "outputs" ->
            outputs = list(name, value).stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
        case "images" -> images = list(name, value);
        case "lastmod", "updated", "last_modified_at" -> lastmod = date(name, value);
        case "publishdate", "pubdate", "publish_date" -> publishDate = date(name, value);
        case "expirydate", "unpublishdate", "expiry_date" -> expiryDate = date(name, value);
        case "draft" -> draft = bool(name, value);
        case "published" -> {
          // Jekyll: "published: false" hides a post; Hugo: "published" is a publish date.
          if (isBool(value)) {
            Boolean published = bool(name, value);
            draft = published == null ? draft : !published;
          } else {
            publishDate = date(name, value);
          }
        }
        case "tags" -> tags = list(name, value);
        case "categories" -> categories = list(name, value);
        case "aliases", "redirect_from" -> aliases.addAll(aliases(name, value));
        case "image" -> image = url(name, value, false);
        case "author" -> author = String.join(", ", list(name, value));
        case "canonical", "canonicalurl", "canonical_url" -> canonical = url(name, value, true);
        case "menu" -> menu = new MenuField(errors).read(value);
        case "menutitle", "menu_title" -> menuTitle = text(name, value);
        case "linktitle" -> linkTitle = text(name, value);
        default -> params.put(name, plain(value, 0));
      }
    }
    return new FrontMatter(
        title,
        date,
        lastmod,
        slug,
        tags,
        categories,
        summary != null ? summary : description,
        draft,
        publishDate,
        expiryDate,
        aliases,
        image != null ? image : images.isEmpty() ? null : protocolRelative(images.get(0)),
        author == null || author.isEmpty() ? null : author,
        canonical,
        menu.position(),
        menuTitle != null ? menuTitle : menu.label() != null ? menu.label() : linkTitle,
        params,
        new FrontMatter.Addressing(url, redirectTo, outputs, writtenDate));
  }

  /** A path on this site (Hugo's {@code url}, Jekyll's {@code permalink}), as written. */
  private String path(String field, Node node) {
    String value = text(field, node);
    if (value == null) {
      return null;
    }
    if (Slugs.aliasPath(value).isEmpty() && !value.equals("/")) {
      throw error(
          node,
          Kind.INVALID_FIELD,
          field
              + ": \""
              + value
              + "\" is not a path on this site; write one such as /2019/05/hello/");
    }
    return value;
  }

  /** Jekyll's {@code redirect_to}: an http(s) URL or a path on this site. */
  private String redirect(String field, Node node) {
    String value = text(field, node);
    if (value == null) {
      return null;
    }
    return Slugs.aliasPath(value).isPresent()
        ? "/" + Slugs.aliasPath(value).get()
        : url(field, node, true);
  }

  /** {@code //host/x.png} as {@code https://host/x.png}: the site is served over HTTPS only. */
  private static String protocolRelative(String value) {
    return value.startsWith("//") ? "https:" + value : value;
  }

  private String text(String field, Node node) {
    if (isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      String value = scalar.getValue().strip();
      return value.isEmpty() ? null : value;
    }
    throw error(node, Kind.INVALID_FIELD, field + " must be text, not " + describe(node));
  }

  private Instant date(String field, Node node) {
    String value = text(field, node);
    if (value == null) {
      return null;
    }
    return Dates.parse(value, zone)
        .orElseThrow(
            () ->
                error(
                    node,
                    Kind.INVALID_FIELD,
                    field
                        + ": cannot read \""
                        + value
                        + "\" as a date; write 2024-08-05, 2024-08-05T09:30:00 or"
                        + " 2024-08-05T09:30:00+02:00"));
  }

  private static boolean isBool(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.BOOL);
  }

  private Boolean bool(String field, Node node) {
    if (isNull(node)) {
      return null;
    }
    if (isBool(node)) {
      return Boolean.valueOf(((ScalarNode) node).getValue().toLowerCase(Locale.ROOT));
    }
    String shown = node instanceof ScalarNode s ? "\"" + s.getValue() + "\"" : describe(node);
    throw error(node, Kind.INVALID_FIELD, field + " must be true or false, not " + shown);
  }

  /** A list of scalars, or one comma-separated string; blanks dropped, duplicates kept once. */
  private List<String> list(String field, Node node) {
    List<String> items = new ArrayList<>();
    if (isNull(node)) {
      return items;
    }
    if (node instanceof ScalarNode scalar) {
      for (String part : scalar.getValue().split(",")) {
        addDistinct(items, part);
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        if (!(item instanceof ScalarNode scalar)) {
          throw error(
              item, Kind.INVALID_FIELD, field + " must list plain text, not " + describe(item));
        }
        addDistinct(items, scalar.getValue());
      }
    } else {
      throw error(
          node, Kind.INVALID_FIELD, field + " must be a list or comma-separated text, not a map");
    }
    return items;
  }

  private static void addDistinct(List<String> items, String raw) {
    String item = raw.strip();
    if (!item.isEmpty() && items.stream().noneMatch(item::equalsIgnoreCase)) {
      items.add(item);
    }
  }

  private List<String> aliases(String field, Node node) {
    List<String> paths = new ArrayList<>();
    List<Node> nodes = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
    for (Node item : nodes) {
      String raw = text(field, item);
      if (raw == null) {
        continue;
      }
      String path =
          Slugs.aliasPath(raw)
              .orElseThrow(
                  () ->
                      error(
                          item,
                          Kind.INVALID_FIELD,
                          field
                              + ": \""
                              + raw
                              + "\" is not a path on this site; write an old path such as"
                              + " /2019/05/old-title/"));
      if (!paths.contains(path)) {
        paths.add(path);
      }
    }
    return paths;
  }

  /** An http(s) URL, or (unless {@code absolute}) a path on this site. */
  private String url(String field, Node node, boolean absolute) {
    String value = text(field, node);
    if (value == null) {
      return null;
    }
    if (!absolute && value.startsWith("//")) {
      value = protocolRelative(value);
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = ("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null;
      if (web || (!absolute && scheme == null && !value.startsWith("//"))) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    String expected = absolute ? "an absolute http(s) URL" : "an http(s) URL or a path";
    throw error(node, Kind.INVALID_FIELD, field + ": \"" + value + "\" is not " + expected);
  }

  /** Any YAML value as plain Java: String, Boolean, Long, BigInteger, Double, List, Map, null. */
  private Object plain(Node node, int depth) {
    if (depth > MAX_DEPTH) {
      throw error(node, Kind.NESTED_TOO_DEEPLY, "front matter is nested too deeply");
    }
    if (++values > MAX_VALUES) {
      throw error(
          node,
          Kind.YAML_SYNTAX,
          "front matter expands to more than " + MAX_VALUES + " values (too many aliases?)");
    }
    if (node instanceof ScalarNode scalar) {
      String value = scalar.getValue();
      Tag tag = scalar.getTag();
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      if (tag.equals(Tag.BOOL)) {
        return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
      }
      try {
        if (tag.equals(Tag.INT)) {
          BigInteger big = new BigInteger(value.replace("+", ""));
          return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (tag.equals(Tag.FLOAT)) {
          return Double.valueOf(value);
        }
      } catch (NumberFormatException e) {
        return value; // 0x1F, 0o17, .inf: keep as written
      }
      return value;
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(plain(item, depth + 1));
      }
      return items;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      Object key = plain(tuple.getKeyNode(), depth + 1);
      map.put(String.valueOf(key), plain(tuple.getValueNode(), depth + 1));
    }
    return map;
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  static String describe(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a map";
    }
    return "\"" + ((ScalarNode) node).getValue() + "\"";
  }

  private RejectedException error(Node node, Kind kind, String message) {
    return errors.at(node, kind, message);
  }
}
