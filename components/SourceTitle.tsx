/**
 * A fact's source by its title, linked where it has an address (a press source we cite by name has
 * none): the one way the dashboard, the closure facts and the printable report name a source.
 */
import type { Source } from '@/lib/facts/policies';
import { ExternalLink } from './ExternalLink';

/** How sure a source makes a fact, as the message that says so. */
export const CONFIDENCE_MESSAGE = { confirmed: 'reportConfidenceConfirmed', secondary: 'reportConfidenceSecondary', inferred: 'reportConfidenceInferred' } as const;

/** `newTab`: off in the printable report, which is itself a page opened to be read and printed. */
export function SourceTitle({ source, newTab = true }: { source: Pick<Source, 'title' | 'url'>; newTab?: boolean }) {
  if (!source.url) return <>{source.title}</>;
  return newTab ? (
    <ExternalLink href={source.url}>{source.title}</ExternalLink>
  ) : (
    <a href={source.url}>{source.title}</a>
  );
}
