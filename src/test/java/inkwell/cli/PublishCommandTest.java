package inkwell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.aws.DynamoPostRepository;
import inkwell.aws.S3ContentStore;
import inkwell.storage.StoredPost;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code ./inkwell publish} end to end on the emulators: the sample folder uploaded to a bucket
 * made from template.yaml, each write's S3 notification delivered to the real publish handler (the
 * command never invokes it), the outcomes read back as the command reads them on AWS.
 */
class PublishCommandTest extends BlogTest {

  private static final String SITE = TestBlog.SITE;

  private static final List<String> SAMPLE_LINES =
      List.of(
          "uploaded   media/inkwell.svg",
          "published  posts/2024/writing-posts.md -> " + SITE + "2024/writing-posts/",
          "published  posts/coming-soon.md -> "
              + SITE
              + "coming-soon/ (scheduled for 2030-01-01T08:00:00Z)",
          "published  posts/draft-ideas.md (draft: stored, never listed or served)",
          "published  posts/plain-markdown-notes.md -> " + SITE + "plain-markdown-notes/",
          "published  posts/welcome-to-inkwell.md -> " + SITE + "welcome-to-inkwell/",
          "published  posts/what-a-page-view-costs.md -> " + SITE + "what-a-page-view-costs/");

  private DynamoPostRepository posts() {
    return new DynamoPostRepository(
        blog.emulators.dynamoDb(),
        blog.table,
        new S3ContentStore(blog.emulators.s3(), blog.bucket, "posts/", "_status/", "_bodies/"),
        Clock.systemUTC());
  }

  private static List<String> outcomes(TestBlog.Run run) {
    return run.out().subList(0, run.out().size() - 1);
  }

  private static String summary(TestBlog.Run run) {
    return run.out().get(run.out().size() - 1);
  }

  @Nested
  class TheSampleFolder {

    @Test
    void isPublishedWithOneLinePerFileAndExitStatusZero() {
      TestBlog.Run run = blog.publish();
      assertThat(outcomes(run)).containsExactlyInAnyOrderElementsOf(SAMPLE_LINES);
      assertThat(summary(run)).isEqualTo("6 published, 1 uploaded, 0 unchanged");
      assertThat(run.exitCode()).isZero();
      assertThat(run.err()).isEmpty();
    }

    @Test
    void isLiveInTheTableAfterTheCommandReturns() {
      blog.publish();
      StoredPost post = posts().findPost("welcome-to-inkwell").orElseThrow();
      assertThat(post.state()).isEqualTo(StoredPost.State.LIVE);
    }

    @Test
    void publishedAgainUnchangedUploadsNothingAndWaitsForNothing() {
      blog.publish();
      TestBlog.Run again = blog.publish();
      assertThat(again.out()).containsExactly("7 unchanged");
      assertThat(again.exitCode()).isZero();
    }
  }

  @Nested
  class AfterTheFirstPublish {

    @BeforeEach
    void publishTheSamples() {
      assertThat(blog.publish().exitCode()).isZero();
    }

    @Test
    void aBadFileIsRejectedWithItsLineAndColumnAndTheExitStatusIsOne() {
      blog.write("bad.md", "---\ntitle: [unclosed\n---\nBody\n");
      TestBlog.Run run = blog.publish();
      assertThat(outcomes(run))
          .containsExactly(
              "rejected   posts/bad.md:2:8: front matter is not valid YAML: while parsing a flow"
                  + " sequence at 2:8 and expected ',' or ']', but got <stream end> at 3:1; close"
                  + " it");
      assertThat(summary(run)).isEqualTo("1 rejected, 7 unchanged");
      assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_PUBLISHED);
    }

    @Test
    void anEditIsPublishedAndItsNewVersionIsLive() {
      blog.write("welcome-to-inkwell.md", "# Welcome again\n\nEdited.\n");
      TestBlog.Run run = blog.publish();
      assertThat(outcomes(run))
          .containsExactly(
              "published  posts/welcome-to-inkwell.md -> " + SITE + "welcome-to-inkwell/");
      assertThat(run.exitCode()).isZero();
      assertThat(posts().findPost("welcome-to-inkwell").orElseThrow().post().title())
          .isEqualTo("Welcome again");
    }

    @Test
    void aPageInThePagesFolderBesideItAndEveryMarkdownExtensionArePublishedToo() {
      blog.write("../pages/about.markdown", "---\ntitle: About\n---\nWho writes here.\n");
      blog.write("notes.MD", "# Notes\n\nAn upper-case extension.\n");
      TestBlog.Run run = blog.publish();
      assertThat(outcomes(run))
          .containsExactlyInAnyOrder(
              "published  pages/about.markdown -> " + SITE + "about/",
              "published  posts/notes.MD -> " + SITE + "notes/");
      assertThat(run.exitCode()).isZero();
      assertThat(posts().findPost("about").orElseThrow().post().page()).isTrue();
    }

