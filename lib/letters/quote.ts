/**
 * Text that came from a page or an import (a handle, the text a page showed, a reference), made
 * safe to quote inside a letter: it can never add a line, a header or a change of writing
 * direction of its own.
 *
 * - Line and paragraph breaks and tabs (CR, LF, VT, FF, NEL, U+2028, U+2029) become one space:
 *   "alice\nBcc: …" stays on the line it was quoted on.
 * - Every other control or format character (C0, C1, bidi embeddings, overrides and isolates,
 *   zero-width characters) becomes U+FFFD, visibly: the reader sees that something was there.
 * - The result is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so right-to-left text
 *   in it cannot reorder the letter around it (Unicode bidi algorithm, UAX #9 §2.4), and then in
 *   the language's quotation marks.
 */

const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
const CONTROLS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
export const ISOLATE = { start: '\u2068', end: '\u2069' } as const;

/** The text with every break made a space and every other control shown as U+FFFD, spaces collapsed. */
export function neutralText(text: string): string {
  return text.replace(BREAKS, ' ').replace(CONTROLS, '\uFFFD').replace(/ {2,}/g, ' ').trim();
}

/** The text quoted as data: neutralised, direction-isolated, between the given marks. */
export function quoteData(text: string, marks: readonly [open: string, close: string]): string {
  return `${marks[0]}${ISOLATE.start}${neutralText(text)}${ISOLATE.end}${marks[1]}`;
}
