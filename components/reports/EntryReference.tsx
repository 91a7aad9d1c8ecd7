/**
 * How the evidence report points from one entry to another ("Removed by entry 1a2b3c4d", "Follow-ups:
 * …"): a link to the entry's row in the chronology, named by the start of its id.
 */
import { Fragment } from 'preact';

/** Entries are referred to by the start of their id: enough to find them, short enough to read. */
export const shortId = (id: string) => id.slice(0, 8);

/** Stands in a message for the entry reference, which is a link. */
export const REF = '\uE000';

export const EntryRef = ({ id }: { id: string }) => <a href={`#entry-${id}`}>{shortId(id)}</a>;

/** A sentence of the messages with one entry reference in it: "Removed by entry 1a2b3c4d". */
export function WithRef({ text, id }: { text: string; id: string }) {
  const [before, after] = text.split(REF) as [string, string?];
  return (
    <>
      {before}
      <EntryRef id={id} />
      {after}
    </>
  );
}

/** Several entries, comma-separated: a deadline's follow-ups, access used after it was revoked. */
export function EntryRefs({ ids }: { ids: readonly string[] }) {
  return (
    <>
      {ids.map((id, i) => (
        <Fragment key={id}>
          {i > 0 && ', '}
          <EntryRef id={id} />
        </Fragment>
      ))}
    </>
  );
}
