package inkwell.cli;

import inkwell.migrate.FolderSiteFiles;
import inkwell.migrate.SiteRoot;
import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.post.PostError;
import inkwell.post.Slugs;
import inkwell.storage.MediaStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code ./inkwell check PATH}: runs the pipeline over a Hugo or Jekyll site root (or a folder of
 * posts) on this machine, as the preview and the publish function would, and prints a migration
 * report: files found, published, kept off the web, rejected, and per kind of warning how many with
 * the first few {@code file:line:column}. Needs no AWS. Exit status 1 when a file is rejected.
 */
final class SiteCheck {

  /** How many places are shown per kind. */
  static final int SHOWN = 3;

  private final PrintStream out;

  SiteCheck(PrintStream out) {
    this.out = out;
  }

  int run(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new CliException(ExitCode.BAD_INPUT, "no folder " + folder);
    }
    SiteRoot site = LocalFolder.site(folder);
    PostPipeline pipeline =
        PostPipeline.builder().permalinks(site.settings().permalinks()).zone(zone(site)).build();
    Map<String, Path> sources = new TreeMap<>();
    int sectionTexts = add(sources, site.posts(), "posts/", Integer.MAX_VALUE, p -> true);
    for (Path more : site.morePosts()) {
      add(sources, more, site.postsPrefix(more, "posts/"), Integer.MAX_VALUE, p -> true);
    }
    if (site.pages() != null) {
      add(sources, site.pages(), "pages/", 1, SiteRoot::isJekyllPage);
      for (Path included : site.includedPages()) {
        add(
            sources,
            included,
            "pages/" + included.getFileName() + "/",
            Integer.MAX_VALUE,
            SiteRoot::isJekyllPage);
      }
    }
    int published = 0;
    int offTheWeb = 0;
    List<String> rejected = new ArrayList<>();
    Map<PostError.Kind, List<String>> warnings = new TreeMap<>();
    List<Path> mediaRoots = new ArrayList<>(site.files());
    if (site.kind() == SiteRoot.Kind.FOLDER) {
      mediaRoots.add(site.root().resolveSibling("media"));
    }
    FolderSiteFiles files = new FolderSiteFiles(sources::containsKey, mediaRoots, true);
    for (Map.Entry<String, Path> entry : sources.entrySet()) {
      ParseResult result = pipeline.parse(source(entry.getKey(), entry.getValue()), files);
      if (result instanceof ParseResult.Rejected r) {
        rejected.add(r.describe());
      } else if (result instanceof ParseResult.Parsed parsed) {
        if (parsed.post().draft()) {
          offTheWeb++;
        } else {
          published++;
        }
        for (PostError w : parsed.warnings()) {
          warnings
              .computeIfAbsent(w.kind(), k -> new ArrayList<>())
              .add(entry.getKey() + ":" + w.line() + ":" + w.column());
        }
      }
    }
    out.println(
        describe(site)
            + (site.settings().permalinks() == null
                ? ""
                : "; permalinks: " + site.settings().permalinks().spec()));
    out.println(
        "files      "
            + sources.size()
            + " Markdown files"
            + (sectionTexts > 0
                ? " (" + sectionTexts + " of them _index.md: a section's page, not a post)"
                : ""));
    out.println("published  " + published);
    out.println("drafts     " + offTheWeb + " (draft, published: false, or outputs without html)");
    out.println("rejected   " + rejected.size());
    rejected.forEach(line -> out.println("  " + line));
    warnings.forEach(
        (kind, places) ->
            out.println(
                "warnings   "
                    + kind
                    + " "
                    + places.size()
                    + ": "
                    + String.join(", ", places.subList(0, Math.min(SHOWN, places.size())))
                    + (places.size() > SHOWN ? ", ..." : "")));
    out.println("images     " + images(site) + " served at their old paths");
    return rejected.isEmpty() ? ExitCode.OK : ExitCode.NOT_PUBLISHED;
  }

  private static String describe(SiteRoot site) {
    return switch (site.kind()) {
      case HUGO ->
          "Hugo site " + site.root() + " (config " + site.root().relativize(site.config()) + ")";
      case JEKYLL -> "Jekyll site " + site.root();
      case FOLDER -> "Folder of posts " + site.root();
    };
  }

  private static ZoneId zone(SiteRoot site) {
    try {
      return site.settings().timeZone() == null
          ? ZoneOffset.UTC
          : ZoneId.of(site.settings().timeZone());
    } catch (java.time.DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  /** Adds the Markdown files below {@code folder}; returns how many are {@code _index.md}. */
  private static int add(
      Map<String, Path> sources, Path folder, String prefix, int depth, Predicate<Path> accepts) {
    int sectionTexts = 0;
    for (Path file : walk(folder, depth)) {
      String relative = folder.relativize(file).toString().replace('\\', '/');
      if (Slugs.isMarkdown(relative) && accepts.test(file)) {
        sources.put(prefix + relative, file);
        sectionTexts += Slugs.isSectionIndex(relative) ? 1 : 0;
      }
    }
    return sectionTexts;
  }

  private static long images(SiteRoot site) {
    long count = 0;
    for (Path root : site.files()) {
      count +=
          walk(root, Integer.MAX_VALUE).stream()
              .filter(p -> !p.toString().contains("/_site/"))
              .filter(p -> MediaStore.contentType(p.getFileName().toString()).isPresent())
              .count();
    }
    return count;
  }

  private static List<Path> walk(Path folder, int depth) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder, depth)) {
      return walk.filter(Files::isRegularFile).filter(p -> !hidden(folder, p)).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new CliException(ExitCode.BAD_INPUT, "cannot list " + folder + ": " + e.getMessage());
    }
  }

  private static boolean hidden(Path folder, Path file) {
    for (Path part : folder.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static Source source(String key, Path file) {
    try {
      return new Source(key, Files.readAllBytes(file), Files.getLastModifiedTime(file).toInstant());
    } catch (IOException e) {
      throw new CliException(ExitCode.BAD_INPUT, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
