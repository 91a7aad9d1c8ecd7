/**
 * Every surface's page rules, for the background, the popup and the tests (content scripts import only their own).
 *
 * Folder lib/rules/: how OpenAI's pages and requests are read: each surface's page rules and
 * network rules as data, the engines that apply them, accessible names, and detector health for bug
 * reports.
 */
import type { SurfaceId } from '../facts/surfaces';
import { CHATGPT } from './chatgpt';
import type { PageRule, SurfaceRules } from './page-rules';
import { PRIVACY } from './privacy';
import { SORA } from './sora';

export const RULES_BY_SURFACE: Readonly<Record<SurfaceId, SurfaceRules>> = { sora: SORA, chatgpt: CHATGPT, privacy: PRIVACY };
export const PAGE_RULES: readonly PageRule[] = Object.values(RULES_BY_SURFACE).flatMap((s) => s.rules);
