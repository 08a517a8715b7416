/**
 * The contract's method names, without their schemas. The sandboxed preload builds `window.focal` from this list
 * alone, so it does not bundle the schema library; contract.ts fails to compile unless its keys are exactly these.
 */
export const methodNames = ['app.info', 'app.ping', 'app.lockState', 'app.unlock', 'app.setPassphrase'] as const;

export type MethodNameList = (typeof methodNames)[number];
