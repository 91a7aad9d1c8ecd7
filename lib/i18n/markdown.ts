/**
 * The small part of Markdown that PRIVACY.md uses (headings, paragraphs, lists, tables, `code`,
 * **bold**, *emphasis*, [links](…)), parsed into plain data. The privacy page renders that data as
 * elements, never as HTML, so the policy the extension shows is the very file the README links to.
 */
export type Inline =
  | { type: 'text' | 'code' | 'strong' | 'em'; text: string }
  | { type: 'link'; text: string; href: string };

export type Block =
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; items: Inline[][] }
  | { type: 'table'; head: Inline[][]; rows: Inline[][][] };

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ type: 'strong', text: m[2] });
    else if (m[3] !== undefined) out.push({ type: 'em', text: m[3] });
    else out.push({ type: 'link', text: m[4]!, href: m[5]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => parseInline(c.trim()));
const isTableRule = (row: string) => /^\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?$/.test(row.trim());

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  // Lines of the block being read: a paragraph's, a list's (an item per `- `), or a table's rows.
  let open: { type: 'paragraph' | 'list' | 'table'; lines: string[] } | null = null;
  const close = () => {
    if (!open) return;
    if (open.type === 'paragraph') blocks.push({ type: 'paragraph', content: parseInline(open.lines.join(' ')) });
    else if (open.type === 'list') blocks.push({ type: 'list', items: open.lines.map(parseInline) });
    else {
      const [head = '', ...rest] = open.lines;
      blocks.push({ type: 'table', head: cells(head), rows: rest.filter((r) => !isTableRule(r)).map(cells) });
    }
    open = null;
  };
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    // Comments are notes for whoever edits the file, not part of the policy.
    if (line.trim() === '' || /^<!--.*-->$/.test(line.trim())) close();
    else if (heading) {
      close();
      blocks.push({ type: 'heading', level: heading[1]!.length, content: parseInline(heading[2]!) });
    } else if (line.startsWith('- ')) {
      if (open?.type !== 'list') close();
      open ??= { type: 'list', lines: [] };
      open.lines.push(line.slice(2).trim());
    } else if (line.startsWith('|')) {
      if (open?.type !== 'table') close();
      open ??= { type: 'table', lines: [] };
      open.lines.push(line);
    } else if (open?.type === 'list' && /^\s/.test(line)) {
      // An indented line continues the list's last item.
      open.lines[open.lines.length - 1] += ` ${line.trim()}`;
    } else {
      if (open?.type !== 'paragraph') close();
      open ??= { type: 'paragraph', lines: [] };
      open.lines.push(line.trim());
    }
  }
  close();
  return blocks;
}
