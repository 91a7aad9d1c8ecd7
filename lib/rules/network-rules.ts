/**
 * Network rules: requests to OpenAI's own endpoints that mean an action succeeded, as data.
 * The background watches them with webRequest, observe-only: method, URL and status, and for a
 * rule that lists `body` fields, those top-level fields of a small JSON request body. Never an
 * upload, never headers, cookies or tokens, never a response.
 *
 * Endpoints: ../shared/docs/openai-surfaces.md ("Network endpoints"), all [S] (public client code).
 * Each rule is in its surface's module (lib/rules/<surface>.ts), with request samples that fire it
 * and near misses in test/fixtures/rules/<surface>.ts.
 * A rule's event has the same idempotency key as the page rule's for the same action
 * (lib/ledger/fact-key.ts), so an action seen both ways is one entry, confirmed.
 */
import type { EventKind } from '../ledger/events';
import type { SurfaceId } from '../facts/surfaces';
import { CHATGPT_NETWORK_RULES } from './chatgpt';
import type { Basis, Mapping } from './page-rules';
import { SORA_NETWORK_RULES } from './sora';

export type NetworkField = (
  | { const: unknown }
  /** A named group of the path pattern (an id in the URL). */
  | { path: string }
  /**
   * A top-level field of the JSON request body, mapped if `map` is given: a string, or an
   * instruction set's text (Sora's `{"value":[{"type":"text","value":"…"}]}`, network-engine.ts).
   */
  | { body: string; map?: Mapping }
) & { optional?: true };

export interface NetworkRule {
  id: string;
  surface: SurfaceId;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The request URL's path (no query). */
  path: RegExp;
  /** The same path as a webRequest URL filter (`*` wildcards), so the browser reports nothing else. */
  filter: string;
  /** Statuses that mean the action succeeded. */
  status: readonly [number, number];
  kind: EventKind;
  details: Readonly<Record<string, NetworkField>>;
  basis: Basis;
}

/**
 * Every surface's network rules, for the background. Each is in its surface's module
 * (lib/rules/<surface>.ts) beside its page rules; content scripts import none of them.
 */
export const NETWORK_RULES: readonly NetworkRule[] = [...SORA_NETWORK_RULES, ...CHATGPT_NETWORK_RULES];
