import type { z } from 'zod';
import type { FieldIssue } from '../../../../shared/api/result';

/** One problem with one field, from the form's own check or from the core, in a shape both can be worded from. */
export interface Issue {
  /** Dotted path from the form's root, e.g. `emails.0.value`, `languages.1`, `countryId`. */
  readonly path: string;
  /** The zod issue code (`too_small`, `invalid_format`…) or the core's own code, when there is one. */
  readonly code?: string | undefined;
  /** The English message the schema or the core gave: the fallback when the code is not known here. */
  readonly message: string;
  readonly format?: string | undefined;
  readonly minimum?: number | undefined;
  readonly maximum?: number | undefined;
  /** What was checked: `string`, `array`… */
  readonly origin?: string | undefined;
}

/** The issues of a zod check, with their paths dotted. */
export function issuesFromZod(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
    format: 'format' in issue ? issue.format : undefined,
    minimum: 'minimum' in issue ? Number(issue.minimum) : undefined,
    maximum: 'maximum' in issue ? Number(issue.maximum) : undefined,
    origin: 'origin' in issue ? String(issue.origin) : undefined,
  }));
}

/**
 * The core's field issues. Its paths may start at the method's input (`contact.emails.0.value`,
 * `changes.countryId`), the form's at the record: the wrapper is dropped so both name the same field.
 */
export function issuesFromCore(issues: readonly FieldIssue[] | undefined): Issue[] {
  return (issues ?? []).map((issue) => ({
    path: issue.path.replace(/^(contact|changes|organisation)(\.|$)/, ''),
    code: issue.code,
    message: issue.message,
  }));
}

/** The first issue of each path: a field shows one message at a time, the most basic first. */
export function firstByPath(issues: readonly Issue[]): ReadonlyMap<string, Issue> {
  const out = new Map<string, Issue>();
  for (const issue of issues) if (!out.has(issue.path)) out.set(issue.path, issue);
  return out;
}
