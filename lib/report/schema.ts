/**
 * The report file: one JSON document that holds a ledger (or part of it), what was derived from
 * it and the policies behind the derivations. docs/report.schema.json is generated from these
 * schemas (`npx vite-node scripts/write-report-schema.ts`), so anyone can check a report without
 * the extension; a unit test fails when the two drift apart.
 *
 * The events are the ledger's own (lib/ledger/events.ts) with one change: instants are ISO 8601 with
 * the offset of the zone the report was made in, instead of epoch milliseconds.
 *
 * Folder lib/report/: the report file (JSON): its schema, export, import (everything checked before
 * anything is written), older versions, redaction for sharing, the scope chosen, and instants in
 * the reader's zone.
 */
import type { SchemaReason } from '../i18n/schema-says';
import * as z from 'zod/mini';
import { Account, AUDIENCES, Imported, Instant, LedgerEvent, type EventKind, type EventOf } from '../ledger/events';
import { TAKEDOWN_ROUTES } from '../copies/routes';
import { LAWS, RETENTION_POLICIES, SORA_CLOSURE_WINDOW, type WindowKind } from '../facts/policies';
import { isTimeZone } from '../settings/settings';
import type { WindowStatus } from '../deadlines/windows';

export const REPORT_FORMAT = 'likeness-ledger-report';
/** Raise it with every change to the file's shape, and add the step from the previous one in upgrade.ts. */
export const REPORT_VERSION = 2;

export const IsoInstant = z.iso.datetime({ offset: true }).check(
  // Text that is no date at all is the format check's to report, once.
  z.refine((s) => Number.isNaN(Date.parse(s)) || Instant.safeParse(Date.parse(s)).success, 'issueDateRange' satisfies SchemaReason),
  z.meta({ id: 'instant', description: 'ISO 8601 date-time with offset, e.g. 2025-10-03T14:02:00.000+02:00' }),
);

const EventId = LedgerEvent.def.options[0].shape.id;

/** A ledger event as written in a report: the ledger's fields, instants as ISO 8601. */
export type ReportEvent = {
  [K in EventKind]: Omit<EventOf<K>, 'occurredAt' | 'recordedAt' | 'imported'> & {
    occurredAt: string;
    recordedAt: string;
    imported?: Omit<Imported, 'at'> & { at: string };
  };
}[EventKind];

/** The import mark, with its instant as ISO 8601 like every other. */
const ReportImported = z.extend(Imported, { at: IsoInstant });

export const ReportEvent = z.discriminatedUnion(
  'kind',
  LedgerEvent.def.options.map((kind) => z.extend(kind, { occurredAt: IsoInstant, recordedAt: IsoInstant, imported: z.optional(ReportImported) })) as unknown as [
    z.ZodMiniObject,
    ...z.ZodMiniObject[],
  ],
) as unknown as z.ZodMiniType<ReportEvent>;

const Duration = z
  .strictObject({
    months: z.optional(z.int().check(z.nonnegative())),
    days: z.optional(z.int().check(z.nonnegative())),
  })
  .check(z.meta({ id: 'duration', description: 'A length of time in calendar months and days, counted in the report\'s time zone' }));

const Source = z
  .strictObject({
    url: z.optional(z.url({ protocol: /^https$/ })),
    title: z.string(),
    /** The day the fact was last checked against its source. */
    asOf: z.iso.date(),
    confidence: z.enum(['confirmed', 'secondary', 'inferred']),
  })
  .check(z.meta({ id: 'source', description: 'Where a fact about OpenAI or the law comes from, and when it was last checked' }));

const WINDOW_KINDS = Object.keys(RETENTION_POLICIES) as WindowKind[];
const WINDOW_STATUSES = ['open', 'due-soon', 'closed-awaiting-verification', 'overdue', 'verified'] as const satisfies readonly WindowStatus[];

const ReportWindow = z.strictObject({
  /** The id of the event that opened the window. */
  id: EventId,
  kind: z.enum([...WINDOW_KINDS, 'legal-deadline', SORA_CLOSURE_WINDOW.id, 'takedown']),
  account: Account,
  openedAt: IsoInstant,
  dueAt: IsoInstant,
  status: z.enum(WINDOW_STATUSES),
  law: z.optional(z.enum(LAWS)),
  /** For a takedown: the route taken (lib/copies/routes.ts), and whether the platform refused. */
  route: z.optional(z.enum(TAKEDOWN_ROUTES)),
  refused: z.optional(z.literal(true)),
  length: Duration,
  statement: z.string(),
  source: Source,
  closedAt: z.optional(IsoInstant),
  /** Ids of the follow-ups sent about it, oldest first. */
  followUps: z.array(EventId),
});

