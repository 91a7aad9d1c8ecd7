/**
 * The write path beneath the ledger's API, inside the caller's transaction over `writeScope`: new
 * events into the log, their references, their links in the fingerprint chain, the newest events,
 * and the summary's parts they change (summary-parts.ts says what each part keeps). A write reads
 * and puts only the few parts it changes, whatever the size of the log or of a file.
 * Also what the upgrades rebuild from the log (`rebuildSummary`, `buildChain`, `refreshAllSummaries`).
 */
import Dexie from 'dexie';
import type { EventKind, EventOf, LedgerEvent } from './events';
import { chainLinks, recordingOrder } from './fingerprint';
import { windowOpeners } from '../deadlines/windows';
import { soraClosureDeciders } from '../deadlines/sora-closure';
import { KINDS } from './event-kinds';
import { accountKey, chronological, isRetraction, retracts, settledBy } from './relations';
import { effectiveAmong, goneAmong, present, referencesOf, referencesTo, takesAway } from './references';
import { HEAD_PART, isSummaryKind, personPart, SUMMARY_KINDS, summaryParts, windowPart } from './summary-parts';
import { NEWEST, NEWEST_KEPT, type Reference, type SummaryMember, type SummaryPart, type Tables } from './tables';

/**
 * Requests in flight at once during a bulk write. Each request waits in the transaction's queue,
 * and fake-indexeddb's queue costs time in its length squared: 100k at once take minutes.
 */
const WRITE_CHUNK = 2000;

/** Writes new events and brings the summary rows they change up to date. Runs inside a transaction over `writeScope`. */
export async function append(t: Tables, added: readonly LedgerEvent[]): Promise<void> {
  for (let start = 0; start < added.length; start += WRITE_CHUNK) await t.events.bulkAdd(added.slice(start, start + WRITE_CHUNK));
  await link(t, added);
  const references = added.flatMap(referencesOf);
  if (references.length > 0) await t.references.bulkAdd(references);
  const takenAway = new Set(references.filter(takesAway).map((r) => r.target));
  // A new member may be gone already: an import can bring a retraction or a new version before
  // what it refers to, or in the same batch.
  const members = added.filter(isSummaryKind);
  const gone = new Set([...(await goneAmong(t, members.map((e) => e.id))), ...takenAway]);
  if (members.length > 0) await t.members.bulkAdd(members.map((e) => memberOf(e, gone)));
  const addedIds = new Set(added.map((e) => e.id));
  const goneEarlier = present(await t.members.bulkGet([...gone].filter((id) => !addedIds.has(id))));
  if (goneEarlier.length > 0) await t.members.bulkPut(goneEarlier.map((m) => ({ ...m, gone: true })));
  // One new event that refers to nothing (an observation, an entry by hand): its account's row
  // follows from the row itself, whatever the size of the log or of that account's history.
  const quick = added.length === 1 && references.length === 0 && (await quickRefresh(t, added[0]!));
  if (!quick) await refreshSummaries(t, await accountsChangedBy(t, added));
  await refreshNewest(t, added, addedIds, takenAway);
}

/** How long a chain's hashing may hold a write's transaction open: an import of 100k events takes seconds. */
const HASHING_TIMEOUT_MS = 10 * 60_000;

/**
 * Links new events to the fingerprint chain after its head. Inside the write's transaction, which
 * IndexedDB runs alone among writers, so two writes at once cannot both link to the same head.
 * WebCrypto's digest is not an IndexedDB request: Dexie.waitFor keeps the transaction open meanwhile.
 */
async function link(t: Tables, added: readonly LedgerEvent[]): Promise<void> {
  let head = await t.chain.orderBy('seq').last();
  for (let start = 0; start < added.length; start += WRITE_CHUNK) {
    const links = await Dexie.waitFor(chainLinks(head, added.slice(start, start + WRITE_CHUNK)), HASHING_TIMEOUT_MS);
    await t.chain.bulkAdd(links);
    head = links.at(-1) ?? head;
  }
}

