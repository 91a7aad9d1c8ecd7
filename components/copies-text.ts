/** The words for copies elsewhere (lib/copies/): platforms, what a copy shows, routes. Total tables: a new value needs its words. */
import type { AddressProblem, Platform } from '@/lib/copies/address';
import type { TakedownRouteId } from '@/lib/copies/routes';
import type { DetailsOf } from '@/lib/ledger/events';
import { t, type MessageKey } from '@/lib/i18n/i18n';

const PLATFORM: Record<Platform, MessageKey> = {
  youtube: 'platformYoutube',
  tiktok: 'platformTiktok',
  instagram: 'platformInstagram',
  facebook: 'platformFacebook',
  x: 'platformX',
  snapchat: 'platformSnapchat',
  threads: 'platformThreads',
  reddit: 'platformReddit',
  other: 'platformOther',
};
export const platformLabel = (p: Platform) => t(PLATFORM[p]);

type Sighting = DetailsOf<'sighting-logged'>;
const SHOWS: Record<Sighting['shows'], MessageKey> = { face: 'showsFace', voice: 'showsVoice', both: 'showsBoth' };
export const showsLabel = (s: Sighting['shows']) => t(SHOWS[s]);

const MADE_WITH: Record<Sighting['madeWith'], MessageKey> = { sora: 'madeWithSora', other: 'madeWithOther', unknown: 'madeWithUnknown' };
export const madeWithLabel = (m: Sighting['madeWith']) => t(MADE_WITH[m]);

const OUTCOME: Record<DetailsOf<'takedown-outcome'>['outcome'], MessageKey> = { 'gone-verified': 'takedownGoneVerified', refused: 'takedownRefused' };
export const takedownOutcomeLabel = (o: DetailsOf<'takedown-outcome'>['outcome']) => t(OUTCOME[o]);

const ROUTE: Record<TakedownRouteId, MessageKey> = {
  'youtube-privacy': 'routeYoutubePrivacy',
  'x-take-it-down': 'routeXTakeItDown',
  'tiktok-report': 'routeTiktokReport',
  'meta-report': 'routeMetaReport',
  'snapchat-report': 'routeSnapchatReport',
  'take-it-down-act': 'routeTakeItDownAct',
  'eu-dsa': 'routeEuDsa',
  'gdpr-erasure': 'routeGdprErasure',
  other: 'routeOther',
};
export const routeLabel = (r: TakedownRouteId) => t(ROUTE[r]);

/** Why an address was not taken, as the message key (the form keeps the key to show it in an alert). */
export const ADDRESS_PROBLEM: Record<AddressProblem, MessageKey> = {
  'not-an-address': 'copyAddressNotAnAddress',
  'not-http': 'copyAddressNotHttp',
  'too-long': 'copyAddressTooLong',
};
