/**
 * The fields of `next` that differ from `initial`: what an update sends, so that edits made elsewhere to other fields
 * (another window, a sync) are not overwritten with the values this form started from.
 */
export function changedFields<T extends object>(initial: T, next: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(initial[key]) !== JSON.stringify(next[key])) changes[key] = next[key];
  }
  return changes;
}
