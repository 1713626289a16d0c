package inkwell.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OldListPagesTest {

  @ParameterizedTest(name = "/{0}/ moves to {1}")
  @CsvSource({
    "page/2, /",
    "page2, /",
    "page/10, /",
    "posts/page/2, /posts/",
    "blog/2024/page/3, /blog/2024/",
    "categories, /tags/",
    "category, /tags/",
    "tag, /tags/",
    "categories/field-notes, /tags/field-notes/",
    "categories/Field_Notes, /tags/field-notes/",
    "category/x/page/2, /tags/x/",
    "index.xml, /feed.xml",
    "posts/index.xml, /feed.xml",
    "tags/x/index.xml, /feed.xml",
    "posts/hello/index.html, /posts/hello/",
  })
  void anOldListPageMovesToInkwellsListingThatShowsTheSamePosts(String path, String to) {
    assertThat(OldListPages.redirect(path)).contains(to);
  }

  @ParameterizedTest(name = "/{0}/ is no list page")
  @CsvSource({"posts", "page", "page/0", "homepage2", "categories/a/b", "pages/about", "pager/2"})
  void anyOtherPathIsNoListPage(String path) {
    assertThat(OldListPages.redirect(path)).isEmpty();
  }
}
