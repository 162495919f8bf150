import type { z } from 'zod';

/** Exit codes used by every command (see the CLI contract). */
export const EXIT = { ok: 0, findings: 1, usage: 2, provider: 3 } as const;

/** An error meant for the user: a message that says what, where and how to fix, and an exit code. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: a file that is missing, empty, binary, too large or malformed. */
export class InputError extends AppError {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(message, EXIT.usage);
  }
}

/** A model provider failed (down, missing model, timeouts) and no fallback was allowed. */
export class ProviderError extends AppError {
  constructor(message: string) {
    super(message, EXIT.provider);
  }
}

/** The message of anything thrown, without a stack. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Formats zod issues as at most `max` lines "  - path: message". */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], max = 5): string {
  const lines = issues.slice(0, max).map((i) => {
    const path = i.path.length ? i.path.map(String).join('.') : '(top level)';
    return `  - ${path}: ${describeIssue(i)}`;
  });
  if (issues.length > max) lines.push(`  - … and ${issues.length - max} more`);
  return lines.join('\n');
}

function describeIssue(i: z.core.$ZodIssue): string {
  if (i.code === 'unrecognized_keys') return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  if (i.code === 'invalid_value' && 'values' in i) return `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return i.message;
}
