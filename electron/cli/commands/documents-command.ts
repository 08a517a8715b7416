import type { DocumentDetail, DocumentFilter, DocumentRow, DocumentSearchResult } from '../../../shared/api/documents';
import { documentKinds, pillars, type DocumentKind, type Pillar } from '../../../shared/schemas/document';
import { call } from '../call';
import type { CliCommand, CliContext } from '../cli-command';
import { CliFailure } from '../cli-io';
import { withCore } from '../open-core';
import { booleanOption, onlyOptions, positionals, stringList, stringOption, usageError } from './cli-args';
import { refuseOutputTarget } from './output-file';
import { downloadVersion, uploadFile } from './documents-transfer';

const FILTER_OPTIONS = ['kind', 'country', 'pillar', 'language', 'year-from', 'year-to', 'include-deleted'] as const;

/** `documents add|list|search|get`: the library, through the same contract methods the app uses. */
export const documentsCommand: CliCommand = {
  name: 'documents',
  summary: 'Add, list, search and retrieve library documents',
  usage: [
    `add FILE [--title T] [--kind ${documentKinds.join('|')}] [--country CC]… [--pillar ${pillars.join('|')}]…`,
    '     [--language TAG] [--date YYYY-MM-DD] [--summary TEXT] [--to ID (adds FILE as a new version of ID)]',
    'list [--kind K]… [--country CC]… [--pillar P]… [--language TAG]… [--year-from Y] [--year-to Y] [--include-deleted]',
    'search TEXT [list filters]   "quoted phrases" match exactly; hits come with a snippet',
    'get ID [--version N] [--out FILE [--force]]   without --out, prints the document; with it, writes the file atomically (an existing FILE is replaced only with --force)',
  ],
  options: {
    title: { type: 'string' },
    kind: { type: 'string', multiple: true },
    country: { type: 'string', multiple: true },
    pillar: { type: 'string', multiple: true },
    language: { type: 'string', multiple: true },
    date: { type: 'string' },
    summary: { type: 'string' },
    to: { type: 'string' },
    'year-from': { type: 'string' },
    'year-to': { type: 'string' },
    'include-deleted': { type: 'boolean' },
    version: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(context) {
    const { args, options } = context;
    switch (args[0]) {
      case 'add': {
        const [file] = positionals(args, 1, 'one file');
        onlyOptions(options, 'documents add', ['title', 'kind', 'country', 'pillar', 'language', 'date', 'summary', 'to']);
        return addDocument(context, file ?? '');
      }
      case 'list': {
        positionals(args, 0, 'no arguments, only filters');
        onlyOptions(options, 'documents list', FILTER_OPTIONS);
        const filter = filterOf(context);
        const listed = await withCore(context.dataDir, context.keyFile, (core) => call(core, 'documents.list', { filter, limit: 500 }));
        context.io.out(context.json ? JSON.stringify(listed, null, 2) : formatRows(listed.rows, listed.total));
        return 0;
      }
      case 'search': {
        const [text] = positionals(args, 1, 'the text to search for (quote it)');
        onlyOptions(options, 'documents search', FILTER_OPTIONS);
        const filter = filterOf(context);
        const result = await withCore(context.dataDir, context.keyFile, async (core) => {
          // Documents added or changed since the index last saw them are indexed first, so the answer is complete.
          await call(core, 'documents.storage', {});
          await core.settle();
          return call(core, 'documents.search', { text: text ?? '', filter, limit: 50 });
        });
        context.io.out(context.json ? JSON.stringify(result, null, 2) : formatHits(result));
        return 0;
      }
      case 'get': {
        const [id] = positionals(args, 1, 'one document id');
        onlyOptions(options, 'documents get', ['version', 'out', 'force']);
        return getDocument(context, id ?? '');
      }
      default:
        throw usageError('Use: documents add|list|search|get (see --help).');
    }
  },
};

async function addDocument(context: CliContext, file: string): Promise<number> {
  const { options } = context;
  const to = stringOption(options, 'to');
  const detail = await withCore(context.dataDir, context.keyFile, async (core) => {
    const uploaded = await uploadFile(core, file);
    if (to !== undefined) return { uploaded, detail: await call(core, 'documents.addVersion', { id: to, uploadId: uploaded.uploadId }) };
    const kinds = stringList(options, 'kind');
    if (kinds.length > 1) throw usageError('documents add takes one --kind.');
    const languages = stringList(options, 'language');
    if (languages.length > 1) throw usageError('documents add takes one --language.');
    const date = stringOption(options, 'date');
    const summary = stringOption(options, 'summary');
    const document = {
      title: stringOption(options, 'title') ?? titleFromFileName(uploaded.fileName),
      // The core checks kind, pillars and countries against their lists and names the valid ones.
      ...(kinds[0] === undefined ? {} : { kind: kinds[0] as DocumentKind }),
      countryIds: stringList(options, 'country'),
      pillars: stringList(options, 'pillar').map((pillar) => pillar.toUpperCase() as Pillar),
      ...(languages[0] === undefined ? {} : { language: languages[0] }),
      ...(date === undefined ? {} : { date }),
      ...(summary === undefined ? {} : { summary }),
    };
    return { uploaded, detail: await call(core, 'documents.create', { document, uploadId: uploaded.uploadId }) };
  });
  const { uploaded } = detail;
  if (context.json) context.io.out(JSON.stringify({ ...detail.detail, uploaded }, null, 2));
  else {
    const latest = detail.detail.versions[0];
    context.io.out(`Added ${uploaded.fileName} to "${detail.detail.document.title}" (${detail.detail.document.id}), version ${latest?.number ?? 1}.`);
    if (uploaded.alreadyIn.length > 0) {
      const where = uploaded.alreadyIn.map((entry) => `"${entry.title}" v${entry.version}`).join(', ');
      context.io.out(`The same file was already in ${where}; it is stored once.`);
    }
  }
  return 0;
}

async function getDocument(context: CliContext, id: string): Promise<number> {
  const out = stringOption(context.options, 'out');
  const versionText = stringOption(context.options, 'version');
  const version = versionText === undefined ? undefined : Number(versionText);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw usageError('--version takes a version number (1, 2, …).');
  const force = booleanOption(context.options, 'force');
  if (out !== undefined) refuseOutputTarget(out, force, 'report.pdf');
  const outcome = await withCore(context.dataDir, context.keyFile, async (core) => {
    const detail = await call(core, 'documents.get', { id });
    if (out === undefined) return { detail, written: null };
    const chosen = version ?? detail.versions[0]?.number;
    if (chosen === undefined || !detail.versions.some((entry) => entry.number === chosen)) {
      throw new CliFailure(`"${detail.document.title}" has no version ${String(version)}.`);
    }
    return { detail, written: await downloadVersion(core, id, chosen, out, force) };
  });
  const { detail, written } = outcome;
  if (context.json) context.io.out(JSON.stringify(written === null ? detail : { ...written, documentId: id }, null, 2));
  else context.io.out(written === null ? formatDetail(detail) : `Wrote ${written.fileName} (${written.bytes} bytes) to ${written.path}.`);
  return 0;
}

function filterOf(context: CliContext): DocumentFilter {
  const { options } = context;
  const year = (name: string): number | undefined => {
    const text = stringOption(options, name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value)) throw usageError(`--${name} takes a year, such as 2012.`);
    return value;
  };
  const kinds = stringList(options, 'kind');
  const countries = stringList(options, 'country');
  const chosenPillars = stringList(options, 'pillar');
  const languages = stringList(options, 'language');
  const yearFrom = year('year-from');
  const yearTo = year('year-to');
  return {
    ...(kinds.length === 0 ? {} : { kinds: kinds as DocumentKind[] }),
    ...(countries.length === 0 ? {} : { countryIds: countries }),
    ...(chosenPillars.length === 0 ? {} : { pillars: chosenPillars.map((pillar) => pillar.toUpperCase() as Pillar) }),
    ...(languages.length === 0 ? {} : { languages }),
    ...(yearFrom === undefined ? {} : { yearFrom }),
    ...(yearTo === undefined ? {} : { yearTo }),
    ...(booleanOption(options, 'include-deleted') ? { includeDeleted: true } : {}),
  };
}

