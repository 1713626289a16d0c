package inkwell.storage;

/**
 * The posts index as one object: the publish path's {@link PostWriter} and the site's {@link
 * PostReader} together. The preview's in-memory index implements it; on AWS the two halves are
 * separate classes, because the two functions hold separate permissions.
 */
public interface PostRepository extends PostReader, PostWriter {}
