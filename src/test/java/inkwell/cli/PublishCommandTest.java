package inkwell.cli;

import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Emulators;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulators.class)
class PublishCommandTest {

  private TestBlog blog;

  @BeforeEach
  void createBlog(Emulators emulators) {
    blog = TestBlog.create(emulators);
  }

  @AfterEach
  void closeBlog() {
    blog.close();
  }

  @Test
  void printsIt() {
    TestBlog.Run run = blog.publish();
    System.out.println(run);
    blog.write("bad.md", "---\ntitle: [unclosed\n---\nBody\n");
    blog.write("welcome-to-inkwell.md", "# Welcome again\n\nEdited.\n");
    blog.delete("plain-markdown-notes.md");
    System.out.println(blog.publish());
    System.out.println(blog.publish("--delete"));
    System.out.println(blog.run(UploadHook.NONE, "status"));
  }
}
