/**
 * Network rules: requests to OpenAI's own endpoints that mean an action succeeded, as data.
 * The background watches them with webRequest, observe-only: method, URL and status, and for a
 * rule that lists `body` fields, those top-level fields of a small JSON request body. Never an
 * upload, never headers, cookies or tokens, never a response.
 *
 * Endpoints: ../shared/docs/openai-surfaces.md ("Network endpoints"), all [S] (public client code).
 * Each rule has request samples that fire it and near misses (test/unit/rules-network.test.ts).
 * A rule's event has the same idempotency key as the page rule's for the same action
 * (lib/fact-key.ts), so an action seen both ways is one entry, confirmed.
 */
import type { EventKind } from '../events';
import { LINKED_DELETIONS } from '../policies';
import type { SurfaceId } from '../surfaces';
import type { Basis, Mapping } from './page-rules';

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

const SUCCESS = [200, 299] as const;
const UPDATE_CAMEO = /^\/backend\/project_y\/cameos\/by_id\/(?<id>[^/]+)\/update_v2$/;

export const NETWORK_RULES: readonly NetworkRule[] = [
  {
    id: 'sora.net.cameo-created',
    surface: 'sora',
    method: 'POST',
    path: /^\/backend\/characters\/finalize$/,
    filter: '/backend/characters/finalize',
    status: SUCCESS,
    kind: 'cameo-created',
    // The cameo id (bare hex): only finalize's response names the character id (ch_…) that a
    // later deletion carries, and responses are never read. The upload before it carries the video: never watched.
    details: { cameoId: { body: 'cameo_id', optional: true } },
    basis: { fact: 'POST /backend/characters/finalize {cameo_id (32 hex), username, display_name, instruction_set, …} → {character: {character_id: ch_…}} (sora2api, Modified_Sora2api)', confidence: 'S' },
  },
  {
    id: 'sora.net.audience-changed',
    surface: 'sora',
    method: 'POST',
    path: UPDATE_CAMEO,
    filter: '/backend/project_y/cameos/by_id/*/update_v2',
    status: SUCCESS,
    kind: 'audience-changed',
    // How the four levels map to `visibility` is unknown: only "public" is read, as everyone.
    // The other levels are logged from the page alone.
    details: { after: { body: 'visibility', map: [[/^public$/i, 'everyone']] } },
    basis: { fact: 'POST …/project_y/cameos/by_id/{cameo_id}/update_v2 {visibility: "public" | "private"} (public client code); "public" as Everyone is inferred', confidence: 'I' },
  },
  {
    id: 'sora.net.restrictions-changed',
    surface: 'sora',
    method: 'POST',
    path: UPDATE_CAMEO,
    filter: '/backend/project_y/cameos/by_id/*/update_v2',
    status: SUCCESS,
    kind: 'restrictions-changed',
    details: { restrictions: { body: 'instruction_set' } },
    basis: { fact: 'POST …/project_y/cameos/by_id/{cameo_id}/update_v2 {instruction_set: {"value":[{"type":"text","value":"…"}]}} (Modified_Sora2api update_character_instructions)', confidence: 'S' },
  },
  {
    id: 'sora.net.cameo-deleted',
    surface: 'sora',
    method: 'DELETE',
    path: /^\/backend\/project_y\/characters\/(?<id>ch_[^/]+)$/,
    filter: '/backend/project_y/characters/*',
    status: SUCCESS,
    kind: 'cameo-deleted',
    // The character id (ch_…), not the cameo id its creation carried.
    details: { cameoId: { path: 'id' } },
    basis: { fact: 'DELETE /backend/project_y/characters/{character_id}, ch_ + 32 hex, answered 200 or 204 (sora2api)', confidence: 'S' },
  },
  {
    id: 'chatgpt.net.account-deleted',
    surface: 'chatgpt',
    method: 'POST',
    path: /^\/backend-api\/accounts\/deactivate$/,
    filter: '/backend-api/accounts/deactivate',
    status: SUCCESS,
    kind: 'account-deletion-requested',
    details: { linkedAccounts: { const: LINKED_DELETIONS.chatgpt } },
    basis: { fact: 'POST /backend-api/accounts/deactivate (body {}), lanqian528/chat2api, soulteary/sparrow', confidence: 'S' },
  },
  {
    // Settings → Data controls → Export → "Confirm export" [C 7260999] sends this, in any page language;
    // the text the page shows afterwards is undocumented [I].
    id: 'chatgpt.net.export-requested',
    surface: 'chatgpt',
    method: 'POST',
    path: /^\/backend-api\/accounts\/data_export$/,
    filter: '/backend-api/accounts/data_export',
    status: SUCCESS,
    kind: 'data-export-requested',
    details: {},
    basis: { fact: 'POST /backend-api/accounts/data_export, answered {status:"queued"} (soulteary/sparrow)', confidence: 'S' },
  },
];
