package inkwell.cli;

import java.util.Map;

/** Reads a CloudFormation stack's outputs and parameters. */
interface Stacks {

  /** A deployed stack, as far as {@code ./inkwell} needs it. */
  record Stack(Map<String, String> outputs, Map<String, String> parameters) {}

  /**
   * The stack called {@code name}.
   *
   * @throws CliException if there is no such stack or it cannot be read
   */
  Stack describe(String name);
}
