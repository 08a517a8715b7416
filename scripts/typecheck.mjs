// Type-checks every folder with its own tsconfig (its own lib/types), so the layering rules hold per folder:
// a DOM call in shared/ or a Node import in renderer/ fails here. Exits non-zero on the first failing project.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const projects = [
  'shared/tsconfig.json',
  'shared/tsconfig.test.json',
  'electron/core/tsconfig.json',
  'electron/main/tsconfig.json',
  'electron/preload/tsconfig.json',
  'electron/host/tsconfig.json',
  'electron/cli/tsconfig.json',
  'renderer/tsconfig.json',
  'renderer/tsconfig.test.json',
  'tests/tsconfig.json',
  'scripts/tsconfig.json',
  'bench/tsconfig.json',
];

let failed = 0;
for (const project of projects) {
  if (!existsSync(project)) {
    console.error(`typecheck: missing ${project}`);
    failed += 1;
    continue;
  }
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--pretty'], {
    stdio: 'inherit',
  });
  if (result.status === 0) console.log(`typecheck: ${project} ok`);
  else failed += 1;
}
if (failed > 0) {
  console.error(`typecheck: ${failed} project(s) failed`);
  process.exit(1);
}
