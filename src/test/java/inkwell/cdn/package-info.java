/**
 * A model of a CDN's cache that obeys {@code Cache-Control} as a shared cache reads it: what the
 * cost simulation in {@code bench/run} sends ten million views through, and what the freshness
 * tests put in front of the real site function.
 */
package inkwell.cdn;
