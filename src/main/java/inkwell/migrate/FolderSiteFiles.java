package inkwell.migrate;

import inkwell.pipeline.SiteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * A site's files on this machine: for {@code ./inkwell check} every file is known, so a reference
 * that names none is an error; the preview, where the author may be writing its target now, makes
 * it a warning.
 */
public final class FolderSiteFiles implements SiteFiles {

  private final Predicate<String> sources;
  private final List<Path> mediaRoots;
  private final boolean complete;

  /**
   * @param sources whether a source key is one of the site's Markdown files
   * @param mediaRoots the folders whose files are served at their own paths, as {@code MediaStore}
   *     reads them (the {@code media} folder, Hugo's {@code static} and content folder, Jekyll's
   *     site root)
   * @param complete whether a reference that names no file is an error ({@link #complete()})
   */
  public FolderSiteFiles(Predicate<String> sources, List<Path> mediaRoots, boolean complete) {
    this.sources = sources;
    this.complete = complete;
    this.mediaRoots = mediaRoots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
  }

  @Override
  public boolean hasSource(String key) {
    return sources.test(key);
  }

  @Override
  public boolean hasMedia(String path) {
    for (Path root : mediaRoots) {
      Path file = root.resolve(path).normalize();
      if (file.startsWith(root) && Files.isRegularFile(file)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean complete() {
    return complete;
  }
}
