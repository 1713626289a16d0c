package inkwell.migrate;

import inkwell.pipeline.HugoLanguages;
import inkwell.pipeline.Permalinks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a blog's files are: a plain folder of posts, or a Hugo or Jekyll site root with its config.
 *
 * <pre>{@code
 * SiteRoot site = SiteRoot.detect(Path.of("my-hugo-site"));
 * site.posts();      // my-hugo-site/content
 * site.files();      // [my-hugo-site/static, my-hugo-site/content]: served at their own paths
 * site.settings();   // title, base URL, permalinks from hugo.toml
 * }</pre>
 *
 * @param kind what the folder is
 * @param root the folder given
 * @param posts the folder whose Markdown files are the posts ({@code content}, {@code _posts}, or
 *     the folder itself)
 * @param morePosts a Jekyll site's other folders of posts: {@code _drafts}, and the {@code _posts}
 *     and {@code _drafts} folders below the root ({@code blog/_posts}, whose posts have the
 *     category {@code blog}); their files are posts keyed by their path from the root ({@link
 *     #postsPrefix})
 * @param pages the folder whose Markdown files with front matter (not {@code index.md}) are
 *     standalone pages, looked for there only, not below: a Jekyll site's root; {@code null} for
 *     none
 * @param includedPages folders whose name starts with {@code _} that the Jekyll config's {@code
 *     include} names ({@code _pages}): every Markdown file with front matter in them is a page
 * @param files folders whose files the old site served at their own paths (Hugo's {@code static}
 *     and the content folder, for page bundles' images; Jekyll's site root), first match wins
 * @param settings what the config says; {@link #NO_SETTINGS} for a plain folder
 * @param config the config file read, or {@code null}
 */
public record SiteRoot(
    Kind kind,
    Path root,
    Path posts,
    List<Path> morePosts,
    Path pages,
    List<Path> includedPages,
    List<Path> files,
    SiteSettings settings,
    Path config) {

  /** What kind of folder. */
  public enum Kind {
    FOLDER,
    HUGO,
    JEKYLL
  }

  private static final java.util.regex.Pattern HOME_PERMALINK =
      java.util.regex.Pattern.compile("permalink:\\s*([\"']?)/\\1\\s*");

  public static final SiteSettings NO_SETTINGS =
      new SiteSettings(null, null, null, null, null, null, null);

  /** Hugo's config file names, in the order Hugo looks for them. */
  static final List<String> HUGO_CONFIGS =
      List.of(
          "hugo.toml",
          "hugo.yaml",
          "hugo.yml",
          "hugo.json",
          "config.toml",
          "config.yaml",
          "config.yml",
          "config.json");

  /**
   * What {@code folder} is: a Hugo site (a Hugo config file, or {@code config/_default/}, beside a
   * {@code content} folder), a Jekyll site ({@code _config.yml} or a {@code _posts} folder), or a
   * plain folder of posts.
   *
   * @throws IOException when the site's config file cannot be read; the message names the file and,
   *     for a syntax error, the line and column
   */
  public static SiteRoot detect(Path folder) throws IOException {
    Path root = folder.toAbsolutePath().normalize();
    Path hugoConfig = hugoConfig(root);
    if (hugoConfig != null) {
      return hugo(root, hugoConfig);
    }
    if (Files.isRegularFile(root.resolve("_config.yml"))
        || Files.isRegularFile(root.resolve("_config.yaml"))
        || Files.isDirectory(root.resolve("_posts"))) {
      return jekyll(root);
    }
    return new SiteRoot(
        Kind.FOLDER, root, root, List.of(), null, List.of(), List.of(), NO_SETTINGS, null);
  }

  /**
   * True for a Jekyll page in its site's root: a Markdown file that starts with front matter
   * ({@code ---}), other than the home page ({@code index.md}, or {@code permalink: /}), which
   * Inkwell makes itself. Jekyll copies a file without front matter as it is, so it is no page.
   */
  public static boolean isJekyllPage(Path file) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)
        || name.toLowerCase(java.util.Locale.ROOT).startsWith("index.")) {
      return false;
    }
    try (var reader = Files.newBufferedReader(file)) {
      String first = reader.readLine();
      if (first == null || !first.replace("\uFEFF", "").strip().equals("---")) {
        return false;
      }
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.strip().equals("---")) {
          return true;
        }
        if (HOME_PERMALINK.matcher(line).matches()) {
          return false; // the home page, which Inkwell makes itself
        }
      }
      return true;
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  /**
   * The key prefix of the posts in {@code folder}, one of {@link #morePosts}: {@code posts/} and
   * its path from the root ({@code posts/blog/_posts/}).
   */
  public String postsPrefix(Path folder, String postsPrefix) {
    return postsPrefix + root.relativize(folder).toString().replace('\\', '/') + "/";
  }

  /** Folders Jekyll does not read, or that hold no site of its own. */
  private static final java.util.Set<String> NOT_SITE =
      java.util.Set.of("_site", "node_modules", "vendor", ".git", ".bundle");

  private static List<Path> morePosts(Path root) throws IOException {
    List<Path> found = new ArrayList<>();
    try (var walk =
        Files.walk(root, 4)
            .filter(Files::isDirectory)
            .filter(d -> !d.equals(root.resolve("_posts")))
            .filter(d -> d.getFileName().toString().matches("_posts|_drafts"))) {
      walk.filter(
              d ->
                  root.relativize(d).getNameCount() == 1
                      || java.util.stream.StreamSupport.stream(
                              root.relativize(d.getParent()).spliterator(), false)
                          .noneMatch(
                              part ->
                                  NOT_SITE.contains(part.toString())
                                      || part.toString().startsWith(".")
                                      || part.toString().startsWith("_")))
          .sorted()
          .forEach(found::add);
    }
    return List.copyOf(found);
  }

  private static List<Path> includedPages(Path root, Object include) {
    List<Path> folders = new ArrayList<>();
    if (include instanceof List<?> names) {
      for (Object name : names) {
        String folder = String.valueOf(name).replaceAll("/+$", "");
        if (folder.startsWith("_")
            && !folder.equals("_posts")
            && !folder.contains("/")
            && Files.isDirectory(root.resolve(folder))) {
          folders.add(root.resolve(folder));
        }
      }
    }
    return List.copyOf(folders);
  }

  private static Path hugoConfig(Path root) {
    if (!Files.isDirectory(root.resolve("content"))
        && !Files.isDirectory(root.resolve("config/_default"))) {
      return null;
    }
    for (String name : HUGO_CONFIGS) {
      if (Files.isRegularFile(root.resolve(name))) {
        return root.resolve(name);
      }
    }
    for (String name : HUGO_CONFIGS) {
      Path file = root.resolve("config/_default").resolve(name);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    return Files.isDirectory(root.resolve("config/_default"))
        ? root.resolve("config/_default")
        : null;
  }

  private static SiteRoot hugo(Path root, Path configPath) throws IOException {
    Map<String, Object> config = new LinkedHashMap<>();
    if (Files.isRegularFile(configPath)) {
      config.putAll(ConfigFiles.read(configPath));
    }
    Path defaults = root.resolve("config/_default");
    for (String part : List.of("params", "permalinks", "languages", "menus")) {
      for (String ext : List.of(".toml", ".yaml", ".yml", ".json")) {
        Path file = defaults.resolve(part + ext);
        if (Files.isRegularFile(file)) {
          config.put(part, ConfigFiles.read(file));
        }
      }
    }
    Object contentDir = ConfigFiles.get(config, "contentDir");
    Object staticDir = ConfigFiles.get(config, "staticDir");
    Path content = root.resolve(contentDir == null ? "content" : contentDir.toString());
    Path statics = root.resolve(staticDir == null ? "static" : staticDir.toString());
    Map<String, Object> params = ConfigFiles.table(ConfigFiles.get(config, "params"));
    String author = ConfigFiles.text(ConfigFiles.get(config, "author"));
    if (author == null) {
      author = ConfigFiles.text(ConfigFiles.get(params, "author"));
    }
    Object ugly = ConfigFiles.get(config, "uglyURLs");
    SiteSettings settings =
        new SiteSettings(
            ConfigFiles.text(ConfigFiles.get(config, "title")),
            ConfigFiles.text(ConfigFiles.get(config, "baseURL")),
            ConfigFiles.text(ConfigFiles.get(config, "languageCode")),
            ConfigFiles.text(ConfigFiles.get(params, "description")),
            author,
            ConfigFiles.text(ConfigFiles.get(config, "timeZone")),
            Permalinks.hugo(
                hugoPermalinks(ConfigFiles.table(ConfigFiles.get(config, "permalinks"))),
                Boolean.TRUE.equals(ugly),
                sections(content),
                languages(config, root, content)));
    List<Path> files = new ArrayList<>();
    files.add(statics);
    files.add(content);
    return new SiteRoot(
        Kind.HUGO, root, content, List.of(), null, List.of(), files, settings, configPath);
  }

  /**
   * A Hugo site's sections that hold posts: the content folder's folders with a Markdown file below
   * them, other than page bundles, as Inkwell writes paths ({@code posts}).
   */
  private static List<String> sections(Path content) throws IOException {
    List<String> sections = new ArrayList<>();
    if (!Files.isDirectory(content)) {
      return sections;
    }
    try (var folders = Files.list(content)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        if (Files.isRegularFile(folder.resolve("index.md"))
            || Files.isRegularFile(folder.resolve("index.markdown"))) {
          continue; // a page bundle (content/about/index.md): a page, not a section
        }
        String slug = inkwell.post.Slugs.path(folder.getFileName().toString());
        try (var files = Files.walk(folder)) {
          boolean posts =
              files.anyMatch(
                  f ->
                      inkwell.post.Slugs.isMarkdown(f.getFileName().toString())
                          && !inkwell.post.Slugs.isSectionIndex(f.getFileName().toString()));
          if (posts && !slug.isEmpty() && !inkwell.post.Slugs.isReserved(slug)) {
            sections.add(slug);
          }
        }
      }
    }
    return sections;
  }

  /**
   * A Hugo site's {@code languages}, the default ({@code defaultContentLanguage}, else {@code en})
   * first, with the content folders of their own that lie in the content folder ({@code contentDir
   * = "content/fr"}); {@link HugoLanguages#NONE} for a site with one.
   */
  private static HugoLanguages languages(Map<String, Object> config, Path root, Path content) {
    Map<String, Object> languages = ConfigFiles.table(ConfigFiles.get(config, "languages"));
    if (languages.size() < 2) {
      return HugoLanguages.NONE;
    }
    String first = ConfigFiles.text(ConfigFiles.get(config, "defaultContentLanguage"));
    List<String> codes = new ArrayList<>();
    codes.add(first == null ? "en" : first.toLowerCase(java.util.Locale.ROOT));
    Map<String, String> folders = new LinkedHashMap<>();
    languages.forEach(
        (code, settings) -> {
          String lang = code.toLowerCase(java.util.Locale.ROOT);
          if (!codes.contains(lang)) {
            codes.add(lang);
          }
          Object dir = ConfigFiles.get(ConfigFiles.table(settings), "contentDir");
          if (dir != null) {
            Path folder = root.resolve(dir.toString()).normalize();
            if (folder.getParent() != null && folder.getParent().equals(content)) {
              folders.put(folder.getFileName().toString(), lang);
            }
          }
        });
    return new HugoLanguages(
        codes,
        folders,
        Boolean.TRUE.equals(ConfigFiles.get(config, "defaultContentLanguageInSubdir")));
  }

  /** Hugo's {@code permalinks}: {@code section = pattern}, or (Hugo 0.120+) under {@code page}. */
  private static Map<String, String> hugoPermalinks(Map<String, Object> permalinks) {
    Map<String, String> bySection = new LinkedHashMap<>();
    permalinks.forEach(
        (section, pattern) -> {
          if (pattern instanceof Map<?, ?> kind) {
            if (section.equals("page")) {
              kind.forEach((s, p) -> bySection.put(s.toString(), p.toString()));
            }
          } else if (pattern != null) {
            bySection.putIfAbsent(section, pattern.toString());
          }
        });
    return bySection;
  }

  private static SiteRoot jekyll(Path root) throws IOException {
    Path configPath =
        Files.isRegularFile(root.resolve("_config.yml"))
            ? root.resolve("_config.yml")
            : Files.isRegularFile(root.resolve("_config.yaml"))
                ? root.resolve("_config.yaml")
                : null;
    Map<String, Object> config = configPath == null ? Map.of() : ConfigFiles.read(configPath);
    String url = ConfigFiles.text(ConfigFiles.get(config, "url"));
    String baseurl = ConfigFiles.text(ConfigFiles.get(config, "baseurl"));
    String base = url == null ? null : url + (baseurl == null ? "" : baseurl);
    String language = ConfigFiles.text(ConfigFiles.get(config, "lang"));
    if (language == null) {
      language = ConfigFiles.text(ConfigFiles.get(config, "locale"));
    }
    Object permalink = ConfigFiles.get(config, "permalink");
    SiteSettings settings =
        new SiteSettings(
            ConfigFiles.text(ConfigFiles.get(config, "title")),
            base,
            language,
            ConfigFiles.text(ConfigFiles.get(config, "description")),
            ConfigFiles.text(ConfigFiles.get(config, "author")),
            ConfigFiles.text(ConfigFiles.get(config, "timezone")),
            Permalinks.jekyll(permalink == null ? null : permalink.toString()));
    return new SiteRoot(
        Kind.JEKYLL,
        root,
        root.resolve("_posts"),
        morePosts(root),
        root,
        includedPages(root, ConfigFiles.get(config, "include")),
        List.of(root),
        settings,
        configPath);
  }
}
