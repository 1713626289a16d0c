package inkwell.cli;

import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Emulators;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fresh {@link TestBlog} for every test of the command, closed after it. */
@ExtendWith(AwsEmulators.class)
abstract class BlogTest {

  TestBlog blog;

  @BeforeEach
  void createBlog(Emulators emulators) {
    blog = TestBlog.create(emulators);
  }

  @AfterEach
  void closeBlog() {
    blog.close();
  }
}
