package inkwell.site.feed;

import static inkwell.site.feed.FeedFixtures.ENTRIES;
import static inkwell.site.feed.FeedFixtures.FALLBACK;
import static inkwell.site.feed.FeedFixtures.HELLO;
import static inkwell.site.feed.FeedFixtures.SECOND;
import static inkwell.site.feed.FeedFixtures.SITE;
import static inkwell.site.feed.ParsedXml.child;
import static inkwell.site.feed.ParsedXml.children;
import static inkwell.site.feed.ParsedXml.text;
import static inkwell.site.feed.ParsedXml.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class RssFeedTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  private static final String DC = "http://purl.org/dc/elements/1.1/";

  private static Element channel(List<FeedEntry> entries) {
    Element rss = ParsedXml.parse(Feeds.rss(SITE, entries, FALLBACK));
    assertThat(rss.getLocalName()).isEqualTo("rss");
    assertThat(rss.getNamespaceURI()).isNull();
    return child(rss, null, "channel");
  }

  private static Element item(FeedEntry entry) {
    return child(channel(List.of(entry)), null, "item");
  }

  @Nested
  class Channel {

    @Test
    void rootIsRssVersionTwoInNoNamespace() {
      Element rss = ParsedXml.parse(Feeds.rss(SITE, ENTRIES, FALLBACK));
      assertThat(rss.getTagName()).isEqualTo("rss");
      assertThat(rss.getAttribute("version")).isEqualTo("2.0");
    }

    @Test
    void channelCarriesTitleHomeLinkDescriptionLanguageAndGenerator() {
      Element channel = channel(ENTRIES);
      assertThat(text(channel, null, "title")).isEqualTo("Inkwell Notes");
      assertThat(text(channel, null, "link")).isEqualTo("https://blog.example.com/");
      assertThat(text(channel, null, "description")).isEqualTo("Notes on serverless Java");
      assertThat(text(channel, null, "language")).isEqualTo("en");
      assertThat(text(channel, null, "generator")).isEqualTo("Inkwell");
    }

    @Test
    void selfLinkIsAnAtomLinkToFeedXml() {
      Element link = child(channel(ENTRIES), ATOM, "link");
      assertThat(link.getAttribute("rel")).isEqualTo("self");
      assertThat(link.getAttribute("href")).isEqualTo("https://blog.example.com/feed.xml");
      assertThat(link.getAttribute("type")).isEqualTo("application/rss+xml");
    }

    @Test
    void lastBuildDateIsTheNewestEntryUpdateInRfc822() {
      String lastBuild = text(channel(List.of(HELLO, SECOND)), null, "lastBuildDate");
      assertThat(lastBuild).isEqualTo("Sun, 01 Sep 2024 08:00:00 GMT");
      assertThat(FeedDateFormats.rfc822(lastBuild)).isEqualTo(SECOND.updated());
    }

    @Test
    void itemsKeepTheOrderGiven() {
      assertThat(children(channel(List.of(HELLO, SECOND)), null, "item"))
          .extracting(item -> text(item, null, "title"))
          .containsExactly("Hello, Inkwell", "Second post");
    }

    @Test
    void emptyFeedIsAValidChannelWithoutItemsDatedByTheFallback() {
      Element channel = channel(List.of());
      assertThat(children(channel, null, "item")).isEmpty();
      assertThat(text(channel, null, "title")).isEqualTo("Inkwell Notes");
      assertThat(FeedDateFormats.rfc822(text(channel, null, "lastBuildDate"))).isEqualTo(FALLBACK);
    }
  }

  @Nested
  class Items {

    @Test
    void linkAndPermalinkGuidAreThePostsAbsoluteUrl() {
      Element item = item(HELLO);
      assertThat(text(item, null, "link")).isEqualTo("https://blog.example.com/2024/hello/");
      Element guid = child(item, null, "guid");
      assertThat(guid.getAttribute("isPermaLink")).isEqualTo("true");
      assertThat(guid.getTextContent()).isEqualTo("https://blog.example.com/2024/hello/");
    }

    @Test
    void pubDateIsThePublishedTimeInRfc822WithATwoDigitDay() {
      String pubDate = text(item(HELLO), null, "pubDate");
      assertThat(pubDate).isEqualTo("Mon, 05 Aug 2024 07:30:00 GMT");
      assertThat(FeedDateFormats.rfc822(pubDate)).isEqualTo(HELLO.published());
    }

    @Test
    void descriptionIsTheSummaryAndContentEncodedTheFullHtml() {
      Element item = item(HELLO);
      assertThat(text(item, null, "title")).isEqualTo("Hello, Inkwell");
      assertThat(text(item, null, "description"))
          .isEqualTo("Why this blog runs on two Lambda functions.");
      assertThat(text(item, CONTENT, "encoded")).isEqualTo(HELLO.contentHtml());
    }

    @Test
    void descriptionsAreHtmlSoPlainTextSummariesAreEscapedForHtml() {
      FeedEntry entry =
          new FeedEntry(
              "t", "/t/", HELLO.published(), null, "x < y & <b>", null, List.of(), null, null);
      assertThat(text(item(entry), null, "description")).isEqualTo("x &lt; y &amp; &lt;b&gt;");
    }

    @Test
    void summaryOnlyEntryHasADescriptionAndNoContentEncoded() {
      Element item = item(SECOND);
      assertThat(text(item, null, "description")).isEqualTo("Only a summary here.");
      assertThat(children(item, CONTENT, "encoded")).isEmpty();
    }

    @Test
    void eachTagIsACategory() {
      assertThat(texts(children(item(HELLO), null, "category")))
          .containsExactly("java", "aws-lambda");
      assertThat(children(item(SECOND), null, "category")).isEmpty();
    }

    @Test
    void creatorIsTheEntryAuthorOrElseTheSiteAuthor() {
      assertThat(text(item(SECOND), DC, "creator")).isEqualTo("Grace Hopper");
      assertThat(text(item(HELLO), DC, "creator")).isEqualTo("Ada Lovelace");
      assertThat(children(item(HELLO), null, "author")).isEmpty();
    }

    @Test
    void entryWithoutUpdatedTimeIsDatedByItsPublishedTime() {
      FeedEntry entry =
          new FeedEntry("t", "/t/", HELLO.published(), null, "s", null, List.of(), null, null);
      Instant lastBuild =
          FeedDateFormats.rfc822(text(channel(List.of(entry)), null, "lastBuildDate"));
      assertThat(lastBuild).isEqualTo(HELLO.published());
    }
  }
}
