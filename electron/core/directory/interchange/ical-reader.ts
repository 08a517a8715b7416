import ICAL from 'ical.js';

/**
 * Typed access to ical.js's vCard reading: one content line in, one property out (name, group, parameters, values),
 * parsed by the library with its vCard 4.0 (RFC 6350) or 3.0 (RFC 2426) design set. The line layer (vcard-lines.ts)
 * hands lines over one at a time so that an unreadable line becomes an error naming that line in that card, not the
 * end of the file.
 */

type DesignSet = typeof ICAL.design.vcard;

interface TextValueType {
  readonly fromICAL: (value: string, structuredEscape?: string) => string;
}

/** A value type of our own with no conversion: ical.js hands such values over exactly as written. */
const RAW = 'x-focal-desk-raw';

/**
 * Structured (N, ORG, ADR) and multi-valued (CATEGORIES) properties are read raw and split here: ical.js 2.2 splits
 * them with `helpers.unescapedIndexOf`, which takes the `;` of `\\;` (an escaped backslash, then a separator) for an
 * escaped `;`, so a component ending in a backslash swallows the next one. Each part is then unescaped by the
 * library's own text type. vCard 3.0's NOTE is read as one text, like 4.0's.
 */
const COMPOUND: Readonly<Record<string, { readonly components: boolean; readonly values: boolean }>> = {
  n: { components: true, values: true },
  adr: { components: true, values: true },
  org: { components: true, values: false },
  categories: { components: false, values: true },
};

/**
 * The design sets used here differ from the library's in two ways, without touching its global design: compound
 * properties come raw (above), and every text value unescapes `\;`. ical.js does that only inside structured values,
 * leaving `\;` as two characters in FN, TITLE, NOTE — which cannot be undone afterwards (`\\;`, an escaped backslash
 * then `;`, reads the same) — while RFC 2426 escapes `;` in all text, as Apple and Google do.
 */
function readingDesign(base: DesignSet): { design: DesignSet; text: TextValueType } {
  const values = base.value as Record<string, unknown>;
  const text = values['text'] as TextValueType;
  const unescape: TextValueType = { ...text, fromICAL: (value: string): string => text.fromICAL(value, ';') };
  const properties = base.property as Record<string, unknown>;
  const raw = Object.fromEntries(Object.keys(COMPOUND).map((name) => [name, { defaultType: RAW }]));
  return {
    design: {
      ...base,
      value: { ...values, text: unescape, [RAW]: {} },
      property: { ...properties, ...raw, note: { defaultType: 'text' } },
    },
    text: unescape,
  };
}

const designs = {
  vcard4: readingDesign(ICAL.design.vcard),
  vcard3: readingDesign(ICAL.design.vcard3),
} as const;

/** Which design set reads a card: 4.0, or 3.0 (also used for 2.1 once its quirks are rewritten). */
export type VCardDesign = keyof typeof designs;

/** A property of a card, as read by ical.js. */
export interface VCardProperty {
  /** Lower case, without its group (`email` for `item1.EMAIL`). */
  readonly name: string;
  /** Lower case; '' when none (`item1` for `item1.EMAIL`). */
  readonly group: string;
  /** Lower-case parameter names; every value as written (TYPE=work,pref → ['work', 'pref']). */
  readonly params: ReadonlyMap<string, readonly string[]>;
  /** Its values, unescaped: one, or several for a multi-valued property (CATEGORIES). */
  readonly values: readonly string[];
  /** A structured value's components (N, ORG, ADR), each with its values (N's `Jean,Pierre`); [] for others. */
  readonly components: readonly (readonly string[])[];
  /** 1-based line of the file the property starts on. */
  readonly line: number;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function asParams(raw: unknown): { group: string; params: Map<string, string[]> } {
  const params = new Map<string, string[]>();
  let group = '';
  if (typeof raw !== 'object' || raw === null) return { group, params };
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'group') {
      group = asText(value).toLowerCase();
      continue;
    }
    const list = Array.isArray(value) ? value.map(asText) : [asText(value)];
    params.set(name.toLowerCase(), [...(params.get(name.toLowerCase()) ?? []), ...list]);
  }
  return { group, params };
}

/** Splits escaped text at each `delimiter` that is not escaped (a backslash escapes the character after it). */
export function splitEscaped(raw: string, delimiter: ';' | ','): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw[i];
    if (char === '\\') i += 1;
    else if (char === delimiter) {
      parts.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(raw.slice(start));
  return parts;
}

/**
 * Reads one unfolded content line with ical.js.
 * @throws Error (ical.js's ParserError) when the line is not a vCard property line.
 */
export function readProperty(text: string, design: VCardDesign, line: number): VCardProperty {
  const { design: set, text: textType } = designs[design];
  const jcard: unknown = ICAL.Property.fromString(text, set).toJSON();
  if (!Array.isArray(jcard) || typeof jcard[0] !== 'string') throw new Error('not a vCard property');
  const name = jcard[0].toLowerCase();
  const { group, params } = asParams(jcard[1]);
  const values = jcard.slice(3).map(asText);
  const compound = COMPOUND[name];
  if (compound === undefined || jcard[2] !== RAW) return { name, group, params, values, components: [], line };
  const raw = values.join(',');
  const unescape = (part: string): string => textType.fromICAL(part);
  const split = (part: string): string[] => (compound.values ? splitEscaped(part, ',') : [part]).map(unescape);
  if (!compound.components) return { name, group, params, values: split(raw), components: [], line };
  const components = splitEscaped(raw, ';').map(split);
  return { name, group, params, values: components.map((c) => c.join(',')), components, line };
}

/** The value's text: a multi-valued property's values joined again with ','. */
export function propertyText(property: VCardProperty): string {
  return property.values.join(',');
}

/**
 * The components of a structured value (N, ORG, ADR), each as text; a component holding several values (`Jean,Pierre`)
 * is joined with `join`. A value without `;` is one component.
 */
export function propertyComponents(property: VCardProperty, join = ' '): string[] {
  return property.components.map((component) => component.join(join));
}

/** Values of a parameter, lower-cased (TYPE values compare case-insensitively). */
export function paramValues(property: VCardProperty, name: string): string[] {
  return (property.params.get(name) ?? []).flatMap((value) => value.split(',')).map((value) => value.trim().toLowerCase());
}
