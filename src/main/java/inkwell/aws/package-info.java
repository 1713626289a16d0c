/**
 * AWS adapters: {@link inkwell.aws.DynamoPostWriter} (the publish path's writes to the posts
 * table), {@link inkwell.aws.DynamoPostReader} (the site's reads), {@link
 * inkwell.aws.S3ContentStore} (sources, status files and oversized bodies in the content bucket),
 * {@link inkwell.aws.CloudFrontEdgeCache} (the index function's invalidation of the CDN) and {@link
 * inkwell.aws.AwsClients} (SDK clients configured from the standard environment).
 */
package inkwell.aws;
