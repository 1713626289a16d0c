package inkwell.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling a Hugo or Jekyll site root from a folder of posts, and reading its config. */
class SiteRootTest {

  @TempDir Path root;

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aHugoSiteWithItsConfigInConfigDefaultIsReadWhole() throws IOException {
    write("content/posts/a.md", "x");
    write("config/_default/hugo.toml", "title = \"Split config\"\nuglyURLs = true\n");
    write(
        "config/_default/params.toml",
        "description = \"From params\"\nauthor = {name = \"Ada\"}\n");
    write("config/_default/permalinks.yaml", "posts: /:year/:slug/\n");
    SiteRoot site = SiteRoot.detect(root);
    assertThat(site.kind()).isEqualTo(SiteRoot.Kind.HUGO);
    assertThat(site.posts()).isEqualTo(root.resolve("content"));
    assertThat(site.files()).containsExactly(root.resolve("static"), root.resolve("content"));
    assertThat(site.settings().title()).isEqualTo("Split config");
    assertThat(site.settings().description()).isEqualTo("From params");
    assertThat(site.settings().author()).isEqualTo("Ada");
    assertThat(site.settings().permalinks().spec())
        .isEqualTo("hugo ugly posts/ posts=/:year/:slug/");
  }

  @Test
  void hugosNewerPermalinksFormUnderPageIsRead() throws IOException {
    write("content/posts/a.md", "x");
    write("hugo.yaml", "permalinks:\n  page:\n    posts: /p/:slug/\n  section:\n    posts: /p/\n");
    assertThat(SiteRoot.detect(root).settings().permalinks().spec())
        .isEqualTo("hugo posts/ posts=/p/:slug/");
  }

  @Test
  void aJekyllSitesSettingsAndIncludedPageFoldersAreRead() throws IOException {
    write("_posts/2024-01-02-a.md", "x");
    write("_pages/about.md", "---\ntitle: About\n---\n");
    write(
        "_config.yml",
        "title: J\nurl: https://j.example\nbaseurl: /blog\nlang: fr\npermalink: pretty\n"
            + "include: [_pages]\ntimezone: Europe/Paris\n");
    SiteRoot site = SiteRoot.detect(root);
    assertThat(site.kind()).isEqualTo(SiteRoot.Kind.JEKYLL);
    assertThat(site.posts()).isEqualTo(root.resolve("_posts"));
    assertThat(site.includedPages()).containsExactly(root.resolve("_pages"));
    assertThat(site.settings().properties())
        .containsEntry("inkwell.site.title", "J")
        .containsEntry("inkwell.site.language", "fr")
        .containsEntry("inkwell.time-zone", "Europe/Paris")
        .containsEntry("inkwell.permalinks", "jekyll /:categories/:year/:month/:day/:title/");
    assertThat(site.settings().baseUrl()).isEqualTo("https://j.example/blog");
  }

  @Test
  void aPlainFolderIsAFolderOfPosts() throws IOException {
    write("hello.md", "# Hi");
    SiteRoot site = SiteRoot.detect(root);
    assertThat(site.kind()).isEqualTo(SiteRoot.Kind.FOLDER);
    assertThat(site.posts()).isEqualTo(root);
    assertThat(site.settings().properties()).isEmpty();
  }

  @Test
  void aBrokenTomlConfigIsReportedWithItsLineAndColumn() throws IOException {
    write("content/posts/a.md", "x");
    write("hugo.toml", "title = \"ok\"\n[permalinks\nposts = \"/:title/\"\n");
    assertThatThrownBy(() -> SiteRoot.detect(root))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(root.resolve("hugo.toml") + ":2:");
  }

  @Test
  void jekyllPagesAreMarkdownWithFrontMatterButNotTheHomePage() throws IOException {
    write("about.md", "---\ntitle: About\n---\nMe.");
    write("README.md", "# Read me\n");
    write("index.md", "---\nlayout: home\n---\n");
    write("home.md", "---\nlayout: home\npermalink: /\n---\n");
    List<String> pages =
        List.of("about.md", "README.md", "index.md", "home.md").stream()
            .filter(name -> SiteRoot.isJekyllPage(root.resolve(name)))
            .toList();
    assertThat(pages).containsExactly("about.md");
  }
}
