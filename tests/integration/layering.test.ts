import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImport, layerBoundaries } from '../../scripts/eslint/layer-boundaries.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// Probes live inside the repository (so packages resolve as they would for real code) but outside every layer.
const probeRoot = join(repoRoot, 'tests', '.probes', String(process.pid));

afterAll(() => {
  rmSync(probeRoot, { recursive: true, force: true });
});

/** Compiles one probe file under a layer's own tsconfig and returns the diagnostics' messages. */
function compileUnder(layerTsconfig: string, source: string, extension = 'ts'): string[] {
  const dir = join(probeRoot, layerTsconfig.replaceAll('/', '_'));
  mkdirSync(dir, { recursive: true });
  const probe = join(dir, `probe.${extension}`);
  writeFileSync(probe, source);
  const config = ts.readConfigFile(join(repoRoot, layerTsconfig), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(repoRoot, layerTsconfig, '..'));
  const program = ts.createProgram({ rootNames: [probe], options: parsed.options });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('per-folder tsconfigs', () => {
  it('compile a pure probe cleanly (so the failures below are about the layer, not the harness)', () => {
    expect(compileUnder('shared/tsconfig.json', 'export const pillars: readonly string[] = ["I", "II", "III"];\n')).toEqual([]);
  });

  it('reject the DOM and Node in shared/', () => {
    expect(compileUnder('shared/tsconfig.json', 'export const title = document.title;\n').join('\n')).toMatch(
      /Cannot find name 'document'/,
    );
    expect(
      compileUnder('shared/tsconfig.json', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n").join('\n'),
    ).toMatch(/Cannot find (module|name) 'node:fs'/);
    expect(compileUnder('shared/tsconfig.json', 'export const cwd = process.cwd();\n').join('\n')).toMatch(
      /Cannot find name 'process'/,
    );
  });

  it('reject Node in renderer/ but allow the DOM', () => {
    expect(compileUnder('renderer/tsconfig.json', 'export const title = document.title;\n')).toEqual([]);
    expect(
      compileUnder('renderer/tsconfig.json', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n").join('\n'),
    ).toMatch(/Cannot find (module|name) 'node:fs'/);
  });

  it('reject the DOM in electron/core', () => {
    expect(compileUnder('electron/core/tsconfig.json', 'export const title = document.title;\n').join('\n')).toMatch(
      /Cannot find name 'document'/,
    );
  });
});

describe('layer-boundaries lint rule', () => {
  const at = (path: string) => join(repoRoot, path);

  it.each([
    ['shared/api/x.ts', 'electron', /may not import Electron/],
    ['shared/api/x.ts', 'node:fs', /may not import Node built-ins/],
    ['shared/api/x.ts', 'fs', /may not import Node built-ins/],
    ['shared/api/x.ts', '../../renderer/src/main', /shared\/ may not import renderer\//],
    ['renderer/src/x.ts', 'electron', /may not import Electron/],
    ['renderer/src/x.ts', 'node:path', /Node built-ins/],
    ['renderer/src/a/x.ts', '../../../electron/core/app', /renderer\/ may not import core\//],
    ['electron/core/x.ts', 'electron', /may not import Electron/],
    ['electron/core/x.ts', '../main/window', /core\/ may not import main\//],
    ['electron/main/x.ts', '../host/server', /main\/ may not import host\//],
    ['electron/host/x.ts', '../cli/run-cli', /host\/ may not import cli\//],
    ['electron/cli/x.ts', '../main/ipc', /cli\/ may not import main\//],
    ['electron/preload/x.ts', '../core/app', /preload\/ may not import core\//],
    ['electron/core/db/x.ts', 'better-sqlite3', /Only electron\/core\/db\/storage/],
  ])('%s importing %s is refused', (file, source, message) => {
    expect(checkImport(at(file), source)).toMatch(message);
  });

  it.each([
    ['shared/api/x.ts', 'zod'],
    ['shared/api/x.ts', './result'],
    ['renderer/src/x.ts', '../../shared/api/contract'],
    ['electron/core/x.ts', 'node:fs'],
    ['electron/main/x.ts', 'electron'],
    ['electron/main/x.ts', '../core/app'],
    ['electron/preload/x.ts', '../../shared/api/bridge'],
    ['electron/host/x.ts', '../core/app'],
    ['electron/core/db/storage/x.ts', 'better-sqlite3'],
  ])('%s importing %s is allowed', (file, source) => {
    expect(checkImport(at(file), source)).toBeNull();
  });

  it('reports through ESLint on imports, re-exports, dynamic imports and require', () => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { focal: { rules: { 'layer-boundaries': layerBoundaries } } },
        rules: { 'focal/layer-boundaries': 'error' },
      },
    ];
    const code = [
      "import { app } from 'electron';",
      "export * from 'node:fs';",
      "export const later = () => import('../../renderer/src/main');",
      "const path = require('node:path');",
      "import { ok } from './result';",
    ].join('\n');
    const messages = linter.verify(code, config, { filename: at('shared/api/probe.ts') });
    expect(messages.map((message) => message.line)).toEqual([1, 2, 3, 4]);
  });

  it('is switched on for every TypeScript file by the repository’s eslint.config.js', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    for (const file of ['shared/api/contract.ts', 'renderer/src/main.tsx', 'electron/core/app.ts', 'electron/cli/index.ts']) {
      const config = (await eslint.calculateConfigForFile(at(file))) as { rules: Record<string, unknown> };
      expect(config.rules['focal/layer-boundaries']).toEqual([2]);
    }
  });
});
