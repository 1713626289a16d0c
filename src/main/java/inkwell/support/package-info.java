/** Small shared helpers with no domain meaning: JSON writing for logs and status files. */
package inkwell.support;
