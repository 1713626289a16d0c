package inkwell.pipeline;

import inkwell.post.Hashes;
import inkwell.post.MenuPlace;
import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import inkwell.post.Slugs;
import inkwell.post.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.commonmark.node.Node;

/**
 * Turns a Markdown source into a {@link Post}, or says precisely why it cannot.
 *
 * <pre>{@code
 * PostPipeline pipeline = PostPipeline.builder().postsPrefix("posts/").build();
 * ParseResult result = pipeline.parse(new Source("posts/hello.md", bytes, lastModified));
 * if (result instanceof ParseResult.Parsed parsed) {
 *   Post post = parsed.post();
 *   parsed.describeWarnings().forEach(log::warn); // posts/hello.md:9:5: <img src="a.png"> has no alt text: ...
 * } else if (result instanceof ParseResult.Rejected rejected) {
 *   log(rejected.describe()); // posts/hello.md:3:7: date: cannot read "Augst 5" as a date; ...
 * }
 * }</pre>
 *
 * <p>Build one and reuse it: it is immutable and thread-safe, and {@link #parse} never throws for
 * bad input.
 */
public final class PostPipeline {

  /** Default limit on the size of a source file: 1 MiB. */
  public static final long DEFAULT_MAX_SOURCE_BYTES = 1024 * 1024;

  /**
   * The version of what this pipeline stores for a post (body HTML, table of contents, summary,
   * reading time). Raise it with every change that renders existing sources differently: posts
   * stored by an older version are then rendered again by {@code ./inkwell reindex}, and never a
   * post stored by a newer one.
   *
   * <ol>
   *   <li>the first version that stored it
   *   <li>highlighted code, one {@code h1} per page (body headings shifted), valid and accessible
   *       HTML from the sanitizer (task-list labels, focusable scrolling blocks, repaired images)
   *   <li>the header menu: {@code menu} and {@code menuTitle} read from the front matter (a post
   *       stored before kept them as unknown fields, and so is in no menu until rendered again)
   *   <li>sites moved from Hugo or Jekyll: TOML and JSON front matter, shortcodes, Liquid and
   *       kramdown attribute lists rendered or dropped, page bundles at their folder
   *   <li>a {@code ref} keeps its {@code #anchor} and is also found beside the post
   * </ol>
   */
  public static final int RENDER_VERSION = 5;

  /** Default reading speed for the reading-time estimate. */
  public static final int DEFAULT_WORDS_PER_MINUTE = 220;

  private final String postsPrefix;
  private final String pagesPrefix;
  private final long maxSourceBytes;
  private final ZoneId zone;
  private final int wordsPerMinute;
  private final Markdown markdown;
  private final HtmlSanitizer sanitizer = new HtmlSanitizer();
  private final Addresses addresses;

