package inkwell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./inkwell check PATH}: a migration report for a site, with no AWS. */
class CheckCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int check(Path folder) {
    Cli cli =
        new Cli(
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false,
            UploadHook.NONE,
            Clock.systemUTC());
    return cli.run(List.of("check", folder.toString()));
  }

  private List<String> lines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void aJekyllSiteIsReportedWithItsWarningsWhereTheyAre() {
    Path site = Path.of("src/test/resources/migrate/jekyll").toAbsolutePath();
    assertThat(check(site)).isEqualTo(ExitCode.OK);
    assertThat(lines())
        .containsExactly(
            "Jekyll site " + site + "; permalinks: jekyll /:categories/:year/:month/:day/:title/",
            "files      8 Markdown files",
            "published  6",
            "drafts     2 (draft, published: false, or outputs without html)",
            "rejected   0",
            "warnings   TEMPLATE_NOT_RENDERED 3: pages/tags.md:5:1,"
                + " posts/2020-01-02-older.md:4:1, posts/2024-03-05-My_Post.md:19:1",
            "warnings   NOT_ON_THE_WEB 1: pages/tags.md:1:1",
            "images     1 served at their old paths");
  }

  @Test
  void aHugoSiteCountsItsSectionTextsApart() {
    Path site = Path.of("src/test/resources/migrate/hugo-yaml").toAbsolutePath();
    assertThat(check(site)).isEqualTo(ExitCode.OK);
    assertThat(lines())
        .contains(
            "published  1", "drafts     1 (draft, published: false, or outputs without html)");
    assertThat(lines())
        .anyMatch(l -> l.startsWith("warnings   NOT_ON_THE_WEB 1: posts/posts/feed-only.md:1:1"));
  }

  @Test
  void aRejectedFileIsListedWithItsPositionAndTheExitStatusSaysSo(@TempDir Path folder)
      throws Exception {
    Files.writeString(folder.resolve("good.md"), "# Good\n\nText.\n");
    Files.writeString(folder.resolve("bad.md"), "+++\ntitle = \n+++\nText.\n");
    assertThat(check(folder)).isEqualTo(ExitCode.NOT_PUBLISHED);
    assertThat(lines()).contains("published  1", "rejected   1");
    assertThat(lines())
        .anyMatch(
            l ->
                l.startsWith(
                    "  posts/bad.md:2:9: front matter is not valid TOML: Unexpected end of line"));
  }

  @Test
  void aDanglingRefIsRejectedAndAMissingImageIsAWarningWithTheirPlaces(@TempDir Path site)
      throws Exception {
    Files.writeString(site.resolve("hugo.toml"), "title = \"Refs\"\n");
    Path posts = Files.createDirectories(site.resolve("content/posts"));
    Files.createDirectories(site.resolve("static/img"));
    Files.write(site.resolve("static/img/there.png"), new byte[] {1});
    Files.writeString(
        posts.resolve("a.md"),
        "---\ntitle: A\n---\nSee [b]({{< ref \"posts/b.md\" >}}).\n\n"
            + "![here](/img/there.png) ![lost](/img/gone.png) ![far](https://e.example/x.png)\n");
    Files.writeString(
        posts.resolve("b.md"), "---\ntitle: B\n---\nBack to [a]({{< relref \"a\" >}}).\n");
    Files.writeString(
        posts.resolve("c.md"), "---\ntitle: C\n---\nGone: [x]({{< ref \"posts/nope.md\" >}})\n");
    assertThat(check(site)).isEqualTo(ExitCode.NOT_PUBLISHED);
    assertThat(lines())
        .contains(
            "published  2",
            "rejected   1",
            "  posts/posts/c.md:4:11: {{< ref \"posts/nope.md\" >}} names no file of the site"
                + " (looked for posts/posts/nope.md, posts/posts/posts/nope.md)",
            "warnings   MISSING_IMAGE 1: posts/posts/a.md:6:25");
  }

  @Test
  void aMissingFolderIsBadInput(@TempDir Path folder) {
    assertThat(check(folder.resolve("nothing"))).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("inkwell: no folder ");
  }
}
