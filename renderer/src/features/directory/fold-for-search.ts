/** Text as a search compares it: without accents and in lower case, so "cote" finds "Côte d'Ivoire". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}
