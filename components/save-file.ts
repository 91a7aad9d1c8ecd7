/**
 * Saves text as a file through the browser's own download (a blob: URL, no network): the letter's
 * text file, the calendar file. The URL is kept for a minute, since Firefox reads it after the
 * click returns.
 */
const KEEP_URL_MS = 60_000;

export function saveFile(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
}
