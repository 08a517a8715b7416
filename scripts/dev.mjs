// npm run dev: builds everything, starts Electron, and rebuilds the renderer on every change (`vite build --watch`);
// reload the window (View › Reload) to see it. Changes to electron/main or electron/preload need a restart.
// Without Electron's binary it falls back exactly like `npm start`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { prepareApp, root, runElectron } from './start.mjs';

async function main() {
  const args = process.argv.slice(2);
  const prepared = await prepareApp(args);
  if ('exitCode' in prepared) return prepared.exitCode;

  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const watcher = spawn(
    process.execPath,
    [vite, 'build', '--watch', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  try {
    return await runElectron(prepared.electronPath, prepared.electronArgs, prepared.electronEnv);
  } finally {
    watcher.kill();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`Focal Desk: could not start (${error instanceof Error ? error.message : String(error)})`);
  process.exitCode = 1;
}
