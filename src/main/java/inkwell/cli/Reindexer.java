package inkwell.cli;

import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.storage.PostReader;
import inkwell.storage.RenderStore;
import inkwell.storage.SourceCatalog;
import inkwell.storage.SourceRecord;
import inkwell.storage.SourceStore;
import inkwell.storage.StoredPost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code ./inkwell reindex}: renders every stored post again from its source with this engine
 * ({@code renderVersion}), and stores the result where the stored post was rendered by an older
 * version ({@link RenderStore}, whose conditional writes let any upload or deletion win over it).
 *
 * <p>A post is left as it is, with a line saying why, when the object in the bucket is not the
 * version that is live (its content hash differs: a later upload was rejected or is on its way),
 * when this engine rejects it, or when rendering it now would move it (another slug, tags, date or
 * draft flag: that takes a publish, which upload does). Posts already at this render version or a
 * newer one are counted, not printed, so running it again after an interruption only does what is
 * left.
 */
final class Reindexer {

  /** Counts by outcome; exit status 1 if this engine rejected a post. */
  record Result(Map<Outcome.Kind, Integer> counts) {

    int exitCode() {
      return counts.getOrDefault(Outcome.Kind.REJECTED, 0) > 0
          ? ExitCode.NOT_PUBLISHED
          : ExitCode.OK;
    }

    String summary() {
      List<String> parts = new ArrayList<>();
      counts.forEach((kind, count) -> parts.add(count + " " + kind.label()));
      return parts.isEmpty() ? "no posts" : String.join(", ", parts);
    }
  }

  private final SourceCatalog catalog;
  private final PostReader posts;
  private final SourceStore sources;
  private final RenderStore renders;
  private final PostPipeline pipeline;
  private final int renderVersion;
  private final Progress progress;

  Reindexer(
      SourceCatalog catalog,
      PostReader posts,
      SourceStore sources,
      RenderStore renders,
      PostPipeline pipeline,
      int renderVersion,
      Progress progress) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.posts = Objects.requireNonNull(posts, "posts");
    this.sources = Objects.requireNonNull(sources, "sources");
    this.renders = Objects.requireNonNull(renders, "renders");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.renderVersion = renderVersion;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  Result reindex() {
    List<SourceRecord> live =
        catalog.all().stream()
            .filter(r -> r.content() != null && r.slug() != null)
            .sorted(Comparator.comparing(SourceRecord::sourceKey))
            .toList();
    Map<Outcome.Kind, Integer> counts = new EnumMap<>(Outcome.Kind.class);
    long started = System.nanoTime();
    for (int i = 0; i < live.size(); i++) {
      progress.show(i, live.size(), "rendering", (System.nanoTime() - started) / 1e9);
      Outcome outcome = reindex(live.get(i));
      counts.merge(outcome.kind(), 1, Integer::sum);
      if (outcome.kind() != Outcome.Kind.CURRENT) {
        progress.println(outcome.line());
      }
    }
    progress.clear();
    return new Result(counts);
  }

  private Outcome reindex(SourceRecord record) {
    String key = record.sourceKey();
    OptionalInt stored = renders.renderVersion(record.slug());
    if (stored.isPresent() && stored.getAsInt() >= renderVersion) {
      return new Outcome(Outcome.Kind.CURRENT, key, "");
    }
    Optional<Post> current =
        posts.findPost(record.slug()).map(StoredPost::post).filter(p -> p.sourceKey().equals(key));
    if (current.isEmpty()) {
      return skipped(key, "no post of it is stored at /" + record.slug() + "/");
    }
    Optional<SourceStore.StoredSource> source = sources.read(key, null);
    if (source.isEmpty()) {
      return skipped(key, "its object is gone from the bucket");
    }
    if (!PostPipeline.textError(source.get().bytes()).isEmpty()
        || !PostPipeline.contentHash(source.get().bytes()).equals(current.get().contentHash())) {
      return skipped(
          key,
          "the object in the bucket is not the live version (a later upload was rejected or is"
              + " on its way); publish it");
    }
    ParseResult parsed =
        pipeline.parse(new Source(key, source.get().bytes(), source.get().lastModified()));
    if (parsed instanceof ParseResult.Rejected rejected) {
      String described = rejected.describe();
      return new Outcome(
          Outcome.Kind.REJECTED,
          key,
          described.substring(key.length()) + " (by this engine; the stored rendering stays live)");
    }
    Post post = ((ParseResult.Parsed) parsed).post();
    if (!samePlace(post, current.get())) {
      return skipped(
          key,
          "rendered now, it would move (slug, tags, date or draft flag differ); upload it again to"
              + " publish it");
    }
    return switch (renders.rerender(post, record.content(), renderVersion)) {
      case RERENDERED -> new Outcome(Outcome.Kind.RERENDERED, key, "");
      case CURRENT -> new Outcome(Outcome.Kind.CURRENT, key, "");
      case SUPERSEDED ->
          new Outcome(
              Outcome.Kind.SUPERSEDED, key, ": a newer upload or deletion was applied meanwhile");
      case TOO_LARGE -> skipped(key, "the new rendering is too large to store");
    };
  }

  private static boolean samePlace(Post rendered, Post stored) {
    return rendered.slug().equals(stored.slug())
        && rendered.draft() == stored.draft()
        && rendered.visibleFrom().equals(stored.visibleFrom())
        && rendered.aliases().equals(stored.aliases())
        && rendered.tags().stream()
            .map(Tag::slug)
            .toList()
            .equals(stored.tags().stream().map(Tag::slug).toList());
  }

  private static Outcome skipped(String key, String why) {
    return new Outcome(Outcome.Kind.SKIPPED, key, ": " + why);
  }
}
