package inkwell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./inkwell} says and returns when the command line, the folder or the blog is wrong:
 * one line on standard error, the documented exit status, never a stack trace.
 */
class CommandLineTest extends BlogTest {

  private static void assertOneLine(TestBlog.Run run, int exitCode, String message) {
    assertThat(run.exitCode()).isEqualTo(exitCode);
    assertThat(run.err()).isEqualTo("inkwell: " + message + System.lineSeparator());
  }

  @Nested
  class Usage {

    @Test
    void helpListsEveryCommandAndOption() {
      TestBlog.Run run = blog.run(UploadHook.NONE, "--help");
      assertThat(run.exitCode()).isZero();
      assertThat(String.join("\n", run.out()))
          .contains(
              "publish FOLDER",
              "status",
              "reindex",
              "--delete",
              "--timeout S",
              "--stack NAME",
              "--help");
    }

    @Test
    void anUnknownOptionExitsWithStatusTwo() {
      assertOneLine(
          blog.run(UploadHook.NONE, "status", "--verbose"),
          ExitCode.USAGE,
          "unknown option --verbose (./inkwell --help lists the options)");
    }

    @Test
    void publishWithoutAFolderExitsWithStatusTwo() {
      assertOneLine(
          blog.run(UploadHook.NONE, "publish"),
          ExitCode.USAGE,
          "publish needs a FOLDER (./inkwell --help lists the options)");
    }

    @Test
    void aTimeoutThatIsNotANumberExitsWithStatusTwo() {
      assertOneLine(
          blog.run(UploadHook.NONE, "publish", "x", "--timeout", "soon"),
          ExitCode.USAGE,
          "--timeout must be a number of seconds, got \"soon\" (./inkwell --help lists the options)");
    }
  }

  @Nested
  class BadInput {

    @Test
    void aFolderThatDoesNotExistExitsWithStatusThree() {
      Path missing = blog.posts.resolveSibling("nope");
      assertOneLine(
          blog.run(UploadHook.NONE, "publish", missing.toString()),
          ExitCode.BAD_INPUT,
          "no folder " + missing);
    }

    @Test
    void aFileThatIsNotUtf8StopsThePublishBeforeAnythingIsUploaded() {
      blog.write("latin1.md", new byte[] {'#', ' ', 'C', 'a', 'f', (byte) 0xE9, '\n'});
      TestBlog.Run run = blog.publish();
      assertOneLine(
          run,
          ExitCode.BAD_INPUT,
          blog.posts.resolve("latin1.md")
              + ":1:6: the file is not valid UTF-8 (bad byte 0xE9 at byte offset 5); save it as"
              + " UTF-8; nothing was uploaded");
      assertThat(blog.emulators.s3().listObjectsV2(r -> r.bucket(blog.bucket)).contents())
          .isEmpty();
    }
  }

  @Nested
  class TheBlogCannotBeReached {

    @Test
    void withoutABucketOrStackTheCommandSaysWhatToSetAndExitsWithStatusFour() {
      Map<String, String> env = new HashMap<>(blog.env());
      env.remove("INKWELL_BUCKET");
      env.remove("INKWELL_TABLE");
      assertOneLine(
          TestBlog.run(env, UploadHook.NONE, "status"),
          ExitCode.NO_ACCESS,
          "which blog? Give --stack NAME, or set INKWELL_BUCKET and INKWELL_TABLE");
    }

    @Test
    void aBucketThatDoesNotExistExitsWithStatusFour() {
      Map<String, String> env = new HashMap<>(blog.env());
      env.put("INKWELL_BUCKET", "no-such-bucket-" + blog.bucket);
      assertOneLine(
          TestBlog.run(env, UploadHook.NONE, "publish", blog.posts.toString()),
          ExitCode.NO_ACCESS,
          "no bucket named no-such-bucket-" + blog.bucket);
    }

