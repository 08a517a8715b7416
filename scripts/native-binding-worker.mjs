// Child process of scripts/native-binding-rebuild.mjs: runs @electron/rebuild on one module of a temporary app folder.
// Its stdout and stderr are the log file; its last line on failure is `rebuild failed: <message>`; exit code 0 or 1.
// Argument: JSON { buildPath, electronVersion, arch, moduleName }.

/**
 * @typedef {object} RebuildRequest
 * @property {string} buildPath the temporary app folder whose node_modules holds the copy to build
 * @property {string} electronVersion
 * @property {string} arch
 * @property {string} moduleName
 */

/** @returns {Promise<typeof import('@electron/rebuild').rebuild>} */
async function loadRebuild() {
  try {
    return (await import('@electron/rebuild')).rebuild;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`@electron/rebuild could not be loaded; it comes with electron-builder, run npm ci (${reason})`, {
      cause: error,
    });
  }
}

try {
  const request = /** @type {RebuildRequest} */ (JSON.parse(process.argv[2] ?? '{}'));
  const rebuild = await loadRebuild();
  console.log(`@electron/rebuild: ${request.moduleName} for Electron ${request.electronVersion} (${request.arch})`);
  await rebuild({
    buildPath: request.buildPath,
    // The temporary folder is the whole project: without this, @electron/rebuild would look for node_modules folders
    // (and so modules to rebuild) in every folder above it.
    projectRootPath: request.buildPath,
    electronVersion: request.electronVersion,
    arch: request.arch,
    onlyModules: [request.moduleName],
    force: true,
    // From source: prebuilt downloads come from GitHub, which locked-down machines often cannot reach.
    buildFromSource: true,
    mode: 'sequential',
    // The same variable @electron/rebuild's own CLI reads, for a headers mirror; undefined means electronjs.org.
    headerURL: process.env.ELECTRON_REBUILD_DIST_URL || undefined,
  });
  console.log('rebuild done');
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  console.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
