/**
 * Sora's hosts on request. Sora closed on 2026-04-26 (lib/facts/surfaces.ts), so its hosts are optional
 * permissions: not asked for at install, asked for when the user turns on "Watch Sora's pages if
 * they come back" in the dashboard's settings, and given back when they turn it off.
 *
 * The Sora content script is not in the manifest (WXT `registration: 'runtime'`): the background
 * registers it for the Sora hosts the user granted, and unregisters it when they are withdrawn —
 * here, in the dashboard, or in the browser's own extension settings. It checks again at every
 * start, so a registration always follows what the browser says is granted.
 *
 * The network signal needs no switch of its own: browsers report webRequest events only for hosts
 * the extension holds, so without the Sora hosts no Sora request is ever seen.
 *
 * Sora tabs already open when the user grants the hosts are watched at once: the background puts
 * the same script into them (scripting.executeScript), as the browser does only for pages loaded
 * after a registration. The script runs once per page whatever happens (entrypoints/sora.content.ts).
 *
 * An update from a version that asked for the Sora hosts at install: Chromium keeps a granted host
 * permission that the new manifest still declares, as optional ones count; Firefox keeps granted
 * origins that are still in `optional_host_permissions`. Either way the start-up check registers
 * the script, so an existing install keeps watching Sora [I: browser behaviour, not tried here].
 */
import { oneAtATime } from '../background/one-at-a-time';
import { matchPatterns } from '../facts/surfaces';

export const SORA_ORIGINS: readonly string[] = matchPatterns('sora');

/** The Sora content script as the background registers it (its file is WXT's build of entrypoints/sora.content.ts). */
export const SORA_SCRIPT = { id: 'likeness-ledger-sora', js: ['content-scripts/sora.js'], runAt: 'document_idle', persistAcrossSessions: true } as const;

type Origins = { origins?: string[] };
interface PermissionEvent {
  addListener(callback: (permissions: Origins) => void): void;
  removeListener(callback: (permissions: Origins) => void): void;
}
/** The part of browser.permissions this uses. */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
  onAdded: PermissionEvent;
  onRemoved: PermissionEvent;
}
type RegisteredScript = { id: string; matches?: string[]; js?: string[]; runAt?: 'document_start' | 'document_end' | 'document_idle'; persistAcrossSessions?: boolean };
/** The part of browser.scripting this uses. */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
}
/** The part of browser.tabs this uses: open tabs by match pattern (readable for hosts the extension holds). */
export interface TabsApi {
  query(filter: { url: string[] }): Promise<{ id?: number }[]>;
}

/** The Sora hosts the user has granted (in Firefox they can grant one and not the other). */
export async function grantedSoraOrigins(permissions: Pick<PermissionsApi, 'contains'>): Promise<string[]> {
  const granted = await Promise.all(SORA_ORIGINS.map((origin) => permissions.contains({ origins: [origin] })));
  return SORA_ORIGINS.filter((_, i) => granted[i]);
}

/** Whether Sora's pages are watched: at least one of its hosts is granted. */
export const soraWatched = async (permissions: Pick<PermissionsApi, 'contains'>) => (await grantedSoraOrigins(permissions)).length > 0;

/** Asks the browser for the Sora hosts. Call it in the user's click, before any await: browsers ask only then. */
export const watchSora = (permissions: Pick<PermissionsApi, 'request'>) => permissions.request({ origins: [...SORA_ORIGINS] });

/** Gives the Sora hosts back. */
export const stopWatchingSora = (permissions: Pick<PermissionsApi, 'remove'>) => permissions.remove({ origins: [...SORA_ORIGINS] });

/** Registers the Sora content script for exactly the granted Sora hosts, or unregisters it when there are none. Returns the hosts. */
export async function syncSoraScript(permissions: Pick<PermissionsApi, 'contains'>, scripting: ScriptingApi): Promise<string[]> {
  const origins = await grantedSoraOrigins(permissions);
  const [registered] = await scripting.getRegisteredContentScripts({ ids: [SORA_SCRIPT.id] });
  const same = registered && [...(registered.matches ?? [])].sort().join() === [...origins].sort().join();
  if (same) return origins;
  if (registered) await scripting.unregisterContentScripts({ ids: [SORA_SCRIPT.id] });
  if (origins.length > 0) await scripting.registerContentScripts([{ ...SORA_SCRIPT, js: [...SORA_SCRIPT.js], matches: origins }]);
  return origins;
}

/**
 * Keeps the registration in step with the permissions: now (every start), and on every grant or
 * withdrawal that touches a Sora host. Listeners are added before the first await, so that the
 * browser wakes the background for them. Checks run one after another: events come in bursts.
 */
export function keepSoraScriptInStep(permissions: PermissionsApi, scripting: ScriptingApi, tabs?: TabsApi): Promise<string[]> {
  const inTurn = oneAtATime();
  const sync = () => inTurn(() => syncSoraScript(permissions, scripting));
  const soraIn = ({ origins }: Origins) => origins?.filter((o) => SORA_ORIGINS.includes(o)) ?? [];
  const onRemoved = (changed: Origins) => void (soraIn(changed).length > 0 && sync().catch(() => undefined));
  const onAdded = (changed: Origins) => {
    const granted = soraIn(changed);
    if (granted.length === 0) return;
    void sync()
      .then(() => tabs && watchOpenTabs(granted, scripting, tabs))
      .catch(() => undefined);
  };
  permissions.onAdded.addListener(onAdded);
  permissions.onRemoved.addListener(onRemoved);
  return sync();
}

/**
 * Puts the Sora script into the tabs already open on the hosts just granted: a registration only
 * reaches pages loaded after it. A tab that refuses (an error page, one closing) is left as it is.
 */
export async function watchOpenTabs(origins: string[], scripting: Pick<ScriptingApi, 'executeScript'>, tabs: TabsApi): Promise<number> {
  const open = await tabs.query({ url: origins });
  const done = await Promise.all(
    open.map((tab) =>
      tab.id === undefined
        ? false
        : scripting.executeScript({ target: { tabId: tab.id }, files: [...SORA_SCRIPT.js] }).then(
            () => true,
            () => false,
          ),
    ),
  );
  return done.filter(Boolean).length;
}
