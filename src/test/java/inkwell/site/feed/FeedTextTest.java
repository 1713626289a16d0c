package inkwell.site.feed;

import static inkwell.site.feed.FeedFixtures.AWKWARD;
import static inkwell.site.feed.FeedFixtures.AWKWARD_ENTRY;
import static inkwell.site.feed.FeedFixtures.AWKWARD_HTML;
import static inkwell.site.feed.FeedFixtures.AWKWARD_SITE;
import static inkwell.site.feed.FeedFixtures.FALLBACK;
import static inkwell.site.feed.FeedFixtures.SITE;
import static inkwell.site.feed.ParsedXml.child;
import static inkwell.site.feed.ParsedXml.children;
import static inkwell.site.feed.ParsedXml.text;
import static inkwell.site.feed.ParsedXml.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Text that is awkward for XML and JSON comes back exactly from every feed. */
class FeedTextTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final List<String> TAGS = AWKWARD_ENTRY.tags();

  /** The text an HTML reader shows for an RSS description (which has no markup). */
  private static String fromHtml(String html) {
    assertThat(html).doesNotContain("<");
    return Parser.unescapeEntities(html, false);
  }

  @Test
  void rssCarriesAwkwardTextExactly() {
    Element channel =
        child(
            ParsedXml.parse(Feeds.rss(AWKWARD_SITE, List.of(AWKWARD_ENTRY), FALLBACK)),
            null,
            "channel");
    assertThat(text(channel, null, "title")).isEqualTo(AWKWARD);
    assertThat(fromHtml(text(channel, null, "description"))).isEqualTo(AWKWARD_SITE.description());
    assertThat(text(channel, null, "language")).isEqualTo("fr-CA");
    Element item = child(channel, null, "item");
    assertThat(text(item, null, "title")).isEqualTo(AWKWARD);
    assertThat(fromHtml(text(item, null, "description"))).isEqualTo(AWKWARD + " summary");
    assertThat(text(item, CONTENT, "encoded")).isEqualTo(AWKWARD_HTML);
    assertThat(texts(children(item, null, "category"))).isEqualTo(TAGS);
    assertThat(text(item, DC, "creator")).isEqualTo(AWKWARD_ENTRY.author());
  }

  @Test
  void atomCarriesAwkwardTextExactly() {
    Element feed = ParsedXml.parse(Feeds.atom(AWKWARD_SITE, List.of(AWKWARD_ENTRY), FALLBACK));
    assertThat(text(feed, ATOM, "title")).isEqualTo(AWKWARD);
    assertThat(text(feed, ATOM, "subtitle")).isEqualTo(AWKWARD_SITE.description());
    assertThat(text(child(feed, ATOM, "author"), ATOM, "name")).isEqualTo("Zoë & <co>");
    Element entry = child(feed, ATOM, "entry");
    assertThat(text(entry, ATOM, "title")).isEqualTo(AWKWARD);
    assertThat(text(entry, ATOM, "summary")).isEqualTo(AWKWARD + " summary");
    assertThat(text(entry, ATOM, "content")).isEqualTo(AWKWARD_HTML);
    assertThat(children(entry, ATOM, "category"))
        .extracting(category -> category.getAttribute("term"))
        .isEqualTo(TAGS);
    assertThat(text(child(entry, ATOM, "author"), ATOM, "name")).isEqualTo(AWKWARD_ENTRY.author());
  }

  @Test
  void jsonFeedCarriesAwkwardTextExactly() {
    Map<String, Object> feed =
        ParsedJson.object(Feeds.jsonFeed(AWKWARD_SITE, List.of(AWKWARD_ENTRY)));
    assertThat(feed)
        .containsEntry("title", AWKWARD)
        .containsEntry("description", AWKWARD_SITE.description());
    @SuppressWarnings("unchecked")
    Map<String, Object> item = ((List<Map<String, Object>>) feed.get("items")).get(0);
    assertThat(item)
        .containsEntry("title", AWKWARD)
        .containsEntry("summary", AWKWARD + " summary")
        .containsEntry("content_html", AWKWARD_HTML)
        .containsEntry("tags", TAGS)
        .containsEntry("authors", List.of(Map.of("name", AWKWARD_ENTRY.author())))
        .containsEntry("image", "https://blog.example.com/images/a&b.png");
  }

  @Test
  void charactersXmlCannotCarryBecomeReplacementCharactersInsteadOfBreakingTheDocument() {
    String broken = "bell\u0007 nul\u0000 noncharacter\uFFFE lone\uD800surrogate 😀";
    String expected = "bell\uFFFD nul\uFFFD noncharacter\uFFFD lone\uFFFDsurrogate 😀";
    FeedEntry entry =
        new FeedEntry(
            broken,
            "/2024/broken/",
            FALLBACK,
            FALLBACK,
            broken,
            broken,
            List.of(broken),
            broken,
            null);

    Element rssItem =
        child(
            child(ParsedXml.parse(Feeds.rss(SITE, List.of(entry), FALLBACK)), null, "channel"),
            null,
            "item");
    assertThat(text(rssItem, null, "title")).isEqualTo(expected);
    assertThat(text(rssItem, CONTENT, "encoded")).isEqualTo(expected);

    Element atomEntry =
        child(ParsedXml.parse(Feeds.atom(SITE, List.of(entry), FALLBACK)), ATOM, "entry");
    assertThat(text(atomEntry, ATOM, "title")).isEqualTo(expected);
    assertThat(child(atomEntry, ATOM, "category").getAttribute("term")).isEqualTo(expected);
  }

  @Test
  void xmlFeedsDeclareUtf8() {
    assertThat(Feeds.rss(SITE, List.of(AWKWARD_ENTRY), FALLBACK))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    assertThat(Feeds.atom(SITE, List.of(AWKWARD_ENTRY), FALLBACK))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  }
}
