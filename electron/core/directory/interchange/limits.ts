/** Longest physical line accepted in an import file (1 MiB, in UTF-8 octets). Checked before any parsing. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Most records (cards or CSV rows) one import file may hold. */
export const MAX_RECORDS = 20_000;
