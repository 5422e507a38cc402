/** A command was given arguments it cannot use: printed with usage, exit code 2. */
export class UsageError extends Error {}
