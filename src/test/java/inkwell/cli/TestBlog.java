package inkwell.cli;

import inkwell.testenv.Buckets;
import inkwell.testenv.Emulators;
import inkwell.testenv.NotificationPlayer;
import inkwell.testenv.Tables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A blog in the emulators for the command's tests: a bucket and table made from template.yaml, a
 * publish handler that S3's notifications reach through a {@link NotificationPlayer}, and a copy of
 * examples/posts (with examples/media beside it) to publish and edit.
 */
final class TestBlog implements AutoCloseable {

  static final String SITE = "https://blog.example/";

  /** What one run of the command printed and returned. */
  record Run(int exitCode, List<String> out, String err) {}

  final Emulators emulators;
  final String bucket;
  final String table;
  final NotificationPlayer player;
  final Path posts;

  private TestBlog(Emulators emulators, String bucket, String table, Path posts) {
    this.emulators = emulators;
    this.bucket = bucket;
    this.table = table;
    this.posts = posts;
    this.player = new NotificationPlayer(emulators, bucket, table);
  }

  static TestBlog create(Emulators emulators) {
    String bucket = Emulators.uniqueName("cli");
    String table = Emulators.uniqueName("cli");
    Buckets.createContentBucket(emulators.s3(), bucket);
    Tables.createPostsTable(emulators.dynamoDb(), table);
    try {
      Path root = Files.createTempDirectory("inkwell-cli-");
      copy(Path.of("examples/posts"), root.resolve("posts"));
      copy(Path.of("examples/media"), root.resolve("media"));
      return new TestBlog(emulators, bucket, table, root.resolve("posts"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The environment the command reads: the emulators' endpoints and this blog's names. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(emulators.awsEnvironment());
    env.put("INKWELL_BUCKET", bucket);
    env.put("INKWELL_TABLE", table);
    env.put("INKWELL_SITE_BASE_URL", SITE);
    return env;
  }

  Run run(UploadHook hook, String... args) {
    return run(env(), hook, args);
  }

  static Run run(Map<String, String> env, UploadHook hook, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new Cli(env, o, e, false, hook, Clock.systemUTC()).run(List.of(args));
    }
    return new Run(
        code,
        out.toString(StandardCharsets.UTF_8).lines().toList(),
        err.toString(StandardCharsets.UTF_8));
  }

  /** Publishes the folder with every notification delivered at once. */
  Run publish(String... options) {
    String[] args =
        Stream.concat(Stream.of("publish", posts.toString()), Stream.of(options))
            .toArray(String[]::new);
    return run(player.atOnce(), args);
  }

  void write(String name, String text) {
    try {
      Path file = posts.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(String name, byte[] bytes) {
    try {
      Files.write(posts.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void delete(String name) {
    try {
      Files.delete(posts.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Override
  public void close() {
    player.close();
  }
}
