/**
 * An error the runner can act on: printed as one line on stderr, no stack trace, exit code 1
 * (2 for a usage mistake, as most Unix tools do).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}
