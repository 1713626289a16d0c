/**
 * Moving an existing Hugo or Jekyll site in: {@link inkwell.migrate.SiteRoot} tells a site root
 * from a plain folder of posts and reads, from the site's own config file, the settings Inkwell has
 * (permalink rules, title, base URL, language, author), and where its posts, drafts and static
 * files are. Sits above {@code pipeline} and below {@code preview} and {@code cli}, which use it.
 */
package inkwell.migrate;
