import { SURFACES } from '../../lib/surfaces';

// The host names the fixture server answers for: every watched host (from the same data the
// extension is built from), an OpenAI host that is not watched, and a site that is not OpenAI's.
export const WATCHED_HOSTS: string[] = Object.values(SURFACES).flatMap((s) => [...s.hosts]);
export const OTHER_HOSTS = ['help.openai.com', 'example.org'];
export const ALL_HOSTS = [...WATCHED_HOSTS, ...OTHER_HOSTS];
