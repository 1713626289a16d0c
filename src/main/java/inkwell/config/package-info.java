/**
 * Configuration shared by every entry point, bound from {@code inkwell.*} properties, which the SAM
 * template sets as environment variables ({@code INKWELL_BUCKET}, {@code INKWELL_TABLE}, ...).
 */
package inkwell.config;
