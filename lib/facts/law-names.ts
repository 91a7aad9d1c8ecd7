/**
 * A law's name in the UI's language ("RGPD (UE et EEE)", "DSGVO (EU und EWR)"), for every place
 * that names a law to the user: settings, reminders, calendar titles and the evidence report.
 * lib/facts/policies.ts keeps the English citations with their sources; these are the words shown.
 */
import { t, type MessageKey } from '../i18n/i18n';
import type { Law } from './policies';

const LAW: Record<Law, MessageKey> = {
  gdpr: 'lawGdpr',
  'uk-gdpr': 'lawUkGdpr',
  ccpa: 'lawCcpa',
  'us-state': 'lawUsState',
  lgpd: 'lawLgpd',
  pipeda: 'lawPipeda',
  none: 'lawNone',
};
export const lawLabel = (law: Law) => t(LAW[law]);
