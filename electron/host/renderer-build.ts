import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:renderer` writes the page the host serves. */
export const DEFAULT_RENDERER_ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** The renderer has not been built, so there is no page to serve. */
export class RendererMissingError extends Error {
  constructor(readonly indexPath: string) {
    super(`The built renderer is missing (${indexPath} does not exist). Run npm run build:renderer first.`);
    this.name = 'RendererMissingError';
  }
}

/** Fails before anything else starts (and before the data directory is locked) when there is nothing to serve. */
export function assertRendererBuilt(rendererRoot: string): void {
  const indexPath = join(rendererRoot, 'index.html');
  if (!existsSync(indexPath)) throw new RendererMissingError(indexPath);
}
