import { describe, expect, it } from 'vitest';
import { withNetworkRoles } from './security-object';

describe('withNetworkRoles', () => {
  it('grants members the focal-point role and admins the secretariat role on an empty object', () => {
    expect(withNetworkRoles({})).toEqual({
      security: { members: { names: [], roles: ['focal-point'] }, admins: { names: [], roles: ['secretariat'] } },
      changed: true,
    });
    expect(withNetworkRoles(undefined).changed).toBe(true);
  });

  it("keeps what an administrator set (CouchDB 3's default _admin role, names, other keys)", () => {
    const couchDefault = { members: { roles: ['_admin'] }, admins: { names: ['ops'], roles: ['_admin'] }, note: 'kept' };
    expect(withNetworkRoles(couchDefault)).toEqual({
      security: {
        members: { names: [], roles: ['_admin', 'focal-point'] },
        admins: { names: ['ops'], roles: ['_admin', 'secretariat'] },
        note: 'kept',
      },
      changed: true,
    });
  });

  it('changes nothing once both roles are there', () => {
    const done = { members: { roles: ['focal-point'] }, admins: { names: [], roles: ['secretariat'] } };
    expect(withNetworkRoles(done)).toEqual({ security: done, changed: false });
  });
});
