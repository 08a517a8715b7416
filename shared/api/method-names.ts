/**
 * The contract's method names, without their schemas. The sandboxed preload builds `window.focal` from this list
 * alone, so it does not bundle the schema library; contract.ts fails to compile unless its keys are exactly these.
 */
export const methodNames = [
  'app.info',
  'app.ping',
  'app.lockState',
  'app.unlock',
  'app.setPassphrase',
  'directory.status',
  'directory.seed',
  'directory.countries.list',
  'directory.countries.get',
  'directory.countries.update',
  'directory.organisations.list',
  'directory.organisations.get',
  'directory.organisations.create',
  'directory.organisations.update',
  'directory.organisations.delete',
  'directory.organisations.restore',
  'directory.contacts.get',
  'directory.contacts.create',
  'directory.contacts.update',
  'directory.contacts.delete',
  'directory.contacts.restore',
  'directory.contacts.watch',
  'directory.contacts.rewatch',
  'directory.contacts.unwatch',
  'directory.search',
  'directory.import.preview',
  'directory.import.commit',
  'directory.export.vcard',
] as const;

export type MethodNameList = (typeof methodNames)[number];
