/**
 * The ledger's events: what each kind holds, as zod schemas.
 * Only the fields named here are ever stored (every object is strict), so nothing a page
 * shows beyond them (tokens, cookies, emails, media, HTML) can reach the ledger.
 */
// zod/mini: the same checks as zod at a fraction of the size (the popup and background have budgets).
import type { SchemaReason } from '../i18n/schema-says';
import * as z from 'zod/mini';
import { isKeptAddress, PLATFORMS } from '../copies/address';
import { TAKEDOWN_ROUTES } from '../copies/routes';
import { LAWS } from '../facts/policies';

export const SERVICES = ['sora', 'chatgpt', 'api-platform'] as const;
export const Service = z.enum(SERVICES);
export type Service = z.infer<typeof Service>;

/** Bidi controls: they reorder what is shown around them (U+061C, U+200E–F, U+202A–E, U+2066–9). */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Control characters (Cc) and the line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/**
 * Invisible format characters (Cf: zero-width space, joiners, word joiner, byte-order mark, soft
 * hyphen, tags…), except a zero-width joiner inside an emoji sequence (👩‍💻), which a display name can hold.
 */
const INVISIBLE = /(?!(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic}))\p{Cf}/u;

/**
 * A handle as the service shows it (a username, or the account's display label). Stored in one
 * Unicode form (NFC), so that "é" typed two ways is one person; characters that make one name look
 * like another, or hide in it, are refused with the reason: "alice" with a zero-width space or a
 * direction mark is not a second alice.
 */
export const Handle = z
  .string()
  .check(
    z.trim(),
    z.normalize('NFC'),
    z.minLength(1, 'a handle cannot be empty'),
    z.maxLength(100, 'a handle has at most 100 characters'),
    z.refine((h) => !BIDI_CONTROL.test(h), 'issueHandleBidi' satisfies SchemaReason),
    z.refine((h) => !CONTROL.test(h), 'issueHandleControl' satisfies SchemaReason),
    z.refine((h) => !INVISIBLE.test(h), 'issueHandleInvisible' satisfies SchemaReason),
  );

export { UNKNOWN_HANDLE } from './unknown-handle';

export const Account = z.strictObject({ service: Service, handle: Handle });
export type Account = z.infer<typeof Account>;

export const AUDIENCES = ['only-me', 'people-i-approve', 'mutuals', 'everyone'] as const;
export const Audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof Audience>;

export const SOURCES = ['page', 'network', 'manual', 'import'] as const;
export const EventSource = z.enum(SOURCES);
export type EventSource = z.infer<typeof EventSource>;

/**
 * How sure we are that the action happened: a successful request seen in network traffic
 * confirms it; a page signal alone was only seen on the page; a manual entry is the user's word.
 */
export const CERTAINTIES = ['confirmed', 'seen-on-page', 'stated-by-user'] as const;
export const Certainty = z.enum(CERTAINTIES);
export type Certainty = z.infer<typeof Certainty>;

/** Milliseconds since the epoch; bounded so that a typo cannot put an event in year 30000. */
export const Instant = z
  .int()
  .check(
    z.gte(Date.UTC(2000, 0, 1), 'dates before 2000 are not plausible'),
    z.lte(Date.UTC(2200, 0, 1), 'dates after 2200 are not plausible'),
  );

const EventId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'an event id is 8 to 64 letters, digits, - or _'));

/** A page URL with its query and fragment removed: they can carry tokens and search terms. */
export const EvidenceUrl = z
  .url({ protocol: /^https?$/ })
  .check(
    z.maxLength(2048),
    z.refine((u) => !u.includes('?') && !u.includes('#'), 'issueEvidenceUrlQuery' satisfies SchemaReason),
  );

export const Evidence = z.strictObject({
  url: z.optional(EvidenceUrl),
  /** The id of the detection rule that fired. */
  rule: z.optional(z.string().check(z.maxLength(100))),
  /** The text the user was shown, trimmed. */
  shownText: z.optional(z.string().check(z.maxLength(500))),
});
export type Evidence = z.infer<typeof Evidence>;

/**
 * Where an imported event came from: the file's name, when it was imported, and whether the file's
 * fingerprint chain checked out (`none`: the file had none, an older report). Kept through later
 * exports, so an imported event is never taken for one this browser saw.
 */
export const Imported = z.strictObject({
  file: z.string().check(z.minLength(1), z.maxLength(255)),
  at: Instant,
  fingerprint: z.enum(['verified', 'unverified', 'none']),
});
export type Imported = z.infer<typeof Imported>;

const Person = Handle;
const ShortText = z.string().check(z.trim(), z.maxLength(2000));
const Link = z.url({ protocol: /^https$/ }).check(z.maxLength(2048));
const CameoId = z.optional(z.string().check(z.maxLength(100)));
/**
 * Where a copy of the likeness was seen: http(s) only, no fragment, no query beyond the
 * platform's identity parameters (lib/copies/address.ts), so an address from a context-menu
 * click or an import can carry neither a script nor a token.
 */
export const SightingAddress = z
  .string()
  .check(z.maxLength(2048), z.refine(isKeptAddress, 'issueSightingAddress' satisfies SchemaReason));
/** A SHA-256 digest in hex: what is kept of a screenshot (the image never is). */
const Sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest is 64 lower-case hex digits'));

/**
 * Details per kind. Adding a kind is one entry here and one in lib/ledger/event-kinds.ts `KINDS` (who
 * writes it, where it shows); then the type check names the two switches that must say what the
 * new kind is about: its fact's key (lib/ledger/fact-key.ts `subject`) and its words (components/text.ts
 * `eventSubject`). It fails until all four are there.
 */
