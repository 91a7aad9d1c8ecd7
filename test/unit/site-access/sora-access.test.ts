/**
 * Sora's hosts on request (lib/site-access/sora-access.ts): the content script is registered for exactly the
 * granted Sora hosts, at start and on every change, and unregistered when none is left.
 */
import { describe, expect, it } from 'vitest';
import { keepSoraScriptInStep, SORA_ORIGINS, SORA_SCRIPT, soraWatched, stopWatchingSora, syncSoraScript, watchOpenTabs, watchSora, type PermissionsApi, type ScriptingApi, type TabsApi } from '@/lib/site-access/sora-access';

type Listener = (p: { origins?: string[] }) => void;

/** A browser's permissions and scripting, in memory: what is granted, what is registered. */
function fakeBrowser(granted: string[] = []) {
  const held = new Set(granted);
  const listeners = { added: new Set<Listener>(), removed: new Set<Listener>() };
  const event = (set: Set<Listener>) => ({ addListener: (l: Listener) => void set.add(l), removeListener: (l: Listener) => void set.delete(l) });
  const permissions: PermissionsApi = {
    contains: async ({ origins }) => origins.every((o) => held.has(o)),
    request: async ({ origins }) => {
      origins.forEach((o) => held.add(o));
      listeners.added.forEach((l) => l({ origins }));
      return true;
    },
    remove: async ({ origins }) => {
      origins.forEach((o) => held.delete(o));
      listeners.removed.forEach((l) => l({ origins }));
      return true;
    },
    onAdded: event(listeners.added),
    onRemoved: event(listeners.removed),
  };
  const scripts = new Map<string, { id: string; matches?: string[]; js?: string[] }>();
  const calls: string[] = [];
  const scripting: ScriptingApi = {
    getRegisteredContentScripts: async (filter) => [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    registerContentScripts: async (list) => {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
        calls.push(`register ${s.matches?.join(' ')}`);
      }
    },
    unregisterContentScripts: async (filter) => {
      for (const id of filter?.ids ?? []) scripts.delete(id);
      calls.push('unregister');
    },
    // No open tab unless a test gives some (withTabs).
    executeScript: async () => undefined,
  };
  const settled = () => new Promise((r) => setTimeout(r, 0));
  return { permissions, scripting, scripts, calls, held, settled, listeners };
}

describe("Sora's hosts on request", () => {
  it('registers nothing while no Sora host is granted', async () => {
    const b = fakeBrowser();
    expect(await syncSoraScript(b.permissions, b.scripting)).toEqual([]);
    expect(b.scripts.size).toBe(0);
    expect(await soraWatched(b.permissions)).toBe(false);
  });

  it('registers the script at start for the hosts granted before (an update that kept them), once', async () => {
    const b = fakeBrowser([...SORA_ORIGINS]);
    expect(await keepSoraScriptInStep(b.permissions, b.scripting)).toEqual(SORA_ORIGINS);
    expect(b.scripts.get(SORA_SCRIPT.id)).toMatchObject({ matches: SORA_ORIGINS, js: ['content-scripts/sora.js'] });
    // A second start finds it registered already and leaves it.
    await keepSoraScriptInStep(b.permissions, b.scripting);
    expect(b.calls).toEqual([`register ${SORA_ORIGINS.join(' ')}`]);
  });

  it('follows a grant and a withdrawal, from the settings or the browser', async () => {
    const b = fakeBrowser();
    await keepSoraScriptInStep(b.permissions, b.scripting);
    await watchSora(b.permissions);
    await b.settled();
    expect(b.scripts.get(SORA_SCRIPT.id)?.matches).toEqual(SORA_ORIGINS);
    expect(await soraWatched(b.permissions)).toBe(true);
    await stopWatchingSora(b.permissions);
    await b.settled();
    expect(b.scripts.size).toBe(0);
    expect(b.held.size).toBe(0);
  });

  it('registers for exactly the granted hosts when the user grants one and not the other', async () => {
    const b = fakeBrowser(['https://sora.com/*']);
    await keepSoraScriptInStep(b.permissions, b.scripting);
    expect(b.scripts.get(SORA_SCRIPT.id)?.matches).toEqual(['https://sora.com/*']);
    await b.permissions.request({ origins: ['https://sora.chatgpt.com/*'] });
    await b.settled();
    expect(b.scripts.get(SORA_SCRIPT.id)?.matches).toEqual(SORA_ORIGINS);
  });

  it('ignores changes to other hosts, and survives a burst of changes without registering twice', async () => {
    const b = fakeBrowser();
    await keepSoraScriptInStep(b.permissions, b.scripting);
    await b.permissions.request({ origins: ['https://chatgpt.com/*'] });
    await b.settled();
    expect(b.calls).toEqual([]);
    // Two grants in a row: the checks run one after another, so the second sees the first's registration.
    void b.permissions.request({ origins: ['https://sora.com/*'] });
    void b.permissions.request({ origins: ['https://sora.chatgpt.com/*'] });
    for (let i = 0; i < 10; i++) await b.settled();
    expect(b.scripts.get(SORA_SCRIPT.id)?.matches).toEqual(SORA_ORIGINS);
  });
});

