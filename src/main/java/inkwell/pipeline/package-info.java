/**
 * The Markdown-to-post pipeline: {@link inkwell.pipeline.PostPipeline} turns a source file (key,
 * bytes, last-modified time) into a {@link inkwell.post.Post} or a {@link inkwell.post.PostError}.
 * Fenced code is highlighted here, at publish time ({@code CodeHighlighter}), so the site function
 * never loads the highlighter. Pure Java and thread-safe; the Lambda functions, the local preview
 * and the tests all call it. Everything but the public entry types is package-private.
 */
package inkwell.pipeline;
