package inkwell.bench;

import inkwell.cli.Cli;
import inkwell.testenv.BucketEventJson;
import inkwell.testenv.NotificationPlayer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Upload to visible through {@code ./inkwell publish}: one new post at a time is written to a
 * folder and the command is run on it ({@link Cli}, in this JVM), with S3's notification delivered
 * to the publish handler the moment the upload returns. Each sample is the command's whole run:
 * listing the bucket, uploading, the function's work, and waiting until the post is recorded live.
 * The reference is the same post uploaded and its event handled with no command around it.
 */
final class CliPublishBench {

  private CliPublishBench() {}

  static void run(
      Workspace workspace, Blog blog, List<Corpus.Post> corpus, int samples, Report report)
      throws IOException {
    // A fresh folder per run: the bucket is new, and every sample must be a new post.
    Path folder = Files.createTempDirectory(workspace.dir("cli"), "run-").resolve("posts");
    Files.createDirectories(folder);
    Map<String, String> env = new HashMap<>(blog.emulators().awsEnvironment());
    env.put("INKWELL_BUCKET", blog.bucket());
    env.put("INKWELL_TABLE", blog.table());
    env.put("INKWELL_POSTS_PREFIX", "cli/");
    Map<String, Object> properties = new HashMap<>(blog.handlerProperties());
    properties.put("inkwell.posts-prefix", "cli/");
    List<Double> command = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    try (NotificationPlayer player = new NotificationPlayer(blog.emulators(), properties);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
      Cli cli = new Cli(env, quiet, quiet, false, player.atOnce(), Clock.systemUTC());
      for (int i = 0; i < samples; i++) {
        Corpus.Post post = corpus.get(i % corpus.size());
        Files.writeString(folder.resolve("c" + i + "-" + post.fileName()), post.markdown());
        long started = System.nanoTime();
        int status = cli.run(List.of("publish", folder.toString()));
        command.add((System.nanoTime() - started) / 1e9);
        if (status != 0) {
          throw new IllegalStateException("./inkwell publish exited with " + status);
        }
        String key = "cli/b" + i + "-" + post.fileName();
        long bareStarted = System.nanoTime();
        blog.emulators()
            .s3()
            .putObject(
                r -> r.bucket(blog.bucket()).key(key),
                RequestBody.fromString(post.markdown(), StandardCharsets.UTF_8));
        player.deliver(
            BucketEventJson.put(blog.bucket(), key, NotificationPlayer.nextSequencer(), null));
        bare.add((System.nanoTime() - bareStarted) / 1e9);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    double p50 = Stats.median(command);
    report.add(
        "Publish",
        "./inkwell publish, upload to visible per post, p50 (notification at once)",
        p50,
        "s",
        "upload + handler, no command, p50",
        Stats.median(bare),
        "p50 ≤ 2 s",
        p50 <= 2.0);
    report.detail("cliPublish.samplesSeconds", command);
    report.detail("cliPublish.p90Seconds", Stats.percentile(command, 90));
    report.detail("cliPublish.bareSamplesSeconds", bare);
  }
}
