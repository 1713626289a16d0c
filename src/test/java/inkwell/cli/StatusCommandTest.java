package inkwell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code ./inkwell status} lists every source the publish function recorded, with its state. */
class StatusCommandTest extends BlogTest {

  private static final String SITE = TestBlog.SITE;

  @Nested
  class AfterPublishingEveryKindOfSource {

    @BeforeEach
    void publish() {
      blog.write("gone.md", "# Gone soon\n");
      blog.write(
          "old-offer.md",
          "---\ntitle: Old offer\ndate: 2020-01-01\nexpiryDate: 2021-01-01\n---\nBody\n");
      blog.publish();
      blog.delete("gone.md");
      blog.write("broken.md", "---\ntitle: Broken\ndate: Augst 5\n---\nBody\n");
      blog.write("welcome-to-inkwell.md", "---\ntitle: Welcome\ndate: [not a date\n---\nBody\n");
      blog.publish("--delete");
    }

    @Test
    void listsEachSourceInKeyOrderWithItsState() {
      TestBlog.Run run = blog.run(UploadHook.NONE, "status");
      assertThat(run.out())
          .containsExactly(
              "live       posts/2024/writing-posts.md -> " + SITE + "2024/writing-posts/",
              "rejected   posts/broken.md:3:7: date: cannot read \"Augst 5\" as a date; write"
                  + " 2024-08-05, 2024-08-05T09:30:00 or 2024-08-05T09:30:00+02:00",
              "scheduled  posts/coming-soon.md -> "
                  + SITE
                  + "coming-soon/ (scheduled for 2030-01-01T08:00:00Z)",
              "draft      posts/draft-ideas.md (draft: stored, never listed or served)",
              "removed    posts/gone.md",
              "expired    posts/old-offer.md -> "
                  + SITE
                  + "old-offer/ (expired 2021-01-01T00:00:00Z)",
              "live       posts/plain-markdown-notes.md -> " + SITE + "plain-markdown-notes/",
              "rejected   posts/welcome-to-inkwell.md:3:7: front matter is not valid YAML: while"
                  + " parsing a flow sequence at 3:7 and expected ',' or ']', but got <stream end>"
                  + " at 4:1; close it (the previous version stays live at "
                  + SITE
                  + "welcome-to-inkwell/)",
              "live       posts/what-a-page-view-costs.md -> " + SITE + "what-a-page-view-costs/",
              "9 source files");
      assertThat(run.exitCode()).isZero();
    }
  }

  @Test
  void anEmptyBlogHasNoSources() {
    TestBlog.Run run = blog.run(UploadHook.NONE, "status");
    assertThat(run.out()).containsExactly("0 source files");
    assertThat(run.exitCode()).isZero();
  }
}
