package inkwell.storage;

/** A tag and how many visible posts carry it. */
public record TagCount(String name, String slug, int posts) {}
