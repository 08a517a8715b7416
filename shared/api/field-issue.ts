import type { z } from 'zod';
import type { FieldIssue } from './result';

/**
 * A schema's issue as the renderer receives it. A rule of ours (a custom issue) may carry a `code` and values for
 * its wording in `params`; they pass through, other params do not.
 */
export function fieldIssueOf(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String).join('.');
  if (issue.code !== 'custom' || issue.params === undefined) return { path, message: issue.message };
  const { code, ...rest } = issue.params as Record<string, unknown>;
  const params = Object.fromEntries(
    Object.entries(rest).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'),
  );
  return {
    path,
    message: issue.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(Object.keys(params).length > 0 ? { params } : {}),
  };
}
