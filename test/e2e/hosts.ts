import { SURFACES } from '../../lib/facts/surfaces';

// The host names the fixture server answers for: every watched host (from the same data the
// extension is built from), an OpenAI host that is not watched, and a site that is not OpenAI's.
export const WATCHED_HOSTS: string[] = Object.values(SURFACES).flatMap((s) => [...s.hosts]);
export const OTHER_HOSTS = ['help.openai.com', 'example.org'];
/** No longer watched (nothing there deletes an account): the quiet-pages test still visits it, and gets a 404. */
const RETIRED_HOSTS = ['platform.openai.com'];
export const ALL_HOSTS = [...WATCHED_HOSTS, ...OTHER_HOSTS, ...RETIRED_HOSTS];
