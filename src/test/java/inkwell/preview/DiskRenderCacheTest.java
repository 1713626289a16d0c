package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskRenderCacheTest {

  private static final PostPipeline PIPELINE = PostPipeline.create();
  private static final Instant MODIFIED = Instant.parse("2025-06-01T10:00:00Z");

  @TempDir Path dir;
  private final List<String> renderedKeys = new ArrayList<>();

  private DiskRenderCache cache(String version) {
    return new DiskRenderCache(
        dir,
        version,
        source -> {
          renderedKeys.add(source.key());
          return PIPELINE.parse(source);
        });
  }

  private static Source source(String key, String markdown, Instant modified) {
    return new Source(key, markdown.getBytes(StandardCharsets.UTF_8), modified);
  }

  @Test
  void aSecondCacheOverTheSameFolderReadsTheRenderingBackWithoutRendering() {
    Source hello = source("posts/hello.md", "# Hello\n\nWords.\n", MODIFIED);
    ParseResult first = cache("v1").parse(hello);

    DiskRenderCache again = cache("v1");
    ParseResult second = again.parse(hello);

    assertThat(second).isEqualTo(first);
    assertThat(renderedKeys).containsExactly("posts/hello.md");
    assertThat(again.hits()).isEqualTo(1);
    assertThat(again.rendered()).isZero();
  }

  @Test
  void aWarmUpRendersWithoutWritingAnEntryOrCountingIt() throws IOException {
    DiskRenderCache cache = cache("v1");
    cache.warmUp(source("posts/hello.md", "# Hello\n", MODIFIED));

    assertThat(renderedKeys).containsExactly("posts/hello.md");
    assertThat(cache.rendered()).isZero();
    assertThat(cache.hits()).isZero();
    try (var entries = Files.list(dir)) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void aChangeOfContentKeyTimeOrRendererVersionRendersAgain() {
    cache("v1").parse(source("posts/a.md", "# A\n", MODIFIED));
    renderedKeys.clear();

    cache("v1").parse(source("posts/a.md", "# A, edited\n", MODIFIED));
    cache("v1").parse(source("posts/b.md", "# A\n", MODIFIED));
    cache("v1").parse(source("posts/a.md", "# A\n", MODIFIED.plusSeconds(1)));
    cache("v2").parse(source("posts/a.md", "# A\n", MODIFIED));

    assertThat(renderedKeys)
        .containsExactly("posts/a.md", "posts/b.md", "posts/a.md", "posts/a.md");
  }

  @Test
  void aPreparedRenderingIsHandedOutOnceAndThenReadFromDisk() {
    DiskRenderCache cache = cache("v1");
    Source post = source("posts/p.md", "# P\n", MODIFIED);
    cache.prepare(post, inkwell.post.Hashes.sha256Hex(post.bytes()));
    ParseResult prepared = cache.parse(post);
    ParseResult fromDisk = cache.parse(post);

    assertThat(renderedKeys).containsExactly("posts/p.md");
    assertThat(fromDisk).isEqualTo(prepared);
    assertThat(cache.hits()).isEqualTo(1);
  }

  @Test
  void aDamagedEntryIsRenderedAgainAndRewritten() throws IOException {
    Source post = source("posts/p.md", "# P\n", MODIFIED);
    DiskRenderCache cache = cache("v1");
    ParseResult good = cache.parse(post);
    Path entry = dir.resolve(cache.name(post));
    Files.write(entry, new byte[] {0, 0, 0, 1, 1, 0, 0});

    ParseResult again = cache("v1").parse(post);

    assertThat(again).isEqualTo(good);
    assertThat(renderedKeys).containsExactly("posts/p.md", "posts/p.md");
    assertThat(cache("v1").parse(post)).isEqualTo(good);
    assertThat(renderedKeys).hasSize(2);
  }

  @Test
  void pruneDeletesTheEntriesNoSourceAskedForSinceTheCacheWasMade() throws IOException {
    Source kept = source("posts/kept.md", "# Kept\n", MODIFIED);
    Source dropped = source("posts/dropped.md", "# Dropped\n", MODIFIED);
    DiskRenderCache first = cache("v1");
    first.parse(kept);
    first.parse(dropped);

    DiskRenderCache second = cache("v1");
    second.parse(kept);
    second.prune();

    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly(second.name(kept));
    }
  }
}
