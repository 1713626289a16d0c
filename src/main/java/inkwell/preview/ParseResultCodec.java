package inkwell.preview;

import inkwell.pipeline.ParseResult;
import inkwell.post.MenuPlace;
import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.post.Tag;
import inkwell.post.TocEntry;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ParseResult} as bytes and back, for the preview's render cache on disk: every field of
 * the post (or the rejection), so that what is read back equals what the pipeline made.
 * Front-matter params keep their Java types (null, Boolean, Long, BigInteger, Double, String, List,
 * Map). Stateless and thread-safe.
 */
final class ParseResultCodec {

  /** Changes whenever the layout below does: older files are then misses, not misreadings. */
  static final int FORMAT = 1;

  private static final int PARSED = 1;
  private static final int REJECTED = 2;

  private ParseResultCodec() {}

  static void write(ParseResult result, DataOutput out) throws IOException {
    out.writeInt(FORMAT);
    if (result instanceof ParseResult.Rejected rejected) {
      out.writeByte(REJECTED);
      string(out, rejected.sourceKey());
      error(out, rejected.error());
      return;
    }
    ParseResult.Parsed parsed = (ParseResult.Parsed) result;
    out.writeByte(PARSED);
    post(out, parsed.post());
    out.writeInt(parsed.warnings().size());
    for (PostError warning : parsed.warnings()) {
      error(out, warning);
    }
  }

  /** Reads what {@link #write} wrote; throws {@link IOException} on anything else. */
  static ParseResult read(DataInput in) throws IOException {
    if (in.readInt() != FORMAT) {
      throw new IOException("not a render cache entry of format " + FORMAT);
    }
    int kind = in.readByte();
    if (kind == REJECTED) {
      return new ParseResult.Rejected(string(in), error(in));
    }
    if (kind != PARSED) {
      throw new IOException("unknown entry kind " + kind);
    }
    Post post = post(in);
    int warnings = in.readInt();
    List<PostError> list = new ArrayList<>(warnings);
    for (int i = 0; i < warnings; i++) {
      list.add(error(in));
    }
    return new ParseResult.Parsed(post, list);
  }

  private static void post(DataOutput out, Post post) throws IOException {
    string(out, post.sourceKey());
    string(out, post.slug());
    string(out, post.title());
    instant(out, post.date());
    instant(out, post.updated());
    out.writeInt(post.tags().size());
    for (Tag tag : post.tags()) {
      string(out, tag.name());
      string(out, tag.slug());
    }
    strings(out, post.categories());
    string(out, post.summary());
    out.writeBoolean(post.draft());
    instant(out, post.publishDate());
    instant(out, post.expiryDate());
    strings(out, post.aliases());
    string(out, post.canonicalUrl());
    string(out, post.image());
    string(out, post.author());
    string(out, post.bodyHtml());
    out.writeInt(post.toc().size());
    for (TocEntry entry : post.toc()) {
      out.writeInt(entry.level());
      string(out, entry.id());
      string(out, entry.text());
    }
    out.writeInt(post.wordCount());
    out.writeInt(post.readingMinutes());
    string(out, post.contentHash());
    value(out, post.params());
    out.writeBoolean(post.page());
    out.writeBoolean(post.menu() != null);
    if (post.menu() != null) {
      out.writeInt(post.menu().position());
      string(out, post.menu().label());
    }
  }

