package inkwell.search;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.preview.InMemoryPostRepository;
import inkwell.storage.PublishResult;
import inkwell.storage.SearchQuery;
import inkwell.storage.SearchResults;
import inkwell.storage.Sequencer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A blog in memory with its search index: posts go through the real pipeline into the preview's
 * repository, and each change is reported to a {@link LocalSearchIndex} the way the publish path
 * reports it.
 */
final class LocalBlog {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final PostPipeline PIPELINE = PostPipeline.create();

  final InMemoryPostRepository posts =
      new InMemoryPostRepository(Clock.fixed(NOW, ZoneOffset.UTC), false);
  final LocalSearchIndex index = new LocalSearchIndex(posts, posts, false);
  private long sequence = 0x1000;

  /** Publishes {@code markdown} as {@code key}. */
  LocalBlog publish(String key, String markdown) {
    ParseResult result =
        PIPELINE.parse(new Source(key, markdown.getBytes(StandardCharsets.UTF_8), NOW));
    assertThat(result).as(key).isInstanceOf(ParseResult.Parsed.class);
    Sequencer sequencer = next();
    PublishResult published = posts.publish(((ParseResult.Parsed) result).post(), sequencer);
    assertThat(published).as(key).isInstanceOf(PublishResult.Published.class);
    index.changed(key, sequencer);
    return this;
  }

  /** A post with a title, tags and a body. */
  LocalBlog post(String key, String title, List<String> tags, String body) {
    return publish(
        key,
        "---\ntitle: \""
            + title
            + "\"\ndate: 2026-01-01T00:00:00Z\ntags: ["
            + String.join(", ", tags)
            + "]\n---\n"
            + body
            + "\n");
  }

  LocalBlog remove(String key) {
    Sequencer sequencer = next();
    assertThat(posts.remove(key, sequencer)).isTrue();
    index.changed(key, sequencer);
    return this;
  }

  SearchResults search(String query) {
    return search(query, 1, NOW);
  }

  SearchResults search(String query, int page, Instant at) {
    return index.search(new SearchQuery(query, page), at);
  }

  /** The slugs {@code query} finds now, best first. */
  List<String> slugs(String query) {
    return search(query).hits().stream().map(SearchResults.Hit::slug).toList();
  }

  private Sequencer next() {
    return Sequencer.of(String.format("00%016X", sequence += 0x10));
  }
}
