import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { ContactFilter, CsvTargetField, ImportPreview, ImportRowPreview } from '../../../shared/api/directory';
import { csvTargetFields } from '../../../shared/api/directory';
import { decodeImportBytes, InterchangeFileError } from '../../core/directory/interchange';
import { call } from '../call';
import type { CliContext } from '../cli-command';
import { CliFailure, EXIT_FAILED } from '../cli-io';
import { withCore } from '../open-core';
import { booleanOption, stringList, stringOption, usageError } from './cli-args';
import { refuseOutputTarget, writeOutputText } from './output-file';

/** The contract's bound on an imported file's text. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const DELIMITERS = { ',': ',', ';': ';', '|': '|', tab: '\t', '\\t': '\t', '\t': '\t' } as const;

/**
 * `contacts import FILE`: previews the file in the core and, when no record is in error and `--dry-run` is not given,
 * commits the preview — all or nothing. Records in error are printed with their line; then nothing is written and the
 * exit code is 1.
 */
export async function importContacts(context: CliContext, file: string): Promise<number> {
  const { io, json, options } = context;
  const path = resolve(file);
  const format = formatOf(path);
  const mapping = parseMapping(stringList(options, 'map'));
  const delimiter = delimiterOf(stringOption(options, 'delimiter'));
  if (format === 'vcard' && (mapping !== undefined || delimiter !== undefined)) throw usageError('--map and --delimiter are for CSV files.');
  const text = readImportText(path);
  const dryRun = booleanOption(options, 'dry-run');

  const outcome = await withCore(context.dataDir, context.keyFile, async (core) => {
    const preview = await call(core, 'directory.import.preview', {
      format,
      text,
      ...(mapping === undefined ? {} : { mapping }),
      ...(delimiter === undefined ? {} : { delimiter }),
    }).catch((error: unknown) => {
      // The core's message says what is wrong with the file and where; the file's name says which file.
      throw error instanceof CliFailure ? new CliFailure(`${basename(path)}: ${error.message}`, error.exitCode) : error;
    });
    if (dryRun || preview.counts.error > 0) return { preview, report: null };
    return { preview, report: await call(core, 'directory.import.commit', { previewId: preview.previewId }) };
  });

  const { preview, report } = outcome;
  if (json) io.out(JSON.stringify({ file: path, dryRun, preview, report }, null, 2));
  else for (const line of describePreview(preview, dryRun)) io.out(line);
  if (preview.counts.error > 0) {
    throw new CliFailure(`${preview.counts.error} record(s) of ${basename(path)} are in error (lines above); nothing was imported.`, EXIT_FAILED);
  }
  if (!json) {
    const counts = preview.counts;
    io.out(
      report === null
        ? `Dry run: would create ${counts.create}, update ${counts.update} and skip ${counts.skip} contact(s); nothing was written.`
        : `Imported ${basename(path)}: ${report.created} created, ${report.updated} updated, ${report.skipped} skipped.`,
    );
  }
  return 0;
}

/** `contacts export --out FILE.vcf [--force]`: vCard 4.0 of the contacts a filter selects, written atomically; an existing file is replaced only with --force. */
export async function exportContacts(context: CliContext, filter: ContactFilter): Promise<number> {
  const out = stringOption(context.options, 'out');
  if (out === undefined || out === '') throw usageError('Give the file to write with --out FILE.vcf.');
  const path = resolve(out);
  const force = booleanOption(context.options, 'force');
  refuseOutputTarget(path, force, 'contacts.vcf');
  const exported = await withCore(context.dataDir, context.keyFile, (core) => call(core, 'directory.export.vcard', { filter }));
  writeOutputText(path, exported.text, force, 'contacts.vcf');
  context.io.out(context.json ? JSON.stringify({ file: path, count: exported.count }, null, 2) : `Exported ${exported.count} contact(s) to ${path}.`);
  return 0;
}

function formatOf(path: string): 'vcard' | 'csv' {
  const extension = extname(path).toLowerCase();
  if (extension === '.vcf' || extension === '.vcard') return 'vcard';
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return 'csv';
  throw usageError(`${basename(path)}: import a .vcf (vCard) or .csv file.`);
}

/** `--map "Header=field,Other=field"` (repeatable); the last `=` splits, so a header may contain one. */
function parseMapping(values: readonly string[]): Record<string, CsvTargetField | 'ignore'> | undefined {
  if (values.length === 0) return undefined;
  const targets = new Set<string>([...csvTargetFields, 'ignore']);
  const mapping: Record<string, CsvTargetField | 'ignore'> = {};
  for (const pair of values.flatMap((value) => value.split(','))) {
    if (pair.trim() === '') continue;
    const at = pair.lastIndexOf('=');
    const header = pair.slice(0, at).trim();
    const target = pair.slice(at + 1).trim();
    if (at <= 0 || !targets.has(target)) {
      throw usageError(`--map ${pair}: use "Header=field" with field one of ${[...targets].join(', ')}.`);
    }
    mapping[header] = target as CsvTargetField | 'ignore';
  }
  return mapping;
}

function delimiterOf(value: string | undefined): ',' | ';' | '\t' | '|' | undefined {
  if (value === undefined) return undefined;
  if (Object.hasOwn(DELIMITERS, value)) return DELIMITERS[value as keyof typeof DELIMITERS];
  throw usageError(`--delimiter ${JSON.stringify(value)}: use , ; | or tab.`);
}

/** The file's text: UTF-8 or UTF-16 with a byte-order mark; anything else is refused with what was found. */
function readImportText(path: string): string {
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_IMPORT_BYTES) throw new CliFailure(`${basename(path)} is larger than 20 MB; split it and import the parts.`);
    bytes = readFileSync(path);
  } catch (error: unknown) {
    if (error instanceof CliFailure) throw error;
    throw new CliFailure(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return decodeImportBytes(bytes);
  } catch (error: unknown) {
    if (error instanceof InterchangeFileError) {
      const where = error.line === null || /\bline \d/i.test(error.message) ? '' : ` (line ${error.line})`;
      throw new CliFailure(`${basename(path)}: ${error.message}${where}`);
    }
    throw error;
  }
}

/** The records in error, with their line; with `everyRow` (a dry run), what would happen to each record. */
function describePreview(preview: ImportPreview, everyRow: boolean): string[] {
  return preview.rows.filter((row) => everyRow || row.action === 'error').map(describeRow);
}

function describeRow(row: ImportRowPreview): string {
  const name = row.displayName === '' ? '' : ` (${row.displayName})`;
  const messages = row.messages.length === 0 ? '' : `: ${row.messages.join('; ')}`;
  return `line ${row.line}, record ${row.record}${name}: ${row.action}${messages}`;
}