export const DETAILS = {
  'cameo-created': z.strictObject({ cameoId: CameoId }),
  'audience-changed': z.strictObject({ before: z.optional(Audience), after: Audience }),
  'access-granted': z.strictObject({ person: Person }),
  'access-revoked': z.strictObject({ person: Person }),
  'restrictions-changed': z.strictObject({ restrictions: ShortText }),
  'appearance-seen': z.strictObject({
    by: Person,
    where: z.enum(['draft', 'post']),
    link: z.optional(Link),
  }),
  'cameo-deleted': z.strictObject({ cameoId: CameoId }),
  'account-deletion-requested': z.strictObject({ linkedAccounts: z.array(Service).check(z.maxLength(3)) }),
  'deletion-warning-shown': z.strictObject({ choice: z.enum(['go-back', 'continue']) }),
  'data-export-requested': z.strictObject({}),
  'data-export-received': z.strictObject({}),
  'privacy-request-sent': z.strictObject({
    law: z.enum(LAWS),
    channel: z.enum(['privacy-portal', 'email', 'other']),
    request: z.enum(['erasure', 'access', 'other']),
    reference: z.optional(z.string().check(z.maxLength(200))),
  }),
  'privacy-answer-received': z.strictObject({
    request: EventId,
    outcome: z.enum(['done', 'refused', 'extended', 'other']),
  }),
  'purge-verified': z.strictObject({ window: EventId }),
  'follow-up-sent': z.strictObject({
    window: EventId,
    law: z.enum(LAWS),
    to: z.enum(['openai-privacy', 'authority']),
  }),
  /** A copy of the user's likeness seen elsewhere; `occurredAt` is when it was seen. */
  'sighting-logged': z.strictObject({
    address: SightingAddress,
    platform: z.enum(PLATFORMS),
    shows: z.enum(['face', 'voice', 'both']),
    madeWith: z.enum(['sora', 'other', 'unknown']),
    screenshotSha256: z.optional(Sha256),
  }),
  /** A takedown notice sent about a sighting: starts the route's clock (lib/copies/routes.ts). */
  'takedown-requested': z.strictObject({
    sighting: EventId,
    route: z.enum(TAKEDOWN_ROUTES),
    /** For a route without a stated clock: when the user wants to be reminded, in days. */
    remindInDays: z.optional(z.int().check(z.gte(1), z.lte(365))),
    reference: z.optional(z.string().check(z.maxLength(200))),
  }),
  /** How a takedown ended: the user checked the copy is gone, or the platform refused. */
  'takedown-outcome': z.strictObject({ request: EventId, outcome: z.enum(['gone-verified', 'refused']) }),
  note: z.strictObject({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)), about: z.optional(EventId) }),
  /** A retraction: the target no longer counts. The target itself is kept, so history stays. */
  'entry-removed': z.strictObject({ target: EventId, reason: z.optional(z.string().check(z.maxLength(500))) }),
  /** The user's verdict on something that was only seen on a page. */
  'observation-reviewed': z.strictObject({ target: EventId, verdict: z.enum(['confirmed', 'dismissed']) }),
  /**
   * The user's name for an account whose pages show no handle (ChatGPT: "Work", or its email):
   * shown instead of "unknown" for all its entries, earlier ones too, which stay as recorded.
   */
  'account-named': z.strictObject({ name: Handle }),
} as const;

export type EventKind = keyof typeof DETAILS;
export const EVENT_KINDS = Object.keys(DETAILS) as EventKind[];

const base = {
  /** Stable id, kept across export and import. */
  id: EventId,
  /** Derived from the fact itself, so one action reported twice is recorded once. */
  key: z.string().check(z.minLength(1), z.maxLength(400)),
  occurredAt: Instant,
  /**
   * How exactly the user knows when it happened: 'month' for "October 2025" (stored at noon UTC on
   * the month's first day, lib/deadlines/month-precision.ts). Absent means to the moment.
   */
  occurredPrecision: z.optional(z.enum(['day', 'month'])),
  recordedAt: Instant,
  account: Account,
  source: EventSource,
  certainty: Certainty,
  evidence: Evidence,
  /** The id of the event this one corrects (an edit of a manual entry, say). */
  supersedes: z.optional(EventId),
  /** Set by import only: the event came from a report file, not from this browser (lib/report/import.ts). */
  imported: z.optional(Imported),
};

type KindSchema<K extends EventKind> = z.ZodMiniObject<
  typeof base & { kind: z.ZodMiniLiteral<K>; details: (typeof DETAILS)[K] },
  z.core.$strict
>;

function kindSchema<K extends EventKind>(kind: K): KindSchema<K> {
  return z.strictObject({ ...base, kind: z.literal(kind), details: DETAILS[kind] }) as KindSchema<K>;
}

export const LedgerEvent = z.discriminatedUnion(
  'kind',
  EVENT_KINDS.map(kindSchema) as unknown as [KindSchema<EventKind>, ...KindSchema<EventKind>[]],
);

/** An event of one kind, with its details typed. */
export type EventOf<K extends EventKind> = z.infer<KindSchema<K>>;
export type LedgerEvent = { [K in EventKind]: EventOf<K> }[EventKind];
export type DetailsOf<K extends EventKind> = z.infer<(typeof DETAILS)[K]>;

/** What a content script, the background's network watcher or a form supplies; the ledger fills in the rest. */
export type NewEvent = {
  [K in EventKind]: Omit<EventOf<K>, 'id' | 'recordedAt' | 'key' | 'certainty'> & { key?: string };
}[EventKind];

export const SCHEMA_VERSION = 1;

/** Strips a URL's query and fragment, for evidence. Returns undefined for what is not an http(s) URL. */
export function evidenceUrl(raw: string): string | undefined {
  try {
    const u = new URL(raw);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return `${u.origin}${u.pathname}`;
  } catch {
    return undefined;
  }
}
