import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/api/result';
import { issuesFromCore, type Issue } from './field-issues';
import { issueMessage } from './issue-message';

export interface FieldMessages {
  /** The message for exactly this path (`displayName`, `emails.2.value`), or for anything under it; null when none. */
  readonly at: (path: string) => string | null;
  /** The message for exactly this path, not its items (a list's own limit, not a row's problem). */
  readonly exact: (path: string) => string | null;
  /** Messages for the items of a typed list (`languages`), each prefixed with the item it is about. */
  readonly items: (field: string, values: readonly string[]) => string | null;
  /** The core's issues no field of the form shows (a path the form does not know): listed above Save. */
  readonly unplaced: readonly string[];
  /** The user changed this field: its local messages show from now on, and the core's old ones about it go. */
  readonly touch: (field: string) => void;
  /** A save was tried: every local message shows. */
  readonly submit: () => void;
  /** The core refused the save: its issues show beside their fields. */
  readonly setCoreIssues: (issues: readonly FieldIssue[] | undefined) => void;
}

/** The top-level field of a path: `emails.2.value` → `emails`. */
function topOf(path: string): string {
  return path.split('.')[0] ?? path;
}

/**
 * Which field-level messages a form shows. The schema's issues appear once a field has been changed (nobody is
 * scolded for a form they have not started) and everywhere after a first save; the core's issues (an unknown country,
 * a duplicate e-mail) appear after the save that met them, until their field is changed.
 */
export function useFieldMessages(localIssues: readonly Issue[], fields: readonly string[]): FieldMessages {
  const { t } = useTranslation();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [coreIssues, setCore] = useState<readonly Issue[]>([]);

  const shown = (issue: Issue): boolean => submitted || touched.has(topOf(issue.path));
  const visible = [...localIssues.filter(shown), ...coreIssues];
  const under = (path: string, issue: Issue): boolean => issue.path === path || issue.path.startsWith(`${path}.`);

  return {
    at: (path) => {
      const issue = visible.find((candidate) => under(path, candidate));
      return issue === undefined ? null : issueMessage(issue, t);
    },
    exact: (path) => {
      const issue = visible.find((candidate) => candidate.path === path);
      return issue === undefined ? null : issueMessage(issue, t);
    },
    items: (field, values) => {
      const messages = visible
        .filter((issue) => under(field, issue))
        .map((issue) => {
          const item = values[Number(issue.path.split('.')[1])];
          const message = issueMessage(issue, t);
          return item === undefined ? message : t('directory.issues.item', { item, message });
        });
      return messages.length === 0 ? null : [...new Set(messages)].join(' ');
    },
    unplaced: coreIssues
      .filter((issue) => !fields.includes(topOf(issue.path)))
      .map((issue) => (issue.path === '' ? issueMessage(issue, t) : `${issue.path}: ${issueMessage(issue, t)}`)),
    touch: (field) => {
      setTouched((previous) => (previous.has(field) ? previous : new Set([...previous, field])));
      setCore((previous) => (previous.some((issue) => topOf(issue.path) === field) ? previous.filter((issue) => topOf(issue.path) !== field) : previous));
    },
    submit: () => {
      setSubmitted(true);
    },
    setCoreIssues: (issues) => {
      setCore(issuesFromCore(issues));
    },
  };
}
