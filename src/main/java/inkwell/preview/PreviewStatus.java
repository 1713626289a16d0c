package inkwell.preview;

import inkwell.post.PostError;
import inkwell.post.Slugs;
import inkwell.site.PreviewNotes;
import inkwell.storage.Sequencer;
import inkwell.storage.StatusStore;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Why files did not go live, kept in memory for the preview's pages and printed to the console as
 * {@code posts/hello.md:3:7: message}, the way a compiler reports errors.
 */
public final class PreviewStatus implements StatusStore, PreviewNotes {

  private final Map<String, PostError> errors = new ConcurrentSkipListMap<>();
  private final Map<String, List<PostError>> warnings = new ConcurrentSkipListMap<>();
  private final List<String> prefixes;
  private final PrintStream console;
  private final boolean showUnpublished;

  /**
   * @param prefixes the key prefixes that are part of no slug: the posts' and the pages'
   */
  public PreviewStatus(List<String> prefixes, PrintStream console, boolean showUnpublished) {
    this.prefixes = List.copyOf(prefixes);
    this.console = console;
    this.showUnpublished = showUnpublished;
  }

  @Override
  public boolean showUnpublished() {
    return showUnpublished;
  }

  @Override
  public List<String> problems() {
    return all();
  }

  @Override
  public Optional<String> problemFor(String slug) {
    return forSlug(slug);
  }

  @Override
  public void reportFailure(
      String sourceKey, Sequencer sequencer, String versionId, PostError error, Instant at) {
    PostError before = errors.put(sourceKey, error);
    if (!error.equals(before)) {
      console.println("  error  " + error.describe(sourceKey));
    }
  }

  @Override
  public void clear(String sourceKey) {
    boolean hadWarnings = warnings.remove(sourceKey) != null;
    if (errors.remove(sourceKey) != null || hadWarnings) {
      console.println("  fixed  " + sourceKey);
    }
  }

  /** Prints each warning that is new for the key, as {@code warning key:line:column: message}. */
  @Override
  public void reportWarnings(
      String sourceKey,
      Sequencer sequencer,
      String versionId,
      List<PostError> warnings,
      Instant at) {
    errors.remove(sourceKey);
    List<PostError> before = this.warnings.put(sourceKey, List.copyOf(warnings));
    for (PostError warning : warnings) {
      if (before == null || !before.contains(warning)) {
        console.println("  warning  " + warning.describe(sourceKey));
      }
    }
  }

  /** Every current warning, as {@code key:line:column: message}, by key. */
  public List<String> warnings() {
    return warnings.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(w -> w.describe(e.getKey())))
        .toList();
  }

  /** Every current error, as {@code key:line:column: message}, by key. */
  public List<String> all() {
    return errors.entrySet().stream().map(e -> e.getValue().describe(e.getKey())).toList();
  }

  private String slugOf(String key) {
    String prefix =
        prefixes.stream().filter(p -> !p.isEmpty() && key.startsWith(p)).findFirst().orElse("");
    return Slugs.fromKey(key, prefix);
  }

  /** The error of the file whose slug (by its key) is {@code slug}, if it has one. */
  public Optional<String> forSlug(String slug) {
    return errors.entrySet().stream()
        .filter(e -> slugOf(e.getKey()).equals(slug))
        .map(e -> e.getValue().describe(e.getKey()))
        .findFirst();
  }
}
