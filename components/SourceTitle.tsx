/** A fact's source by its title, linked where it has an address (a press source we cite by name has none). */
import type { Source } from '@/lib/policies';

export function SourceTitle({ source }: { source: Source }) {
  return source.url ? (
    <a href={source.url} target="_blank" rel="noreferrer">
      {source.title}
    </a>
  ) : (
    <>{source.title}</>
  );
}