const AccountGrants = z.strictObject({
  account: Account,
  /** The cameo's audience now; null when no audience change was ever recorded. */
  audience: z.nullable(z.enum(AUDIENCES)),
  peopleWithAccess: z.array(z.strictObject({ person: z.string(), since: IsoInstant })),
  history: z.array(
    z.strictObject({
      person: z.string(),
      intervals: z.array(z.strictObject({ from: IsoInstant, to: z.optional(IsoInstant) })),
    }),
  ),
  /** Ids of appearances by someone whose access had been revoked before. */
  usedAfterRevocation: z.array(EventId),
});

const Policies = z.strictObject({
  retention: z.array(
    z.strictObject({
      id: z.enum(WINDOW_KINDS),
      opensOn: z.enum(['cameo-deleted', 'account-deletion-requested', 'data-export-received']),
      length: Duration,
      /** The user's own length, when they changed it; windows were computed with it. */
      lengthUsed: z.optional(Duration),
      statement: z.string(),
      source: Source,
    }),
  ),
  legalDeadlines: z.array(
    z.strictObject({
      law: z.enum(LAWS),
      name: z.string(),
      respondWithin: Duration,
      extension: Duration,
      authority: z.string(),
      source: Source,
    }),
  ),
  /** Days before a due date when a window counts as due soon; days after it before it counts as overdue. */
  leadDays: z.int().check(z.nonnegative()),
  graceDays: z.int().check(z.nonnegative()),
});

export const ReportScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  /** Events that occurred from `from` (inclusive) to `to` (exclusive), and everything that corrects them. */
  z.strictObject({ kind: z.literal('date-range'), from: IsoInstant, to: IsoInstant }),
  /** One account's events, and everything that corrects them. */
  z.strictObject({ kind: z.literal('account'), account: Account }),
]);

const Hash = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash is 64 lower-case hex digits'));

/**
 * The ledger's fingerprint (lib/ledger/fingerprint.ts, docs/fingerprint.md): its head when the report was
 * made, and the link of each event in the report, so that anyone can recompute them.
 */
export const ReportChain = z
  .strictObject({
    algorithm: z.literal('sha-256-chain-1'),
    /** The ledger's newest link when the report was made: `seq` events recorded, the last at `recordedAt`. */
    head: z.strictObject({ seq: z.int().check(z.positive()), hash: Hash, recordedAt: IsoInstant }),
    /** One per event in the report, in the order the ledger recorded them; empty in a redacted report (links would name the original events). */
    links: z.array(z.strictObject({ seq: z.int().check(z.positive()), id: EventId, prev: Hash, hash: Hash })),
  })
  .check(z.meta({ id: 'chain', description: 'SHA-256 hash chain over the ledger\'s events in recording order' }));

function reportSchema<E extends z.core.SomeType>(event: E) {
  return z.strictObject({
    format: z.literal(REPORT_FORMAT),
    version: z.literal(REPORT_VERSION),
    createdAt: IsoInstant,
    createdBy: z.strictObject({ name: z.string(), version: z.string().check(z.maxLength(50)) }),
    /** The IANA zone the report's times are written in, and in which deadlines were counted. */
    timeZone: z.string().check(z.refine(isTimeZone, 'issueIanaTimeZone' satisfies SchemaReason)),
    scope: ReportScope,
    /**
     * True when other people's handles were replaced by pseudonyms (person-1, person-2 … in the
     * order each first appears in the ledger; one person keeps one pseudonym within a report,
     * and the mapping is kept nowhere). A redacted report is for sharing and cannot be imported.
     */
    redacted: z.boolean(),
    accounts: z.array(Account),
    /** Every event in scope, oldest first, including edits and removals, so a round trip is exact. */
    events: z.array(event),
    /** The ledger's fingerprint chain; null in a report made before fingerprints (version 1) or from an empty ledger. */
    chain: z.nullable(ReportChain),
    derived: z.strictObject({
      /** The moment the statuses below were computed for. */
      asOf: IsoInstant,
      grants: z.array(AccountGrants),
      windows: z.array(ReportWindow),
    }),
    policies: Policies,
  });
}

export const Report = reportSchema(ReportEvent).check(
  z.meta({
    title: 'Likeness Ledger report',
    description: 'A record of who may use a person\'s likeness on OpenAI\'s services and of their deletion and privacy requests, exported from the Likeness Ledger browser extension.',
  }),
);
export type Report = z.infer<typeof Report>;

/** The report with its events left unchecked: import checks them in chunks, yielding between. */
export const ReportEnvelope = reportSchema(z.unknown());
