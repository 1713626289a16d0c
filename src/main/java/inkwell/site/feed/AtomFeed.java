package inkwell.site.feed;

import inkwell.site.SiteInfo;
import inkwell.site.SitePaths;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;

/** Writes Atom 1.0 (RFC 4287). */
final class AtomFeed {

  static final String NS = "http://www.w3.org/2005/Atom";

  private AtomFeed() {}

  static String write(SiteInfo site, List<FeedEntry> entries, Instant updated) {
    String home = site.url(SitePaths.HOME);
    return Xml.document(
        xml -> {
          xml.start("", "feed", NS)
              .namespace("", NS)
              .attribute("xml", XMLConstants.XML_NS_URI, "lang", site.language())
              .element("id", home)
              .element("title", site.title())
              .element("subtitle", site.description())
              .element("updated", FeedDates.rfc3339(updated));
          link(xml, "self", "application/atom+xml", site.url(SitePaths.ATOM));
          link(xml, "alternate", "text/html", home);
          // The feed's author stands for every entry without one of its own; Atom requires one,
          // so a site without a configured author is named by its title.
          author(xml, site.hasAuthor() ? site.author() : site.title());
          xml.element("generator", Feeds.GENERATOR);
          for (FeedEntry entry : entries) {
            entry(xml, site, entry);
          }
          xml.end();
        });
  }

  private static void entry(Xml xml, SiteInfo site, FeedEntry entry) throws XMLStreamException {
    String url = Feeds.link(site, entry);
    xml.start("entry").element("id", url).element("title", entry.title());
    link(xml, "alternate", "text/html", url);
    xml.element("published", FeedDates.rfc3339(Feeds.published(entry)))
        .element("updated", FeedDates.rfc3339(Feeds.updated(entry)));
    if (entry.author() != null) {
      author(xml, entry.author());
    }
    if (entry.summary() != null) {
      xml.start("summary").attribute("type", "text").text(entry.summary()).end();
    }
    if (entry.contentHtml() != null) {
      xml.start("content").attribute("type", "html").text(entry.contentHtml()).end();
    }
    for (String tag : entry.tags()) {
      xml.empty("category").attribute("term", tag);
    }
    xml.end();
  }

  private static void link(Xml xml, String rel, String type, String href)
      throws XMLStreamException {
    xml.empty("link").attribute("rel", rel).attribute("type", type).attribute("href", href);
  }

  private static void author(Xml xml, String name) throws XMLStreamException {
    xml.start("author").element("name", name).end();
  }
}
