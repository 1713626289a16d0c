package inkwell.site.feed;

import static inkwell.site.feed.FeedFixtures.ENTRIES;
import static inkwell.site.feed.FeedFixtures.FALLBACK;
import static inkwell.site.feed.FeedFixtures.HELLO;
import static inkwell.site.feed.FeedFixtures.SECOND;
import static inkwell.site.feed.FeedFixtures.SITE;
import static inkwell.site.feed.ParsedXml.child;
import static inkwell.site.feed.ParsedXml.children;
import static inkwell.site.feed.ParsedXml.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class AtomFeedTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private static Element feed(List<FeedEntry> entries) {
    Element feed = ParsedXml.parse(Feeds.atom(SITE, entries, FALLBACK));
    assertThat(feed.getLocalName()).isEqualTo("feed");
    assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
    return feed;
  }

  private static Element entry(FeedEntry entry) {
    return child(feed(List.of(entry)), ATOM, "entry");
  }

  /** The {@code href} of each {@code <link>}, by {@code rel}. */
  private static Map<String, Element> links(Element parent) {
    return children(parent, ATOM, "link").stream()
        .collect(Collectors.toMap(link -> link.getAttribute("rel"), link -> link));
  }

  @Nested
  class Feed {

    @Test
    void feedHasTheSiteUrlAsIdAndTitleSubtitleAndLanguage() {
      Element feed = feed(ENTRIES);
      assertThat(text(feed, ATOM, "id")).isEqualTo("https://blog.example.com/");
      assertThat(text(feed, ATOM, "title")).isEqualTo("Inkwell Notes");
      assertThat(text(feed, ATOM, "subtitle")).isEqualTo("Notes on serverless Java");
      assertThat(feed.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("en");
    }

    @Test
    void updatedIsTheNewestEntryUpdateInRfc3339() {
      String updated = text(feed(List.of(HELLO, SECOND)), ATOM, "updated");
      assertThat(updated).isEqualTo("2024-09-01T08:00:00Z");
      assertThat(FeedDateFormats.rfc3339(updated)).isEqualTo(SECOND.updated());
    }

    @Test
    void linksToItselfAsAtomAndToTheSiteAsHtml() {
      Map<String, Element> links = links(feed(ENTRIES));
      assertThat(links).containsOnlyKeys("self", "alternate");
      assertThat(links.get("self").getAttribute("href"))
          .isEqualTo("https://blog.example.com/atom.xml");
      assertThat(links.get("self").getAttribute("type")).isEqualTo("application/atom+xml");
      assertThat(links.get("alternate").getAttribute("href"))
          .isEqualTo("https://blog.example.com/");
      assertThat(links.get("alternate").getAttribute("type")).isEqualTo("text/html");
    }

    @Test
    void feedAuthorIsTheSiteAuthor() {
      Element author = child(feed(ENTRIES), ATOM, "author");
      assertThat(text(author, ATOM, "name")).isEqualTo("Ada Lovelace");
    }

    @Test
    void emptyFeedHasEveryRequiredElementAndTheFallbackUpdated() {
      Element feed = feed(List.of());
      assertThat(children(feed, ATOM, "entry")).isEmpty();
      assertThat(text(feed, ATOM, "id")).isEqualTo("https://blog.example.com/");
      assertThat(text(feed, ATOM, "title")).isEqualTo("Inkwell Notes");
      assertThat(FeedDateFormats.rfc3339(text(feed, ATOM, "updated"))).isEqualTo(FALLBACK);
      assertThat(child(feed, ATOM, "author")).isNotNull();
    }
  }

  @Nested
  class Entries {

    @Test
    void everyEntryHasTheRequiredIdTitleAndUpdated() {
      for (Element entry : children(feed(ENTRIES), ATOM, "entry")) {
        assertThat(text(entry, ATOM, "id")).startsWith("https://blog.example.com/2024/");
        assertThat(text(entry, ATOM, "title")).isNotBlank();
        FeedDateFormats.rfc3339(text(entry, ATOM, "updated"));
      }
    }

    @Test
    void idAndAlternateLinkAreThePostsAbsoluteUrl() {
      Element entry = entry(HELLO);
      assertThat(text(entry, ATOM, "id")).isEqualTo("https://blog.example.com/2024/hello/");
      Element alternate = links(entry).get("alternate");
      assertThat(alternate.getAttribute("href")).isEqualTo("https://blog.example.com/2024/hello/");
      assertThat(alternate.getAttribute("type")).isEqualTo("text/html");
    }

    @Test
    void publishedAndUpdatedAreRfc3339() {
      Element entry = entry(HELLO);
      assertThat(text(entry, ATOM, "published")).isEqualTo("2024-08-05T07:30:00Z");
      assertThat(text(entry, ATOM, "updated")).isEqualTo("2024-08-06T10:15:00Z");
      assertThat(FeedDateFormats.rfc3339(text(entry, ATOM, "updated"))).isEqualTo(HELLO.updated());
    }

    @Test
    void summaryIsTextAndContentIsTheFullHtml() {
      Element entry = entry(HELLO);
      Element summary = child(entry, ATOM, "summary");
      assertThat(summary.getAttribute("type")).isEqualTo("text");
      assertThat(summary.getTextContent()).isEqualTo(HELLO.summary());
      Element content = child(entry, ATOM, "content");
      assertThat(content.getAttribute("type")).isEqualTo("html");
      assertThat(content.getTextContent()).isEqualTo(HELLO.contentHtml());
    }

    @Test
    void summaryOnlyEntryHasASummaryAndNoContent() {
      Element entry = entry(SECOND);
      assertThat(text(entry, ATOM, "summary")).isEqualTo("Only a summary here.");
      assertThat(children(entry, ATOM, "content")).isEmpty();
    }

    @Test
    void eachTagIsACategoryTerm() {
      assertThat(children(entry(HELLO), ATOM, "category"))
          .extracting(category -> category.getAttribute("term"))
          .containsExactly("java", "aws-lambda");
    }

    @Test
    void entryHasAnAuthorOnlyWhenItsOwnIsSet() {
      assertThat(text(child(entry(SECOND), ATOM, "author"), ATOM, "name"))
          .isEqualTo("Grace Hopper");
      assertThat(children(entry(HELLO), ATOM, "author")).isEmpty();
    }
  }
}
