/**
 * Saves text as a file through the browser's download: a Blob, an object URL and a temporary `<a download>`. The
 * same works in Electron's window, whose session turns it into a save. The URL is revoked once the click is handled.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked on the next task: the download has started from the URL by then.
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 0);
  }
}

/** `focal-desk-contacts-2025-03-04.vcf`: a name that sorts by date and says what it holds. */
export function exportFileName(now: Date): string {
  return `focal-desk-contacts-${now.toISOString().slice(0, 10)}.vcf`;
}
