package inkwell.bench;

import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The pipeline as a command, for the end-to-end comparison with {@code hugo}: reads every Markdown
 * file of a folder and renders it on all cores, then prints {@code RENDERED <posts> <ms>}. Runs in
 * a fresh JVM started by {@link RenderBench}.
 */
public final class RenderCorpus {

  private RenderCorpus() {}

  public static void main(String[] args) throws IOException {
    long started = System.nanoTime();
    Path folder = Path.of(args[0]);
    PostPipeline pipeline = PostPipeline.create();
    List<Path> files;
    try (var list = Files.list(folder)) {
      files = list.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    }
    long parsed =
        files.parallelStream()
            .map(file -> pipeline.parse(source(folder, file)))
            .filter(r -> r instanceof ParseResult.Parsed)
            .count();
    System.out.println("RENDERED " + parsed + " " + (System.nanoTime() - started) / 1_000_000);
  }

  private static Source source(Path folder, Path file) {
    try {
      return new Source(
          "posts/" + folder.relativize(file), Files.readAllBytes(file), Instant.EPOCH);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
