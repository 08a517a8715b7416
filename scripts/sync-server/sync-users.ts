/** A server admin's credentials, for the requests that manage users. */
export interface AdminCredentials {
  readonly user: string;
  readonly password: string;
}

/**
 * Creates or updates a CouchDB user (a document in `_users`) with this password and these roles, as the server admin.
 * Works against CouchDB and the local sync server alike. Resolves `created` or `updated`; rejects with a plain message
 * naming the user when the server refuses.
 */
export async function putUser(
  serverUrl: string,
  admin: AdminCredentials,
  name: string,
  password: string,
  roles: readonly string[],
): Promise<'created' | 'updated'> {
  const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
  const docUrl = `${base}_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const headers = {
    authorization: `Basic ${Buffer.from(`${admin.user}:${admin.password}`, 'utf8').toString('base64')}`,
    'content-type': 'application/json',
  };
  const existing = await fetch(docUrl, { headers });
  let current: Record<string, unknown> | undefined;
  if (existing.ok) current = (await existing.json()) as Record<string, unknown>;
  else await existing.arrayBuffer();
  const doc = { ...current, _id: `org.couchdb.user:${name}`, name, password, roles: [...roles], type: 'user' };
  const response = await fetch(docUrl, { method: 'PUT', headers, body: JSON.stringify(doc) });
  const answer = (await response.json().catch(() => ({}))) as { reason?: unknown };
  if (!response.ok) {
    throw new Error(`The server refused to save the user ${name} (HTTP ${response.status}${typeof answer.reason === 'string' ? `: ${answer.reason}` : ''}).`);
  }
  return current === undefined ? 'created' : 'updated';
}
