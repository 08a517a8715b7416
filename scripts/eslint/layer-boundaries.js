// Local ESLint rule enforcing the layering of ../shared/ARCHITECTURE.md ("Folders and who may import whom").
// It resolves every relative import against the importing file, so `../../electron/core/x` is caught however deep.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const repoRoot = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');

/** @typedef {'shared' | 'renderer' | 'core' | 'main' | 'preload' | 'host' | 'cli'} Layer */

/**
 * Layer of a file, by its path inside the repository; null for files outside the layered folders.
 * @param {string} absolutePath
 * @returns {Layer | null}
 */
export function layerOf(absolutePath) {
  const rel = relative(repoRoot, absolutePath).split(sep).join('/');
  if (rel.startsWith('shared/')) return 'shared';
  if (rel.startsWith('renderer/')) return 'renderer';
  for (const shell of /** @type {const} */ (['core', 'main', 'preload', 'host', 'cli'])) {
    if (rel.startsWith(`electron/${shell}/`)) return shell;
  }
  return null;
}

/**
 * Which layers each layer may import, and whether it may use Node built-ins or the `electron` module.
 * @type {Record<Layer, { layers: Layer[], node: boolean, electron: boolean }>}
 */
export const rules = {
  shared: { layers: ['shared'], node: false, electron: false },
  renderer: { layers: ['renderer', 'shared'], node: false, electron: false },
  core: { layers: ['core', 'shared'], node: true, electron: false },
  main: { layers: ['main', 'core', 'shared'], node: true, electron: true },
  preload: { layers: ['preload', 'shared'], node: false, electron: true },
  host: { layers: ['host', 'core', 'shared'], node: true, electron: false },
  cli: { layers: ['cli', 'core', 'shared'], node: true, electron: false },
};

const builtins = new Set(builtinModules);
const sqliteBindings = /^better-sqlite3(-multiple-ciphers)?$/;

/** @param {string} source */
function isNodeBuiltin(source) {
  return source.startsWith('node:') || builtins.has(source.split('/')[0] ?? '');
}

/**
 * Returns a message when `source` imported from `filename` breaks a layering rule, else null.
 * @param {string} filename
 * @param {string} source
 * @returns {string | null}
 */
export function checkImport(filename, source) {
  const from = layerOf(filename);
  if (from === null) return null;
  const rule = rules[from];
  if (source.startsWith('.')) {
    const to = layerOf(resolve(dirname(filename), source));
    if (to === null) return `${from}/ may not import files outside the layered folders (${source}).`;
    if (!rule.layers.includes(to)) return `${from}/ may not import ${to}/ (${source}). See ARCHITECTURE.md.`;
    return null;
  }
  if (source === 'electron' || source.startsWith('electron/')) {
    return rule.electron ? null : `${from}/ may not import Electron; only electron/main and electron/preload may.`;
  }
  if (isNodeBuiltin(source) && !rule.node) return `${from}/ may not import Node built-ins (${source}).`;
  if (sqliteBindings.test(source)) {
    const rel = relative(repoRoot, filename).split(sep).join('/');
    if (!rel.startsWith('electron/core/db/storage/')) return 'Only electron/core/db/storage/ may touch the SQLite binding.';
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import rules between shared/, renderer/ and the electron/ layers' },
    schema: [],
  },
  create(context) {
    /**
     * @param {import('eslint').Rule.Node} node
     * @param {unknown} sourceNode
     */
    const check = (node, sourceNode) => {
      const literal = /** @type {{ type?: string, value?: unknown } | null | undefined} */ (sourceNode);
      if (!literal || literal.type !== 'Literal' || typeof literal.value !== 'string') return;
      const message = checkImport(context.filename, literal.value);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};