  private PostPipeline(Builder builder) {
    this.postsPrefix = builder.postsPrefix;
    this.pagesPrefix = builder.pagesPrefix;
    this.maxSourceBytes = builder.maxSourceBytes;
    this.zone = builder.zone;
    this.wordsPerMinute = builder.wordsPerMinute;
    this.markdown = new Markdown(builder.highlightCode);
    this.addresses =
        new Addresses(builder.permalinks, builder.postsPrefix, builder.pagesPrefix, builder.zone);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A pipeline with the defaults: prefix {@code posts/}, 1 MiB limit, UTC, 220 words a minute. */
  public static PostPipeline create() {
    return builder().build();
  }

  /**
   * Why {@code bytes} cannot be read as the text of a source at all (not UTF-8, a NUL byte), with
   * its line and column; empty if they can. The size limit is not checked here. Lets a client
   * refuse such a file before uploading it.
   */
  public static Optional<PostError> textError(byte[] bytes) {
    try {
      SourceText.decode(bytes, Long.MAX_VALUE);
      return Optional.empty();
    } catch (RejectedException e) {
      return Optional.of(e.error());
    }
  }

  /**
   * The {@link Post#contentHash()} of a post parsed from {@code bytes}: a hash of the text as every
   * pipeline reads it (byte order mark dropped, line endings normalized), whatever its settings.
   * Lets a client tell whether the post stored for a key came from the bytes it uploaded.
   *
   * @throws IllegalArgumentException if {@link #textError} finds an error
   */
  public static String contentHash(byte[] bytes) {
    try {
      return Hashes.sha256Hex(SourceText.decode(bytes, Long.MAX_VALUE));
    } catch (RejectedException e) {
      throw new IllegalArgumentException(e.error().message(), e);
    }
  }

  /** The post {@code source} describes, or the reason it describes none. */
  public ParseResult parse(Source source) {
    return parse(source, SiteFiles.UNCHECKED);
  }

  /**
   * As {@link #parse(Source)}, with the references and local images looked for among {@code files}:
   * a reference that names no file is rejected when {@code files} is {@link SiteFiles#complete()},
   * else a warning; a missing image is a warning.
   */
  public ParseResult parse(Source source, SiteFiles files) {
    try {
      return build(source, files);
    } catch (RejectedException e) {
      return new ParseResult.Rejected(source.key(), e.error());
    } catch (StackOverflowError e) {
      return new ParseResult.Rejected(
          source.key(),
          PostError.of(
              Kind.NESTED_TOO_DEEPLY,
              "the Markdown nests quotes, lists or emphasis too deeply to render"));
    }
  }

  private ParseResult.Parsed build(Source source, SiteFiles files) {
    String text = SourceText.decode(source.bytes(), maxSourceBytes);
    MarkdownFile file = MarkdownFile.split(text);
    FrontMatter meta = frontMatter(file);

    String body = file.body();
    Instant date = meta.date();
    if (file.frontMatter() == null) {
      Optional<Inference.DateLine> dateLine = Inference.dateLine(body);
      if (dateLine.isPresent()) {
        body = dateLine.get().body();
        date = startOfDay(dateLine.get().date());
      }
    }
    if (date == null) {
      date =
          Inference.fileNameDate(source.key()).map(this::startOfDay).orElse(source.lastModified());
    }

    String bundle =
        source.key().startsWith(postsPrefix)
            ? BundleImages.folder(source.key().substring(postsPrefix.length()))
            : null;
    Templates.Result templates =
        Templates.process(
            body,
            file.bodyLine(),
            new Templates.Context(
                addresses.dialect(),
                meta.params(),
                meta.title(),
                path -> addresses.link(path, source.key(), files),
                bundle));
    if (!templates.broken().isEmpty() && files.complete()) {
      throw new RejectedException(templates.broken().get(0));
    }
    body = templates.body();
    Nesting.checkBlocks(body, file.bodyLine());
    Node document = markdown.parse(body);
    String title = meta.title();
    if (title == null && Slugs.isSectionIndex(source.key())) {
      title = Inference.sectionTitle(source.key());
    }
    if (title == null) {
      title = Inference.takeLeadingHeading(document, markdown).orElse(null);
    }
    if (title == null) {
      Optional<Inference.FirstLine> firstLine = Inference.firstLine(body, markdown);
      if (firstLine.isPresent()) {
        title = firstLine.get().title();
        document = markdown.parse(firstLine.get().body());
      } else if (document.getFirstChild() == null) {
        throw new RejectedException(
            PostError.of(
                Kind.EMPTY,
                "the file has no title and no text; write a title (a \"# Title\" line, or"
                    + " title: in the front matter) and the post below it"));
      } else {
        title = Inference.fileNameTitle(source.key());
      }
    }
    BundleImages.rebase(document, bundle);
    Nesting.checkTree(document, file.bodyLine());
    UnclosedTags.check(document, body, file.bodyLine());
    Headings.makeRoomForTheTitle(document);
    List<PostError> warnings = new java.util.ArrayList<>(templates.warnings());
    warnings.addAll(templates.broken());
    warnings.addAll(MissingAltText.find(document, file.bodyLine()));
    warnings.addAll(RemovedHtml.find(document, file.bodyLine(), sanitizer));

    Headings headings = Headings.of(document, markdown);
    String rendered = markdown.render(document, headings.ids());
    String html =
        RawHtmlElements.present(document)
            ? sanitizer.clean(rendered)
            : sanitizer.cleanRendered(rendered);
    int words = markdown.countWords(document);
    String summary =
        meta.summary() != null ? meta.summary() : Inference.summary(document, markdown);

    boolean page = isPage(source.key());
    Placement placement =
        Placement.of(
            source.key(),
            page ? pagesPrefix : postsPrefix,
            page,
            meta,
            title,
            date,
            addresses,
            warnings);
    if (files != SiteFiles.UNCHECKED) {
      warnings.addAll(
          MissingImages.find(document, file.bodyLine(), "/" + placement.slug() + "/", files));
    }
    List<String> categories = addresses.categories(source.key(), meta.categories());
    Post post =
        new Post(
            source.key(),
            placement.slug(),
            title,
            date,
            meta.lastmod() != null ? meta.lastmod() : date,
            tags(meta.tags(), categories),
            categories,
            summary,
            placement.draft(),
            meta.publishDate(),
            meta.expiryDate(),
            placement.aliases(),
            meta.canonical(),
            meta.image(),
            meta.author(),
            html,
            headings.toc(),
            words,
            Math.max(1, (words + wordsPerMinute - 1) / wordsPerMinute),
            Hashes.sha256Hex(text),
            placement.params(meta.params()),
            placement.page(),
            meta.menu() == null
                ? null
                : new MenuPlace(meta.menu(), meta.menuTitle() != null ? meta.menuTitle() : title));
    return new ParseResult.Parsed(post, warnings);
  }

  private FrontMatter frontMatter(MarkdownFile file) {
    if (file.frontMatter() == null) {
      return FrontMatter.NONE;
    }
    return switch (file.format()) {
      case YAML -> new FrontMatterReader(zone, 2).read(file.frontMatter());
      case TOML -> new FrontMatterReader(zone, 2).readToml(file.frontMatter());
      case JSON -> new FrontMatterReader(zone, 1).readJson(file.frontMatter());
    };
  }

  /** True if {@code key} lies under the pages prefix: a standalone page, not a post. */
  public boolean isPage(String key) {
    return !pagesPrefix.isEmpty() && key.startsWith(pagesPrefix);
  }

  /**
   * Tags in the order written, then the categories (Inkwell's one taxonomy holds both, so a moved
   * blog's {@code /categories/x/} has {@code /tags/x/} to go to), one per slug ("Ünicode" and
   * "unicode" are the same tag).
   */
  private static List<Tag> tags(List<String> names, List<String> categories) {
    Map<String, Tag> bySlug = new LinkedHashMap<>();
    for (String name :
        java.util.stream.Stream.concat(names.stream(), categories.stream()).toList()) {
      Tag tag = Tag.of(name);
      bySlug.putIfAbsent(tag.slug(), tag);
    }
    return List.copyOf(bySlug.values());
  }

  private Instant startOfDay(LocalDate date) {
    return date.atStartOfDay(zone).toInstant();
  }

  /** Settings for a {@link PostPipeline}; every one has a default. */
  public static final class Builder {
    private String postsPrefix = "posts/";
    private String pagesPrefix = "pages/";
    private long maxSourceBytes = DEFAULT_MAX_SOURCE_BYTES;
    private ZoneId zone = ZoneOffset.UTC;
    private int wordsPerMinute = DEFAULT_WORDS_PER_MINUTE;
    private boolean highlightCode = true;
    private Permalinks permalinks;

    private Builder() {}

    /**
     * The old site's permalink rules (Hugo's or Jekyll's): each post is published at the address
     * they give it, or, where Inkwell's slug rules write it differently, there with a 301 from it.
     * {@code null} (the default): slugs come from the object keys.
     */
    public Builder permalinks(Permalinks permalinks) {
      this.permalinks = permalinks;
      return this;
    }

    /**
     * Whether fenced code in a known language is coloured (on by default); off leaves it escaped
     * and plain, as for an unknown language. The benchmarks measure what highlighting costs.
     */
    public Builder highlightCode(boolean highlightCode) {
      this.highlightCode = highlightCode;
      return this;
    }

    /** The key prefix that is not part of slugs ({@code posts/}); may be empty. */
    public Builder postsPrefix(String postsPrefix) {
      this.postsPrefix = Objects.requireNonNull(postsPrefix, "postsPrefix");
      return this;
    }

    /**
     * The key prefix of standalone pages ({@code pages/}), not part of their slugs; empty for none.
     */
    public Builder pagesPrefix(String pagesPrefix) {
      this.pagesPrefix = Objects.requireNonNull(pagesPrefix, "pagesPrefix");
      return this;
    }

    /** Sources larger than this are rejected. */
    public Builder maxSourceBytes(long maxSourceBytes) {
      if (maxSourceBytes <= 0) {
        throw new IllegalArgumentException("maxSourceBytes must be positive: " + maxSourceBytes);
      }
      this.maxSourceBytes = maxSourceBytes;
      return this;
    }

    /** The zone for dates written without one; the site's time zone. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Reading speed used for {@link Post#readingMinutes()}. */
    public Builder wordsPerMinute(int wordsPerMinute) {
      if (wordsPerMinute <= 0) {
        throw new IllegalArgumentException("wordsPerMinute must be positive: " + wordsPerMinute);
      }
      this.wordsPerMinute = wordsPerMinute;
      return this;
    }

    public PostPipeline build() {
      return new PostPipeline(this);
    }
  }
}
