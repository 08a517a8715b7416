/**
 * The first `maxChars` UTF-16 code units of `text`, one fewer when the cut would split a surrogate pair, so the result
 * is always well-formed.
 */
export function truncateText(text: string, maxChars: number): { readonly text: string; readonly truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  const limit = Math.max(0, maxChars);
  const last = text.charCodeAt(limit - 1);
  const end = limit > 0 && last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit;
  return { text: text.slice(0, end), truncated: true };
}
