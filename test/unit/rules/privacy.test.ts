// @vitest-environment happy-dom
/** The privacy portal's rules against their fixtures (test/fixtures/rules/privacy.ts): page rules, deletion step, route anchor. */
import { describe } from 'vitest';
import { describeSurfaceFixtures } from '../helpers/surface-fixtures';

describe('the privacy portal', () => describeSurfaceFixtures('privacy'));
