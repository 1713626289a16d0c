package inkwell.site.feed;

import static inkwell.site.feed.FeedFixtures.ENTRIES;
import static inkwell.site.feed.FeedFixtures.HELLO;
import static inkwell.site.feed.FeedFixtures.SECOND;
import static inkwell.site.feed.FeedFixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFeedTest {

  private static Map<String, Object> feed(List<FeedEntry> entries) {
    return ParsedJson.object(Feeds.jsonFeed(SITE, entries));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(List<FeedEntry> entries) {
    return (List<Map<String, Object>>) feed(entries).get("items");
  }

  private static Map<String, Object> item(FeedEntry entry) {
    return items(List.of(entry)).get(0);
  }

  @Test
  void topLevelHasVersion11TitleUrlsDescriptionLanguageAndAuthors() {
    assertThat(feed(ENTRIES))
        .containsEntry("version", "https://jsonfeed.org/version/1.1")
        .containsEntry("title", "Inkwell Notes")
        .containsEntry("home_page_url", "https://blog.example.com/")
        .containsEntry("feed_url", "https://blog.example.com/feed.json")
        .containsEntry("description", "Notes on serverless Java")
        .containsEntry("language", "en")
        .containsEntry("authors", List.of(Map.of("name", "Ada Lovelace")));
  }

  @Test
  void everyItemHasIdUrlAndContentHtmlOrContentText() {
    List<Map<String, Object>> items = items(ENTRIES);
    assertThat(items).hasSize(2);
    for (Map<String, Object> item : items) {
      assertThat(item).containsKeys("id", "url");
      assertThat(item.get("content_html") != null || item.get("content_text") != null)
          .as("content_html or content_text in %s", item)
          .isTrue();
    }
  }

  @Test
  void idAndUrlAreThePostsAbsoluteUrl() {
    assertThat(item(HELLO))
        .containsEntry("id", "https://blog.example.com/2024/hello/")
        .containsEntry("url", "https://blog.example.com/2024/hello/")
        .containsEntry("title", "Hello, Inkwell");
  }

  @Test
  void fullContentEntryHasContentHtmlAndSummary() {
    assertThat(item(HELLO))
        .containsEntry("content_html", HELLO.contentHtml())
        .containsEntry("summary", HELLO.summary())
        .doesNotContainKey("content_text");
  }

  @Test
  void summaryOnlyEntryHasTheSummaryAsContentText() {
    assertThat(item(SECOND))
        .containsEntry("content_text", "Only a summary here.")
        .containsEntry("summary", "Only a summary here.")
        .doesNotContainKey("content_html");
  }

  @Test
  void datesAreRfc3339() {
    Map<String, Object> item = item(HELLO);
    assertThat(item)
        .containsEntry("date_published", "2024-08-05T07:30:00Z")
        .containsEntry("date_modified", "2024-08-06T10:15:00Z");
    assertThat(FeedDateFormats.rfc3339((String) item.get("date_modified")))
        .isEqualTo(HELLO.updated());
  }

  @Test
  void relativeImageIsMadeAbsoluteAndAbsoluteImageIsKept() {
    assertThat(item(HELLO)).containsEntry("image", "https://blog.example.com/images/hello.png");
    assertThat(item(SECOND)).containsEntry("image", "https://cdn.example.com/second.jpg");
  }

  @Test
  void tagsAreListedAndOmittedWhenThereAreNone() {
    assertThat(item(HELLO)).containsEntry("tags", List.of("java", "aws-lambda"));
    assertThat(item(SECOND)).doesNotContainKey("tags");
  }

  @Test
  void itemHasAuthorsOnlyWhenItsOwnAuthorIsSet() {
    assertThat(item(SECOND)).containsEntry("authors", List.of(Map.of("name", "Grace Hopper")));
    assertThat(item(HELLO)).doesNotContainKey("authors");
  }

  @Test
  void emptyFeedHasVersionAndAnEmptyItemsArray() {
    assertThat(feed(List.of()))
        .containsEntry("version", "https://jsonfeed.org/version/1.1")
        .containsEntry("items", List.of());
  }
}
