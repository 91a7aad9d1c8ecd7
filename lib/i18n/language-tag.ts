/**
 * A language tag's primary subtag, as the letters, the in-page texts and the UI's locale pick a
 * language by it: lower-cased, before the region ("de-AT", "de_AT", "DE" → "de"); "" for none.
 */
export const primarySubtag = (tag: string | null | undefined): string => tag?.toLowerCase().split(/[-_]/)[0] ?? '';