/** "Annual report 2012.pdf" → "Annual report 2012". */
export function titleFromFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return stem.replace(/[_]+/g, ' ').trim() || fileName;
}

function formatRows(rows: readonly DocumentRow[], total: number): string {
  if (rows.length === 0) return 'No documents.';
  const lines = rows.map((row) =>
    [row.id, row.date ?? '          ', row.kind.padEnd(20), row.title, row.latest.available ? '' : '(file not on this device)']
      .filter((part) => part !== '')
      .join('  '),
  );
  if (total > rows.length) lines.push(`… ${total - rows.length} more.`);
  return lines.join('\n');
}

function formatHits(result: DocumentSearchResult): string {
  if (result.hits.length === 0) return 'No documents match.';
  return result.hits
    .map((hit) => {
      const snippet = hit.snippet?.segments.map((segment) => (segment.match ? `[${segment.text}]` : segment.text)).join('') ?? '';
      return `${hit.document.id}  ${hit.document.title}${snippet === '' ? '' : `\n    …${snippet.replace(/\s+/g, ' ')}…`}`;
    })
    .join('\n');
}

function formatDetail(detail: DocumentDetail): string {
  const { document } = detail;
  return [
    `${document.title} (${document.id})`,
    `  kind: ${document.kind}; date: ${document.date ?? 'unknown'}; language: ${document.language || 'unknown'}`,
    `  countries: ${detail.countries.map((country) => country.name || country.id).join(', ') || 'none'}; pillars: ${document.pillars.join(', ') || 'none'}`,
    ...detail.versions.map(
      (version) =>
        `  v${version.number}  ${version.fileName}  ${version.size} bytes  ${version.mediaType}  ${version.available ? 'on this device' : 'not on this device'}  text: ${version.text.state}`,
    ),
  ].join('\n');
}