describe('Sora tabs open when the hosts are granted', () => {
  /** Open tabs by URL; the fake answers a match-pattern query the way the browser does, by host. */
  function withTabs(b: ReturnType<typeof fakeBrowser>, open: { id: number; url: string }[], refuses: number[] = []) {
    const injected: { tabId: number; files: string[] }[] = [];
    b.scripting.executeScript = async ({ target, files }) => {
      if (refuses.includes(target.tabId)) throw new Error('Cannot access contents of the page');
      injected.push({ tabId: target.tabId, files });
    };
    const tabs: TabsApi = {
      query: async ({ url }) => open.filter((t) => url.some((pattern) => new URL(t.url).origin === new URL(pattern.replace('/*', '/')).origin)),
    };
    return { injected, tabs };
  }

  it('gets the script at once, in the granted hosts only, and not at a start', async () => {
    const b = fakeBrowser();
    const { injected, tabs } = withTabs(b, [
      { id: 1, url: 'https://sora.com/profile/alice' },
      { id: 2, url: 'https://chatgpt.com/' },
      { id: 3, url: 'https://sora.chatgpt.com/drafts' },
    ]);
    await keepSoraScriptInStep(b.permissions, b.scripting, tabs);
    expect(injected).toEqual([]);
    await b.permissions.request({ origins: ['https://sora.com/*'] });
    for (let i = 0; i < 5; i++) await b.settled();
    expect(injected).toEqual([{ tabId: 1, files: ['content-scripts/sora.js'] }]);
    // The other host later: only its tab, the first already has the script.
    await b.permissions.request({ origins: ['https://sora.chatgpt.com/*'] });
    for (let i = 0; i < 5; i++) await b.settled();
    expect(injected.map((i) => i.tabId)).toEqual([1, 3]);
  });

  it('leaves a tab that refuses and still puts the script into the others', async () => {
    const b = fakeBrowser();
    const { injected, tabs } = withTabs(b, [{ id: 7, url: 'https://sora.com/' }, { id: 8, url: 'https://sora.com/explore' }], [7]);
    expect(await watchOpenTabs(['https://sora.com/*'], b.scripting, tabs)).toBe(1);
    expect(injected.map((i) => i.tabId)).toEqual([8]);
  });

  it('is not asked for on a withdrawal or on a grant of another host', async () => {
    const b = fakeBrowser([...SORA_ORIGINS]);
    const { injected, tabs } = withTabs(b, [{ id: 1, url: 'https://sora.com/' }, { id: 2, url: 'https://chatgpt.com/' }]);
    await keepSoraScriptInStep(b.permissions, b.scripting, tabs);
    await b.permissions.request({ origins: ['https://chatgpt.com/*'] });
    await stopWatchingSora(b.permissions);
    for (let i = 0; i < 5; i++) await b.settled();
    expect(injected).toEqual([]);
  });
});
