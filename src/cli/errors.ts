/** A command was given arguments it cannot use: printed with usage, exit code 2. */
export class UsageError extends Error {}

/** A command could not do its work for a reason the person can act on: printed, exit code 1. */
export class CommandFailed extends Error {}
