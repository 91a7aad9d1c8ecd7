/** Markdown parsed by lib/i18n/markdown.ts, as elements (no HTML is ever injected). */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { Block, Inline } from '@/lib/i18n/markdown';

interface Props {
  blocks: Block[];
  /** Where a link goes in this page (a relative link to another .md file, say); null shows its text alone. */
  resolveHref: (href: string) => string | null;
}

function Inlines({ content, resolveHref }: { content: Inline[]; resolveHref: Props['resolveHref'] }) {
  return (
    <>
      {content.map((part, i) => {
        if (part.type === 'code') return <code key={i}>{part.text}</code>;
        if (part.type === 'strong') return <strong key={i}>{part.text}</strong>;
        if (part.type === 'em') return <em key={i}>{part.text}</em>;
        if (part.type === 'link') {
          const href = resolveHref(part.href);
          return href ? <a key={i} href={href}>{part.text}</a> : part.text;
        }
        return part.text;
      })}
    </>
  );
}

export function MarkdownView({ blocks, resolveHref }: Props) {
  // A wide table scrolls sideways on a narrow screen: its scroller must be reachable by keyboard
  // (axe: scrollable-region-focusable), so it is a focusable region named by the heading above it.
  const prefix = useId();
  let heading: string | undefined;
  return (
    <>
      {blocks.map((block, i) => {
        if (block.type === 'heading') {
          const Tag = `h${Math.min(block.level, 6)}` as keyof JSX.IntrinsicElements;
          heading = `${prefix}-h${i}`;
          return <Tag key={i} id={heading}><Inlines content={block.content} resolveHref={resolveHref} /></Tag>;
        }
        if (block.type === 'paragraph') return <p key={i}><Inlines content={block.content} resolveHref={resolveHref} /></p>;
        if (block.type === 'list') {
          return (
            <ul key={i}>
              {block.items.map((item, j) => <li key={j}><Inlines content={item} resolveHref={resolveHref} /></li>)}
            </ul>
          );
        }
        return (
          <div key={i} class="table-scroll" tabIndex={0} role="region" aria-labelledby={heading}>
            <table class="data">
              <thead>
                <tr>{block.head.map((cell, j) => <th key={j} scope="col"><Inlines content={cell} resolveHref={resolveHref} /></th>)}</tr>
              </thead>
              <tbody>
                {block.rows.map((row, j) => (
                  <tr key={j}>{row.map((cell, k) => <td key={k}><Inlines content={cell} resolveHref={resolveHref} /></td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}
