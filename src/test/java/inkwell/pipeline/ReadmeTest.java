package inkwell.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.post.TocEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Keeps the README's example post and what the README says about it true. */
class ReadmeTest {

  private static String exampleFromReadme() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int marker = readme.indexOf("<!-- readme-example");
    assertThat(marker).as("README example marker").isPositive();
    int start = readme.indexOf("```markdown\n", marker) + "```markdown\n".length();
    int end = readme.indexOf("\n```\n", start);
    return readme.substring(start, end + 1);
  }

  @Test
  void theReadmeExamplePostBecomesWhatTheReadmeSays() throws IOException {
    Post post = Pipelines.post("posts/2024/hello.md", exampleFromReadme());
    assertThat(post.slug()).isEqualTo("2024/hello");
    assertThat(post.title()).isEqualTo("Hello, Inkwell");
    assertThat(post.date()).isEqualTo(Instant.parse("2024-08-05T07:30:00Z"));
    assertThat(post.tags()).extracting(Tag::slug).containsExactly("java", "aws-lambda");
    assertThat(post.toc()).containsExactly(new TocEntry(2, "why-serverless", "Why serverless?"));
    assertThat(post.aliases()).containsExactly("2024/08/hello.html");
    assertThat(post.bodyHtml()).contains("footnote-ref");
  }
}
