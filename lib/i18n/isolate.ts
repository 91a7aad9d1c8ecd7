/**
 * Bidi isolation for text someone else wrote (a handle, a person's name, a note, a page's text).
 * A name can hold right-to-left letters or, in an older ledger or a free-text field, direction
 * controls: shown as is, it reorders the words around it ("alice" next to a right-to-left name can
 * read as another sentence). Isolated, it is laid out on its own and cannot reach out.
 *
 * Plain text (notifications, letters, the evidence report's text) uses `isolate`: FSI…PDI around
 * it. Preact components use <bdi> (components/Isolated.tsx), which does the same in the DOM.
 */

const FSI = '\u2068';
const PDI = '\u2069';
/** Embeddings, overrides and isolates: inside an isolate, an unmatched one could end it early. */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

/** `text` as one isolated run, for plain text: its own direction controls dropped, then FSI…PDI around it. */
export function isolate(text: string): string {
  return `${FSI}${text.replace(DIRECTION_CONTROLS, '')}${PDI}`;
}

/**
 * A sentence split around the strings others wrote in it, for a component to wrap those in <bdi>:
 * `[{ text: 'to ' }, { text: 'bob', foreign: true }]`. Each string is found once, left to right;
 * a string the sentence does not hold is skipped.
 */
export function foreignParts(sentence: string, foreign: readonly (string | undefined)[]): { text: string; foreign: boolean }[] {
  const parts: { text: string; foreign: boolean }[] = [];
  let rest = sentence;
  for (const value of foreign) {
    if (!value) continue;
    const at = rest.indexOf(value);
    if (at < 0) continue;
    if (at > 0) parts.push({ text: rest.slice(0, at), foreign: false });
    parts.push({ text: value, foreign: true });
    rest = rest.slice(at + value.length);
  }
  if (rest) parts.push({ text: rest, foreign: false });
  return parts;
}
