import { MEMBER_ROLE, SECRETARIAT_ROLE } from '../couch-names';

/** A database's `_security` object as CouchDB keeps it; other keys are kept as they are. */
export interface SecurityObject {
  readonly members?: SecuritySection;
  readonly admins?: SecuritySection;
  readonly [key: string]: unknown;
}

export interface SecuritySection {
  readonly names?: readonly string[];
  readonly roles?: readonly string[];
  readonly [key: string]: unknown;
}

/**
 * The `_security` a shared database needs, built on what it has: members include the role `focal-point`, admins the
 * role `secretariat`. Names and roles someone added on the server (CouchDB 3 starts a database with the `_admin`
 * role in both) are kept, so running setup again never undoes an administrator's choice. `changed` is false when the
 * object already grants both roles: then nothing is written.
 */
export function withNetworkRoles(current: unknown): { readonly security: SecurityObject; readonly changed: boolean } {
  const base = isRecord(current) ? current : {};
  const members = withRole(base.members, MEMBER_ROLE);
  const admins = withRole(base.admins, SECRETARIAT_ROLE);
  return { security: { ...base, members: members.section, admins: admins.section }, changed: members.changed || admins.changed };
}

function withRole(current: unknown, role: string): { section: SecuritySection; changed: boolean } {
  const section = isRecord(current) ? current : {};
  const roles = Array.isArray(section.roles) ? section.roles.filter((item): item is string => typeof item === 'string') : [];
  if (roles.includes(role)) return { section, changed: false };
  const names = Array.isArray(section.names) ? section.names : [];
  return { section: { ...section, names, roles: [...roles, role] }, changed: true };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
