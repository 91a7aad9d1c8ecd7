/**
 * Messages from content scripts to the background, parsed with zod on arrival.
 * Content scripts run inside pages we do not trust, so everything here is checked:
 * the shape (zod), the size (MAX_MESSAGE_BYTES) and the sender (see `checkContentMessage`).
 */
import * as z from 'zod/mini';
import { Account, DETAILS, Evidence, Handle, Instant, type DetailsOf } from '../ledger/events';
import { kindsOf, type KindsOf } from '../ledger/writers';
import type { ChecklistItem } from '../warning/checklist-types';
import { SURFACE_IDS, SURFACES, surfaceOfUrl, type SurfaceId } from '../facts/surfaces';

/** Far above any honest observation (a few hundred bytes); a forged megabyte is dropped unread. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

const Surface = z.enum(SURFACE_IDS as [SurfaceId, ...SurfaceId[]]);

/**
 * Kinds a page may report (lib/ledger/writers.ts): a page can never edit, remove, verify or settle.
 */
export const PAGE_REPORTABLE_KINDS = kindsOf('page');

type PageKind = KindsOf<'page'>;
export type Observation = {
  [K in PageKind]: { kind: K; occurredAt: number; account: Account; evidence: Evidence; details: DetailsOf<K> };
}[PageKind];

/** A page's observation of one kind it may report: what content scripts send, and all the pending queue may hold. */
export const Observation = z.discriminatedUnion(
  'kind',
  PAGE_REPORTABLE_KINDS.map((kind) =>
    z.strictObject({
      kind: z.literal(kind),
      occurredAt: Instant,
      account: Account,
      evidence: Evidence,
      details: DETAILS[kind],
    }),
  ) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]],
) as unknown as z.ZodMiniType<Observation>;

/** A page's primary language subtag ("nl"), as lib/rules/page-rules.ts `unknownLanguage` gives it. */
export const Language = z.string().check(z.regex(/^[a-z]{2,3}$/));

/** Rule ids (lib/rules), as the popup and a bug report name them. */
export const RuleIds = z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50));

export const ContentMessage = z.discriminatedUnion('type', [
  /** The content script started on a page: the popup shows the tab as watched, and by which rules. */
  z.strictObject({ type: z.literal('page-visit'), surface: Surface, watching: z.optional(RuleIds) }),
  /** A single-page navigation inside the same document: a new path, new rules, the same visit. */
  z.strictObject({ type: z.literal('navigated'), surface: Surface, watching: RuleIds }),
  /** The page shows whose account is signed in: network events from this tab are theirs. */
  z.strictObject({ type: z.literal('account'), surface: Surface, handle: Handle }),
  /** A rule fired on the page. */
  z.strictObject({ type: z.literal('observation'), surface: Surface, observation: Observation }),
  /** An account deletion is about to be confirmed: the warning asks for its checklist. */
  z.strictObject({ type: z.literal('warning-checklist'), surface: Surface }),
  /** …and the warning itself, which is not in the content script (its size budget): the background injects it. */
  z.strictObject({ type: z.literal('load-warning'), surface: Surface }),
  /**
   * A rule or anchor that should have matched on this page did not: detection may be out of date.
   * `language`: the page's language, when the rules know no text of it (detection by structure alone).
   */
  z.strictObject({
    type: z.literal('detector-miss'),
    surface: Surface,
    rules: RuleIds,
    language: z.optional(Language),
  }),
]);
export type ContentMessage = z.infer<typeof ContentMessage>;

/** How a content script talks to the background (browser.runtime.sendMessage, typed). */
export type Send = (message: ContentMessage) => Promise<ContentReply | undefined>;

export type ContentReply = { ok: true; status?: string; checklist?: ChecklistItem[] } | { ok: false; error: string };

export interface SenderInfo {
  /** The id of the extension that sent it (browser.runtime.id for our own scripts). */
  id?: string;
  /** The URL of the frame the message came from. */
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type Checked =
  | { ok: true; message: ContentMessage; tabId: number | undefined; frameId: number | undefined; pageUrl: string }
  | { ok: false; error: string };

/**
 * Parses a message from a content script and checks its sender: it must come from this
 * extension, from a page of the surface it claims, and report only that surface's service.
 */
export function checkContentMessage(raw: unknown, sender: SenderInfo, extensionId: string): Checked {
  if (sender.id !== extensionId) return { ok: false, error: 'sender is not this extension' };
  if (!sender.url) return { ok: false, error: 'sender has no page URL' };
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'message is not plain data' };
  }
  if (size > MAX_MESSAGE_BYTES) return { ok: false, error: `message too large (${size} bytes)` };
  const parsed = ContentMessage.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `invalid message at ${first?.path.join('.') || '(root)'}: ${first?.message}` };
  }
  const message = parsed.data;
  const senderSurface = surfaceOfUrl(sender.url);
  if (senderSurface !== message.surface) {
    return { ok: false, error: `a page of ${senderSurface ?? 'another site'} cannot report for ${message.surface}` };
  }
  if (message.type === 'observation') {
    const service = SURFACES[message.surface].service;
    if (message.observation.account.service !== service) {
      return { ok: false, error: `${message.surface} can only report ${service} events` };
    }
  }
  return { ok: true, message, tabId: sender.tab?.id, frameId: sender.frameId, pageUrl: sender.url };
}
