/**
 * Makes user text safe to hand to the iCalendar generator, which escapes `\`, `;`, `,` and line breaks but passes
 * everything else through. RFC 5545 TEXT allows no control characters other than tab, and a lone UTF-16 surrogate
 * cannot be encoded as UTF-8 at all, so both would give a file some readers refuse.
 *
 * Line breaks become `\n`: iCalendar has one escape for a line break, so CRLF and CR cannot survive a round trip
 * as themselves and are normalised up front rather than left to each reader.
 */
export function calendarText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}

/** Joins a list of names for a description line ("Ana Lima, Bo Chen"), skipping blank ones. */
export function nameList(names: readonly string[]): string {
  return names
    .map((name) => calendarText(name).trim())
    .filter((name) => name !== '')
    .join(', ');
}

/**
 * The link a calendar can open (the event's URL), or null when the text is not an http(s) address. Commas,
 * semicolons and backslashes are percent-encoded: the generator escapes them as if URL were a TEXT value, which
 * readers (ical.js among them) keep as literal backslashes in a URI.
 */
export function calendarLink(value: string): string | null {
  const trimmed = value.trim();
  if (!URL.canParse(trimmed)) return null;
  const url = new URL(trimmed);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return url.href.replace(/[,;\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