/** The chain of a ledger that had none (the upgrade to version 3): its events in the order they were recorded. */
export async function buildChain(t: Tables): Promise<void> {
  await link(t, (await t.events.toArray()).sort(recordingOrder));
}

/** Log order, newest first: the time index read backwards (ties by id, as IndexedDB orders them). */
const newestFirst = (a: LedgerEvent, b: LedgerEvent) => b.occurredAt - a.occurredAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The first `count` in `newestFirst` order, without sorting them all (an import brings 100k). */
function newestOf(events: readonly LedgerEvent[], count: number): LedgerEvent[] {
  const top: LedgerEvent[] = [];
  for (const e of events) {
    if (top.length === count && newestFirst(e, top[count - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && newestFirst(e, top[at - 1]!) < 0) at--;
    top.splice(at, 0, e);
    if (top.length > count) top.pop();
  }
  return top;
}

/** Brings the newest events up to date: new events join them; if one of them was taken away, they are read anew from the log. */
async function refreshNewest(t: Tables, added: readonly LedgerEvent[], addedIds: ReadonlySet<string>, takenAway: ReadonlySet<string>): Promise<void> {
  const kept = (await t.newest.get(NEWEST))?.events ?? [];
  const candidates = newestOf([...kept, ...added.filter((e) => !isRetraction(e))], NEWEST_KEPT);
  // A new event may be taken away already, too: an import's order is anyone's.
  const fresh = candidates.filter((e) => addedIds.has(e.id)).map((e) => e.id);
  const stale = kept.some((e) => takenAway.has(e.id)) || (await goneAmong(t, fresh)).size > 0;
  await t.newest.put({ id: NEWEST, events: stale ? await latestEffective(t, NEWEST_KEPT) : candidates });
}

const memberOf = (e: LedgerEvent, gone: ReadonlySet<string>): SummaryMember => ({ id: e.id, account: accountKey(e.account), gone: gone.has(e.id), event: e });
const live = (members: readonly (SummaryMember | undefined)[]) => present(members).flatMap((m) => (m.gone ? [] : [m.event]));

/**
 * The accounts whose summary new events can change: their own, those of the events they
 * supersede or retract, and those of the windows any of these close or extend.
 */
async function accountsChangedBy(t: Tables, added: readonly LedgerEvent[]): Promise<Set<string>> {
  const replaced = present(added.flatMap((e) => [e.supersedes, retracts(e) ? e.details.target : undefined]));
  // Only summary-kind events count here, and every one of them is a member.
  const changed = [...added, ...present(await t.members.bulkGet(replaced)).map((m) => m.event)];
  const windowIds = present(changed.map(settledBy));
  const windows = present(await t.members.bulkGet(windowIds)).map((m) => m.event);
  return new Set([...changed, ...windows].filter(isSummaryKind).map((e) => accountKey(e.account)));
}

/** Rebuilds the parts of the given accounts from their members and the events that refer to their windows. */
async function refreshSummaries(t: Tables, accounts: Iterable<string>): Promise<void> {
  for (const account of accounts) {
    const all = await t.members.where('account').equals(account).toArray();
    const members = live(all);
    // A verification or an answer may be filed under another account than the window it settles.
    const openers = windowOpeners(members).map((w) => w.id);
    const settling = live(await t.members.bulkGet((await referencesTo(t, openers, 'settles')).map((r) => r.id)));
    const byId = new Map([...members, ...settling].map((e) => [e.id, e]));
    const derived = summaryParts([...byId.values()]).get(account) ?? new Map<string, Set<string>>();
    const stored = await partsOf(t, account);
    if (derived.size === 0) {
      await t.parts.bulkDelete(stored.map((p) => [p.account, p.part]));
      continue;
    }
    const latest = all.reduce<LedgerEvent | undefined>((a, m) => (!a || chronological(m.event, a) > 0 ? m.event : a), undefined);
    // Per person, how their first effective grant or revocation spells the name (a Map: "__proto__" is a name like any other).
    const spellings = new Map<string, string>();
    for (const e of [...members].sort(chronological)) {
      if (e.kind !== 'access-granted' && e.kind !== 'access-revoked') continue;
      const part = personPart(e.details.person);
      if (!spellings.has(part)) spellings.set(part, e.details.person);
    }
    const wanted = new Map<string, SummaryPart>();
    for (const [part, spelling] of spellings) wanted.set(part, { account, part, events: [], spelling });
    for (const [part, ids] of derived) {
      const events = [...ids].map((id) => byId.get(id)!).sort(chronological);
      wanted.set(part, { ...wanted.get(part), account, part, events, ...(part === HEAD_PART && latest ? { latest: orderOf(latest) } : {}) });
    }
    await writeParts(t, stored, wanted);
  }
}

/** Every account's parts from the members (the upgrade to version 4). */
export async function refreshAllSummaries(t: Tables): Promise<void> {
  const accounts = new Set<string>();
  await t.members.each((m) => accounts.add(m.account));
  await refreshSummaries(t, accounts);
}

/** One account's stored parts. */
const partsOf = (t: Tables, account: string, prefix = '') =>
  t.parts.where('[account+part]').between([account, prefix], [account, `${prefix}\uffff`]).toArray();

/** Puts the wanted parts that differ from the stored ones and deletes the stored ones no longer wanted: a write puts only what it changed. */
async function writeParts(t: Tables, stored: readonly SummaryPart[], wanted: ReadonlyMap<string, SummaryPart>): Promise<void> {
  const before = new Map(stored.map((p) => [p.part, p]));
  const same = (a: SummaryPart, b: SummaryPart) =>
    a.spelling === b.spelling && JSON.stringify(a.latest) === JSON.stringify(b.latest) && a.events.length === b.events.length && a.events.every((e, i) => e.id === b.events[i]!.id);
  const changed = [...wanted.values()].filter((p) => {
    const old = before.get(p.part);
    return !old || !same(old, p);
  });
  const gone = stored.filter((p) => !wanted.has(p.part)).map((p): [string, string] => [p.account, p.part]);
  if (changed.length > 0) await t.parts.bulkPut(changed);
  if (gone.length > 0) await t.parts.bulkDelete(gone);
}

const orderOf = (e: Pick<LedgerEvent, 'occurredAt' | 'recordedAt' | 'id'>) => ({ occurredAt: e.occurredAt, recordedAt: e.recordedAt, id: e.id });

/** Kinds the quick path takes: a summary kind that refers to no other event (no window it settles or follows up). */
const QUICK_KINDS: ReadonlySet<EventKind> = new Set(SUMMARY_KINDS.filter((k) => KINDS[k].refersBy === null));

const isAccessChange = (e: LedgerEvent): e is EventOf<'access-granted'> | EventOf<'access-revoked'> => e.kind === 'access-granted' || e.kind === 'access-revoked';

/**
 * Brings one account's summary up to date with one new event from the few parts it can change,
 * when they alone give what the full rebuild would: the event refers to nothing and comes after
 * everything the account had (so it is neither the account's first, nor changes whose access came
 * first, nor the order of anything kept). What it reads and puts:
 * - always the head (the account's first event, its audience, what decides Sora's closure; the
 *   latest member, which every write moves);
 * - a grant or a revocation: that person's part;
 * - a cameo's deletion, which ends everyone's access, or a Sora entry dated before the closure
 *   that moves what decides the closure's window: every person's part;
 * - the windows the events of these parts open: a settled window stays only while its opener is
 *   kept elsewhere, and only every person's part says whether it is (a grant or a revocation that
 *   drops such an opener from its person takes the full path);
 * - an event that opens a window: that window's part, new.
 * Other windows and people cannot change: what these parts hold is everything `summaryParts`
 * reads to derive them. A grant to someone whose part holds no events and whose name was first
 * written otherwise ("Bob", then "bob": that needs their first event) takes the full path.
 * Returns whether it did it. The cost is those parts', not the log's nor the account's: a write
 * costs the same at 10 events and at 100k, and after a file of thousands for one account.
 */
async function quickRefresh(t: Tables, e: LedgerEvent): Promise<boolean> {
  if (!isSummaryKind(e)) return true; // no row derives from it (`accountsChangedBy` names no account)
  if (!QUICK_KINDS.has(e.kind)) return false;
  const account = accountKey(e.account);
  const head = await t.parts.get([account, HEAD_PART]);
  if (!head?.latest || chronological(e, head.latest as LedgerEvent) <= 0) return false;
  // An import can bring what settles a window before the window (an answer filed under another account): that needs the full path.
  if ((await t.references.where('target').equals(e.id).count()) > 0) return false;
  // The head holds every decider (the first sign, the latest creation and end), so this is the whole log's answer.
  const deciders = (events: readonly LedgerEvent[]) => soraClosureDeciders(events).map((d) => d.id).sort().join();
  const everyone = e.kind === 'cameo-deleted' || deciders(head.events) !== deciders([...head.events, e]);
  const people = everyone ? await partsOf(t, account, personPart('')) : [];
  if (isAccessChange(e)) {
    const part = personPart(e.details.person);
    const own = people.find((p) => p.part === part) ?? (await t.parts.get([account, part])) ?? { account, part, events: [], spelling: e.details.person };
    if (own.events.length === 0 && own.spelling !== e.details.person) return false;
    if (!people.includes(own)) people.push(own);
  }
  // The windows of what the head and these people keep: whether such an opener stays kept decides whether its settled window stays.
  const held = [head, ...people].flatMap((p) => p.events);
  const windows = present(await t.parts.bulkGet(held.map((x): [string, string] => [account, windowPart(x.id)])));
  const read = [head, ...people, ...windows];
  const byId = new Map([...read.flatMap((p) => p.events), e].map((x) => [x.id, x]));
  const derived = summaryParts([...byId.values()]).get(account);
  if (!derived) return false;
  if (!everyone) {
    // An opener of a settled window that this person no longer keeps may still be kept by another
    // person, whose part was not read (a cameo's deletion ends several people's access): the full path knows.
    const keptNow = new Set([...derived].flatMap(([part, ids]) => (part.startsWith(windowPart('')) ? [] : [...ids])));
    const settled = new Set(windowOpeners([...byId.values()]).flatMap((w) => (w.verified ? [w.id] : [])));
    if (held.some((x) => settled.has(x.id) && !keptNow.has(x.id))) return false;
  }
  const wanted = new Map<string, SummaryPart>();
  for (const p of [...read, { account, part: windowPart(e.id), events: [] }]) {
    const ids = derived.get(p.part);
    // A person's part stays with no events (their spelling); a window's part with none is no part.
    if (ids || p.part.startsWith(personPart(''))) wanted.set(p.part, { ...p, events: [...(ids ?? [])].map((id) => byId.get(id)!).sort(chronological) });
  }
  wanted.set(HEAD_PART, { ...wanted.get(HEAD_PART)!, latest: orderOf(e) });
  await writeParts(t, read, wanted);
  return true;
}

/**
 * Builds the references and the members from the events already there (the upgrade to version 2):
 * one pass over the log. The summary's parts follow from the members in the upgrade to version 4.
 */
export async function rebuildSummary(t: Tables): Promise<void> {
  const references: Reference[] = [];
  const members: LedgerEvent[] = [];
  await t.events.each((e) => {
    references.push(...referencesOf(e));
    if (isSummaryKind(e)) members.push(e);
  });
  const gone = new Set(references.filter(takesAway).map((r) => r.target));
  await t.references.bulkAdd(references);
  await t.members.bulkAdd(members.map((e) => memberOf(e, gone)));
  await t.newest.put({ id: NEWEST, events: await latestEffective(t, NEWEST_KEPT) });
}

/** The newest effective events, newest first, read page by page from the top of the time index. */
export async function latestEffective(t: Tables, count: number): Promise<LedgerEvent[]> {
  const found: LedgerEvent[] = [];
  const pageSize = Math.max(count * 2, 1);
  for (let offset = 0; found.length < count; offset += pageSize) {
    const page = await t.events.orderBy('occurredAt').reverse().offset(offset).limit(pageSize).toArray();
    found.push(...(await effectiveAmong(t, page)));
    if (page.length < pageSize) break;
  }
  return found.slice(0, count);
}
