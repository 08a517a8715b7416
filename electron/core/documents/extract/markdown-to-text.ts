/**
 * Markdown reduced to the words a person would search for: markup characters, link targets, HTML tags and
 * comments go; link texts, image descriptions, headings, list items, table cells and code stay. Line structure is
 * kept (one output line per input line, markup-only lines left empty) so snippets still read naturally.
 */
export function markdownToText(markdown: string): string {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split(/\r\n|\r|\n/);
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      // Code is kept verbatim: identifiers and commands are what people search code for.
      const closes = fenceMatch?.[1] !== undefined && fenceMatch[1].startsWith(fence);
      if (closes) fence = null;
      out.push(closes ? '' : line);
      continue;
    }
    if (fenceMatch?.[1] !== undefined) {
      fence = fenceMatch[1];
      out.push('');
      continue;
    }
    out.push(stripLine(line));
  }
  return out.join('\n');
}

function stripLine(line: string): string {
  if (isRuleOrUnderline(line) || isTableDelimiter(line) || /^\s{0,3}\[[^\]^]+\]:\s*\S/.test(line)) return '';
  return decodeEntities(
    stripInline(
      line
        .replace(/^\s{0,3}(>\s?)+/, '')
        .replace(/^\s{0,3}#{1,6}(\s+|$)/, '')
        .replace(/\s+#+\s*$/, '')
        .replace(/^\s*([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/, ''),
    ),
  ).trim();
}

function stripInline(text: string): string {
  return text
    // Escaped characters are literal: park them in the Private Use Area until the markup is gone.
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, (_match, escaped: string) => String.fromCharCode(PARKED + escaped.charCodeAt(0)))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(\s[^>]*)?\/?>/g, ' ')
    .replace(/`+/g, '')
    .replace(/~~/g, '')
    .replace(/\*+/g, '')
    // Underscores mark emphasis only at word edges; snake_case words keep theirs.
    .replace(/(^|[^\p{L}\p{N}_])_+(?=\S)/gu, '$1')
    .replace(/(?<=\S)_+(?=$|[^\p{L}\p{N}_])/gu, '')
    .replace(/\|/g, ' ')
    .replace(/[\uE000-\uE07F]/g, (parked) => String.fromCharCode(parked.charCodeAt(0) - PARKED));
}

const PARKED = 0xe000;

function isRuleOrUnderline(line: string): boolean {
  return /^\s{0,3}([-*_=])(\s*\1){2,}\s*$/.test(line);
}

function isTableDelimiter(line: string): boolean {
  return /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line) && line.includes('-');
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}
