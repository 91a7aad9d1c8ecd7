/**
 * A list that renders only the rows in view (and a few around them), so a ledger of 100k
 * entries scrolls as smoothly as one of ten. Rows have one fixed height.
 *
 * Keyboard: one row at a time is in the tab order (roving tabindex); the arrow keys, Page Up,
 * Page Down, Home and End move between rows, scrolling as they go. Each item says where it is
 * in the whole list (aria-posinset, aria-setsize), since most rows are not in the document.
 */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface RowProps {
  tabIndex: 0 | -1;
  'data-row': number;
}

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  keyOf: (item: T) => string;
  /** Renders a row's one focusable element, with the given props spread on it. */
  renderRow: (item: T, index: number, props: RowProps) => JSX.Element;
  labelledBy: string;
  describedBy?: string;
  /** A row to bring into view and put in the tab order; a new object each time it is asked. */
  scrollTo?: { index: number } | null;
  /** Rows rendered beyond each edge of the view. */
  overscan?: number;
}

export function VirtualList<T>({ items, rowHeight, keyOf, renderRow, labelledBy, describedBy, scrollTo, overscan = 8 }: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(560);
  const [active, setActive] = useState(0);
  const focusAfterRender = useRef(false);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const reveal = (index: number) => {
    const el = viewport.current;
    if (!el) return;
    const top = index * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    setScrollTop(el.scrollTop);
  };

  useEffect(() => {
    if (!scrollTo) return;
    setActive(scrollTo.index);
    reveal(scrollTo.index);
  }, [scrollTo]);

  // A shorter list (a filter) must not leave the active row past its end.
  const last = items.length - 1;
  const current = Math.min(active, Math.max(last, 0));

  useLayoutEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    viewport.current?.querySelector<HTMLElement>(`[data-row="${current}"]`)?.focus({ preventScroll: true });
  });

  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(viewport.current?.scrollTop ?? 0));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: last,
    };
    const target = moves[e.key];
    if (target === undefined || last < 0) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(last, target));
    setActive(next);
    reveal(next);
    focusAfterRender.current = true;
  };

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  // The row in the tab order: the active one while it is rendered, else the first one in view.
  const tabbable = current >= first && current < end ? current : Math.min(Math.floor(scrollTop / rowHeight), last);

  const rows: JSX.Element[] = [];
  for (let i = first; i < end; i++) {
    const item = items[i]!;
    rows.push(
      <li key={keyOf(item)} style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }} aria-setsize={items.length} aria-posinset={i + 1}>
        {renderRow(item, i, { tabIndex: i === tabbable ? 0 : -1, 'data-row': i })}
      </li>,
    );
  }

  return (
    <div class="virtual-list" ref={viewport} onScroll={onScroll}>
      <ul
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        style={{ height: `${items.length * rowHeight}px` }}
        onKeyDown={onKeyDown}
        onFocusIn={(e) => {
          const row = Number((e.target as HTMLElement).dataset.row);
          if (Number.isInteger(row)) setActive(row);
        }}
      >
        {rows}
      </ul>
    </div>
  );
}
