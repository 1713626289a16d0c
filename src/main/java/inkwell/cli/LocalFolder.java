package inkwell.cli;

import inkwell.migrate.SiteRoot;
import inkwell.pipeline.PostPipeline;
import inkwell.post.PostError;
import inkwell.post.Slugs;
import inkwell.storage.MediaStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code ./inkwell publish FOLDER} uploads: every Markdown file ({@code .md}, {@code
 * .markdown}, any case) below FOLDER under the posts prefix (its path below FOLDER kept, as {@code
 * aws s3 sync FOLDER s3://BUCKET/posts/} would), every Markdown file below the {@code pages} folder
 * beside FOLDER under the pages prefix, and every image below the {@code media} folder beside
 * FOLDER under the media prefix. Hidden files and folders (a name starting with a dot) are left
 * out; other files are listed as skipped. A post that is not UTF-8 text stops everything before
 * anything is uploaded.
 */
final class LocalFolder {

  /**
   * The files found, those left out with the reason, and whether there is a pages and a media
   * folder (without one, what the bucket holds under that prefix is left alone).
   */
  record Contents(
      List<LocalFile> files, List<String> skipped, boolean hasPages, boolean hasMedia) {}

  private LocalFolder() {}

  static Contents read(Path folder, String postsPrefix, String pagesPrefix, String mediaPrefix) {
    if (!Files.isDirectory(folder)) {
      throw new CliException(
          ExitCode.BAD_INPUT,
          Files.exists(folder) ? folder + " is not a folder" : "no folder " + folder);
    }
    SiteRoot site = site(folder);
    if (site.kind() != SiteRoot.Kind.FOLDER) {
      return readSite(site, postsPrefix, pagesPrefix, mediaPrefix);
    }
    List<LocalFile> files = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    readMarkdown(folder, postsPrefix, files, skipped);
    Path pages = folder.toAbsolutePath().normalize().resolveSibling("pages");
    boolean hasPages = Files.isDirectory(pages);
    if (hasPages) {
      readMarkdown(pages, pagesPrefix, files, skipped);
    }
    Path media = folder.toAbsolutePath().normalize().resolveSibling("media");
    boolean hasMedia = Files.isDirectory(media);
    if (hasMedia) {
      for (Path path : walk(media)) {
        String key = mediaPrefix + relative(media, path);
        Optional<String> type = MediaStore.contentType(key);
        if (type.isEmpty()) {
          skipped.add(key + ": not an image type the site serves");
          continue;
        }
        byte[] bytes = bytes(path);
        files.add(new LocalFile(key, path, bytes, md5(bytes), null, type.get()));
      }
    }
    return new Contents(files, skipped, hasPages, hasMedia);
  }

  /**
   * A Hugo or Jekyll site root: its posts ({@code content}, {@code _posts}) under the posts prefix,
   * a Jekyll site's pages under the pages prefix, and the images the old site served at their own
   * paths (Hugo's {@code static} and page bundles, Jekyll's assets) under the media prefix with
   * their paths kept, where the site function finds them ({@code /img/x.png} is {@code
   * media/img/x.png}).
   */
  private static Contents readSite(
      SiteRoot site, String postsPrefix, String pagesPrefix, String mediaPrefix) {
    List<LocalFile> files = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    // Images beside the posts (page bundles) are uploaded as media below, not listed as skipped.
    List<Path> posts =
        walk(site.posts()).stream()
            .filter(p -> MediaStore.contentType(p.getFileName().toString()).isEmpty())
            .toList();
    readMarkdown(site.posts(), postsPrefix, files, skipped, posts);
    for (Path more : site.morePosts()) {
      readMarkdown(more, site.postsPrefix(more, postsPrefix), files, skipped);
    }
    if (site.pages() != null) {
      List<Path> pages =
          walk(site.pages()).stream()
              .filter(p -> p.getParent().equals(site.pages()) && SiteRoot.isJekyllPage(p))
              .toList();
      readMarkdown(site.pages(), pagesPrefix, files, skipped, pages);
      for (Path included : site.includedPages()) {
        List<Path> more = walk(included).stream().filter(SiteRoot::isJekyllPage).toList();
        readMarkdown(included, pagesPrefix + included.getFileName() + "/", files, skipped, more);
      }
    }
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (Path root : site.files()) {
      for (Path path : walk(root)) {
        String relative = relative(root, path);
        Optional<String> type = MediaStore.contentType(relative);
        if (type.isPresent()
            && !relative.startsWith("_site/")
            && keys.add(mediaPrefix + relative)) {
          byte[] bytes = bytes(path);
          files.add(
              new LocalFile(mediaPrefix + relative, path, bytes, md5(bytes), null, type.get()));
        }
      }
    }
    return new Contents(files, skipped, site.pages() != null, true);
  }

  /** What {@code folder} is (a Hugo or Jekyll site root, or a folder of posts); 3 if unreadable. */
  static SiteRoot site(Path folder) {
    try {
      return SiteRoot.detect(folder);
    } catch (IOException e) {
      throw new CliException(
          ExitCode.BAD_INPUT, "cannot read the site's config: " + e.getMessage());
    }
  }

  private static void readMarkdown(
      Path folder, String prefix, List<LocalFile> files, List<String> skipped) {
    readMarkdown(folder, prefix, files, skipped, walk(folder));
  }

  private static void readMarkdown(
      Path folder, String prefix, List<LocalFile> files, List<String> skipped, List<Path> paths) {
    for (Path path : paths) {
      String key = prefix + relative(folder, path);
      if (!Slugs.isMarkdown(key)) {
        skipped.add(key + ": not a Markdown file (.md or .markdown)");
        continue;
      }
      byte[] bytes = bytes(path);
      Optional<PostError> error = PostPipeline.textError(bytes);
      if (error.isPresent()) {
        throw new CliException(
            ExitCode.BAD_INPUT, error.get().describe(path.toString()) + "; nothing was uploaded");
      }
      files.add(
          new LocalFile(
              key,
              path,
              bytes,
              md5(bytes),
              PostPipeline.contentHash(bytes),
              "text/markdown; charset=utf-8"));
    }
  }

  private static List<Path> walk(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).filter(p -> !hidden(root, p)).sorted().toList();
    } catch (IOException e) {
      throw new CliException(ExitCode.BAD_INPUT, "cannot read " + root + ": " + e.getMessage(), e);
    }
  }

  private static boolean hidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(File.separatorChar, '/');
  }

  private static byte[] bytes(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new CliException(ExitCode.BAD_INPUT, "cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required by every Java platform", e);
    }
  }
}