    @Test
    void aTableThatDoesNotExistExitsWithStatusFour() {
      Map<String, String> env = new HashMap<>(blog.env());
      env.put("INKWELL_TABLE", "no-such-table");
      assertOneLine(
          TestBlog.run(env, UploadHook.NONE, "status"),
          ExitCode.NO_ACCESS,
          "no table named no-such-table");
    }

    @Test
    void anEndpointThatDoesNotAnswerExitsWithStatusFour() {
      Map<String, String> env = new HashMap<>(blog.env());
      env.put(
          "AWS_ENDPOINT_URL_DYNAMODB", inkwell.testenv.AwsClients.closedPortEndpoint().toString());
      // One attempt: what the SDK's retries cost (about 20 s here) is not what this test is about.
      TestBlog.Run run =
          withSystemProperties(
              Map.of("aws.maxAttempts", "1"), () -> TestBlog.run(env, UploadHook.NONE, "status"));
      assertThat(run.exitCode()).isEqualTo(ExitCode.NO_ACCESS);
      assertThat(run.err()).startsWith("inkwell: cannot reach AWS: ").hasLineCount(1);
    }

    @Test
    void noCredentialsExitWithStatusFour() {
      Map<String, String> env = new HashMap<>(blog.env());
      env.remove("AWS_ACCESS_KEY_ID");
      env.remove("AWS_SECRET_ACCESS_KEY");
      // The machine's own credential sources, switched off: profile files, instance metadata.
      Map<String, String> off =
          Map.of(
              "aws.sharedCredentialsFile", "/nonexistent/credentials",
              "aws.configFile", "/nonexistent/config",
              "aws.disableEc2Metadata", "true");
      assertOneLine(
          withSystemProperties(off, () -> TestBlog.run(env, UploadHook.NONE, "status")),
          ExitCode.NO_ACCESS,
          "no AWS credentials found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY, or run aws configure)");
    }

    /** {@code run} with the SDK's system {@code properties} set, then restored. */
    private static TestBlog.Run withSystemProperties(
        Map<String, String> properties, java.util.function.Supplier<TestBlog.Run> run) {
      Map<String, String> saved = new HashMap<>();
      properties.forEach((k, v) -> saved.put(k, System.setProperty(k, v)));
      try {
        return run.get();
      } finally {
        saved.forEach(
            (k, v) -> {
              if (v == null) {
                System.clearProperty(k);
              } else {
                System.setProperty(k, v);
              }
            });
      }
    }
  }

  @Nested
  class TheStack {

    private CloudFormationStub cloudFormation;

    @BeforeEach
    void deployStack() {
      cloudFormation =
          new CloudFormationStub(
              "blog",
              Map.of(
                  "ContentBucketName", blog.bucket,
                  "PostsTableName", blog.table,
                  "SiteUrl", "https://stack.example/"),
              Map.of("PostsPrefix", "posts/"));
    }

    @AfterEach
    void deleteStack() {
      cloudFormation.close();
    }

    private Map<String, String> env() {
      Map<String, String> env = new HashMap<>(blog.env());
      env.remove("INKWELL_BUCKET");
      env.remove("INKWELL_TABLE");
      env.remove("INKWELL_SITE_BASE_URL");
      env.put("AWS_ENDPOINT_URL_CLOUDFORMATION", cloudFormation.endpoint().toString());
      return env;
    }

    @Test
    void givesTheBucketTableAndSiteUrlFromItsOutputs() {
      blog.write("only-post.md", "# Only\n");
      TestBlog.Run run =
          TestBlog.run(
              env(), blog.player.atOnce(), "publish", blog.posts.toString(), "--stack", "blog");
      assertThat(run.out())
          .contains("published  posts/only-post.md -> https://stack.example/only-post/");
      assertThat(run.exitCode()).isZero();
    }

    @Test
    void thatDoesNotExistExitsWithStatusFour() {
      assertOneLine(
          TestBlog.run(env(), UploadHook.NONE, "status", "--stack", "nope"),
          ExitCode.NO_ACCESS,
          "no stack named nope in us-east-1 (check --stack and AWS_REGION)");
    }
  }
}
