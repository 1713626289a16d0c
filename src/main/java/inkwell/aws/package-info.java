/**
 * AWS adapters: {@link inkwell.aws.DynamoPostRepository} (the posts table), {@link
 * inkwell.aws.S3ContentStore} (sources, status files and oversized bodies in the content bucket)
 * and {@link inkwell.aws.AwsClients} (SDK clients configured from the standard environment).
 */
package inkwell.aws;
