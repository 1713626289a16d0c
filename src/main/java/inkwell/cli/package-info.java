/**
 * The {@code ./inkwell} command: publish a folder to a deployed blog and wait for each file's
 * outcome, list every source's state, re-render every post. It sits on top of the other packages
 * and calls down into them ({@code publish}, {@code aws}, {@code storage}, {@code pipeline});
 * nothing imports it. {@link inkwell.cli.Inkwell} is the thin entry point, {@link inkwell.cli.Cli}
 * parses the command line and maps failures to one-line messages and exit codes ({@link
 * inkwell.cli.ExitCode}); {@link inkwell.cli.Publisher}, {@link inkwell.cli.StatusReport} and
 * {@link inkwell.cli.Reindexer} are the reusable domain logic, working through {@link
 * inkwell.cli.Bucket} and the storage ports.
 */
package inkwell.cli;
