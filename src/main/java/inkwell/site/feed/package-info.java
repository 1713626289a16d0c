/**
 * Machine-readable outputs: RSS 2.0, Atom and JSON Feed 1.1 feeds, sitemaps and robots.txt, written
 * with the JDK's StAX writer and jackson-core.
 */
package inkwell.site.feed;