    @Test
    void withAllEveryPostIsUploadedAgainAndRenderedByTheStacksSettings() {
      TestBlog.Run run = blog.publish("--all");
      // Every post goes through the publish function again; the unchanged image stays as it is.
      assertThat(outcomes(run))
          .containsExactlyInAnyOrderElementsOf(
              SAMPLE_LINES.stream().filter(l -> !l.startsWith("uploaded")).toList());
      assertThat(run.exitCode()).isZero();
    }

    @Test
    void aFileDeletedFromTheFolderStaysWithoutDelete() {
      blog.delete("plain-markdown-notes.md");
      TestBlog.Run run = blog.publish();
      assertThat(run.out())
          .containsExactly(
              "6 unchanged, 1 in the bucket but not in the folder (kept; --delete removes them)");
      assertThat(posts().findPost("plain-markdown-notes").orElseThrow().state())
          .isEqualTo(StoredPost.State.LIVE);
    }

    @Test
    void aFileDeletedFromTheFolderIsRemovedWithDelete() {
      blog.delete("plain-markdown-notes.md");
      TestBlog.Run run = blog.publish("--delete");
      assertThat(run.out())
          .containsExactly("removed    posts/plain-markdown-notes.md", "1 removed, 6 unchanged");
      assertThat(run.exitCode()).isZero();
      assertThat(posts().findPost("plain-markdown-notes").orElseThrow().state())
          .isEqualTo(StoredPost.State.GONE);
    }

    @Test
    void aRejectedFileFixedLaterIsPublishedAndTheOldRejectionIsNotReportedForIt() {
      blog.write("bad.md", "---\ntitle: [unclosed\n---\nBody\n");
      blog.publish();
      blog.write("bad.md", "---\ntitle: Fixed\n---\nBody\n");
      // The fix's notification is held back: the rejection still on record is the old upload's.
      TestBlog.Run held =
          blog.run(blog.player.held(), "publish", blog.posts.toString(), "--timeout", "0.5");
      assertThat(outcomes(held))
          .singleElement()
          .asString()
          .startsWith("pending    posts/bad.md: no outcome within");
      assertThat(blog.player.deliverHeld()).isEqualTo(1);
      assertThat(blog.run(UploadHook.NONE, "status").out())
          .contains("live       posts/bad.md -> " + SITE + "bad/");
    }
  }

  @Nested
  class Waiting {

    @Test
    void aNotificationThatNeverArrivesIsReportedAsPendingAtTheTimeoutWithExitStatusOne() {
      blog.write("only.md", "# Only\n");
      TestBlog.Run run =
          blog.run(blog.player.held(), "publish", blog.posts.toString(), "--timeout", "0.5");
      assertThat(outcomes(run))
          .contains(
              "pending    posts/only.md: no outcome within 0.5 s of the last one (is the publish"
                  + " queue moving? ./inkwell status shows it later)");
      assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_PUBLISHED);
    }

    @Test
    void aNotificationThatArrivesWhileTheCommandWaitsIsReported() throws Exception {
      CompletableFuture<Integer> late =
          CompletableFuture.supplyAsync(
              () -> {
                sleep(700);
                return blog.player.deliverHeld();
              });
      TestBlog.Run run = blog.run(blog.player.held(), "publish", blog.posts.toString());
      assertThat(late.get(30, TimeUnit.SECONDS)).isEqualTo(7);
      assertThat(outcomes(run)).containsExactlyInAnyOrderElementsOf(SAMPLE_LINES);
      assertThat(run.exitCode()).isZero();
    }
  }

  @Nested
  class AnImportLongerThanTheTimeout {

    @Test
    void isReportedToTheEndAsLongAsEachOutcomeComesWithinTheTimeoutOfTheLast() throws Exception {
      // The publish function applies one batch at a time: outcomes arrive steadily, and the whole
      // import takes longer than the timeout (seven events 1 s apart, timeout 3 s).
      // A warm function instance, as after the first batch of an import.
      inkwell.testenv.NotificationPlayer.deliverTo(
          blog.player.handler(), inkwell.testenv.BucketEventJson.sqsEvent("{}"));
      CompletableFuture<Void> steady =
          CompletableFuture.runAsync(
              () -> {
                int delivered = 0;
                for (int tries = 0; delivered < 7 && tries < 300; tries++) {
                  if (blog.player.deliverHeldOne()) {
                    delivered++;
                    sleep(1000);
                  } else {
                    sleep(50); // the command is still uploading
                  }
                }
              });
      TestBlog.Run run =
          blog.run(blog.player.held(), "publish", blog.posts.toString(), "--timeout", "3");
      steady.get(60, TimeUnit.SECONDS);
      assertThat(outcomes(run)).containsExactlyInAnyOrderElementsOf(SAMPLE_LINES);
      assertThat(run.exitCode()).isZero();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
