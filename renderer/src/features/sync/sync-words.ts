import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../../shared/api/result';
import { syncProblemKinds, type SyncError, type SyncProblemKind, type SyncState, type SyncStatus } from '../../../../shared/api/sync';
import type { Language } from '../../i18n/i18n';
import { formatCount } from '../directory/format-directory';

export { syncProblemKinds, type SyncProblemKind };

export function isSyncProblemKind(kind: unknown): kind is SyncProblemKind {
  return typeof kind === 'string' && (syncProblemKinds as readonly string[]).includes(kind);
}

const collectionKeys = ['countries', 'organisations', 'contacts', 'documents', 'meetings', 'agendaItems', 'actionItems', 'files', 'server'] as const;
type CollectionKey = (typeof collectionKeys)[number];

/** A collection's name for people (`agendaItems` → "Agenda items"); an unknown one as the core named it. */
export function collectionLabel(collection: string, t: TFunction): string {
  return (collectionKeys as readonly string[]).includes(collection) ? t(`sync.collections.names.${collection as CollectionKey}`) : collection;
}

/** The state in a few words ("Up to date", "Paused"), the same for the whole and for one collection. */
export function stateLabel(state: SyncState, t: TFunction): string {
  return t(`sync.states.${state}`);
}

/** The overall state as the view shows it: during the first sync, how far it has got ("First sync: 120 of 4,000 records"). */
export function statusText(status: Pick<SyncStatus, 'state' | 'firstSync'>, t: TFunction, language: Language): string {
  if (status.state === 'first-sync' && status.firstSync !== null) {
    return t('sync.firstSyncProgress', {
      done: formatCount(status.firstSync.done, language),
      total: formatCount(status.firstSync.total, language),
    });
  }
  return stateLabel(status.state, t);
}

/** What went wrong, in plain words for the kind; the core's English sentence only for a kind not known here. */
export function problemText(error: Pick<SyncError, 'kind' | 'message'>, t: TFunction): string {
  return isSyncProblemKind(error.kind) ? t(`sync.problems.${error.kind}`) : t('sync.problems.other', { message: error.message });
}

/** A problem with the collection or part it concerns first, unless it concerns the server as a whole. */
export function scopedProblemText(error: SyncError, t: TFunction): string {
  const message = problemText(error, t);
  return error.scope === 'server' || error.scope === '' ? message : t('sync.problems.scoped', { scope: collectionLabel(error.scope, t), message });
}

/** The contract's own messages (shared/api/sync.ts), so a field shows them in the user's language. */
const contractMessages: Readonly<Record<string, (t: TFunction) => string>> = {
  'url|Give the server as an http:// or https:// address, without a user name or password in it': (t) => t('sync.issues.url'),
  'url|At most 2,000 characters': (t) => t('sync.issues.urlTooLong'),
  'user|Give the user name': (t) => t('sync.issues.userRequired'),
  'user|At most 200 characters': (t) => t('sync.issues.userTooLong'),
  'password|Give the password': (t) => t('sync.issues.passwordRequired'),
  'password|At most 1,000 characters': (t) => t('sync.issues.passwordTooLong'),
};

/**
 * A problem the core found with a field of the sign-in forms, in the user's language: the sync kind the core gave as
 * its code (a wrong password, an unreachable server), the policy lock, or one of the contract's own messages; any
 * other keeps the core's sentence, which is better than a vague translation.
 */
export function issueText(issue: FieldIssue, t: TFunction): string {
  if (isSyncProblemKind(issue.code)) return t(`sync.problems.${issue.code}`);
  if (issue.code === 'server-locked') return t('sync.issues.serverLocked');
  if (issue.code === 'not-in-conflict') return t('sync.issues.notInConflict', { field: issue.path });
  return contractMessages[`${issue.path}|${issue.message}`]?.(t) ?? issue.message;
}

/**
 * Why a call failed, for the line above a form: the first issue's sync kind when it has one (so "wrong password"
 * reads the same wherever it comes from), else the core's sentence.
 */
export function failureText(error: { readonly message: string; readonly issues?: readonly FieldIssue[] | undefined }, t: TFunction): string {
  const kind = error.issues?.find((issue) => isSyncProblemKind(issue.code))?.code;
  return isSyncProblemKind(kind) ? t(`sync.problems.${kind}`) : error.message;
}
