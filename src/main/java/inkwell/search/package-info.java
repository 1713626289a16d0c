/**
 * Full-text search with Apache Lucene: the documents and analyzer ({@link
 * inkwell.search.SearchDocuments}, {@link inkwell.search.SearchAnalyzer}), keeping an index in step
 * with the posts table ({@link inkwell.search.SearchIndexer}, {@link inkwell.search.IndexUpdater}),
 * answering queries ({@link inkwell.search.LuceneSearch}), and the two Lambda entry points: the
 * index function ({@link inkwell.search.IndexHandler}, fed by an SQS FIFO queue) and the search
 * function ({@link inkwell.search.SearchHandler}, behind the HTTP API's search routes). Only these
 * classes load Lucene, so the site and publish functions never carry it. See docs/SEARCH.md.
 */
package inkwell.search;
