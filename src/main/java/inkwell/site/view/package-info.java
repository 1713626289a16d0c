/**
 * The theme: HTML pages rendered from view records by precompiled JTE templates, and the
 * stylesheet. Views never query storage; everything a page shows is in its record.
 */
package inkwell.site.view;
