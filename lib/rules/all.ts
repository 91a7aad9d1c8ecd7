/** Every surface's page rules, for the background, the popup and the tests (content scripts import only their own). */
import type { SurfaceId } from '../surfaces';
import { CHATGPT } from './chatgpt';
import type { PageRule, SurfaceRules } from './page-rules';
import { PRIVACY } from './privacy';
import { SORA } from './sora';

export const RULES_BY_SURFACE: Readonly<Record<SurfaceId, SurfaceRules>> = { sora: SORA, chatgpt: CHATGPT, privacy: PRIVACY };
export const PAGE_RULES: readonly PageRule[] = Object.values(RULES_BY_SURFACE).flatMap((s) => s.rules);