  @SuppressWarnings("unchecked")
  private static Post post(DataInput in) throws IOException {
    String sourceKey = string(in);
    String slug = string(in);
    String title = string(in);
    Instant date = instant(in);
    Instant updated = instant(in);
    int tagCount = in.readInt();
    List<Tag> tags = new ArrayList<>(tagCount);
    for (int i = 0; i < tagCount; i++) {
      tags.add(new Tag(string(in), string(in)));
    }
    List<String> categories = strings(in);
    String summary = string(in);
    boolean draft = in.readBoolean();
    Instant publishDate = instant(in);
    Instant expiryDate = instant(in);
    List<String> aliases = strings(in);
    String canonicalUrl = string(in);
    String image = string(in);
    String author = string(in);
    String bodyHtml = string(in);
    int tocCount = in.readInt();
    List<TocEntry> toc = new ArrayList<>(tocCount);
    for (int i = 0; i < tocCount; i++) {
      toc.add(new TocEntry(in.readInt(), string(in), string(in)));
    }
    int wordCount = in.readInt();
    int readingMinutes = in.readInt();
    String contentHash = string(in);
    Map<String, Object> params = (Map<String, Object>) value(in);
    boolean page = in.readBoolean();
    MenuPlace menu = in.readBoolean() ? new MenuPlace(in.readInt(), string(in)) : null;
    return new Post(
        sourceKey,
        slug,
        title,
        date,
        updated,
        tags,
        categories,
        summary,
        draft,
        publishDate,
        expiryDate,
        aliases,
        canonicalUrl,
        image,
        author,
        bodyHtml,
        toc,
        wordCount,
        readingMinutes,
        contentHash,
        params,
        page,
        menu);
  }

  private static void error(DataOutput out, PostError error) throws IOException {
    string(out, error.kind().name());
    string(out, error.message());
    out.writeInt(error.line());
    out.writeInt(error.column());
  }

  private static PostError error(DataInput in) throws IOException {
    try {
      return new PostError(
          PostError.Kind.valueOf(string(in)), string(in), in.readInt(), in.readInt());
    } catch (IllegalArgumentException e) {
      throw new IOException("unknown error kind", e);
    }
  }

  // ------------------------------------------------------------------ plain values

  private static final int NULL = 0;
  private static final int STRING = 1;
  private static final int BOOLEAN = 2;
  private static final int LONG = 3;
  private static final int BIG = 4;
  private static final int DOUBLE = 5;
  private static final int LIST = 6;
  private static final int MAP = 7;

  private static void value(DataOutput out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof String s) {
      out.writeByte(STRING);
      string(out, s);
    } else if (value instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else if (value instanceof Long n) {
      out.writeByte(LONG);
      out.writeLong(n);
    } else if (value instanceof BigInteger n) {
      out.writeByte(BIG);
      string(out, n.toString());
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (value instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object item : list) {
        value(out, item);
      }
    } else if (value instanceof Map<?, ?> map) {
      out.writeByte(MAP);
      out.writeInt(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        string(out, String.valueOf(entry.getKey()));
        value(out, entry.getValue());
      }
    } else {
      throw new IOException("cannot cache a front-matter value of " + value.getClass());
    }
  }

  private static Object value(DataInput in) throws IOException {
    int type = in.readByte();
    switch (type) {
      case NULL:
        return null;
      case STRING:
        return string(in);
      case BOOLEAN:
        return in.readBoolean();
      case LONG:
        return in.readLong();
      case BIG:
        return new BigInteger(string(in));
      case DOUBLE:
        return in.readDouble();
      case LIST:
        int size = in.readInt();
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          list.add(value(in));
        }
        return list;
      case MAP:
        int entries = in.readInt();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
          map.put(string(in), value(in));
        }
        return map;
      default:
        throw new IOException("unknown value type " + type);
    }
  }

  private static void strings(DataOutput out, List<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) {
      string(out, s);
    }
  }

  private static List<String> strings(DataInput in) throws IOException {
    int size = in.readInt();
    List<String> strings = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      strings.add(string(in));
    }
    return strings;
  }

  private static void instant(DataOutput out, Instant instant) throws IOException {
    out.writeBoolean(instant != null);
    if (instant != null) {
      out.writeLong(instant.getEpochSecond());
      out.writeInt(instant.getNano());
    }
  }

  private static Instant instant(DataInput in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  /** A string that may be null and longer than {@code writeUTF}'s 64 KB: length, then UTF-8. */
  private static void string(DataOutput out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String string(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
