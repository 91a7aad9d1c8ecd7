/**
 * A link to another site (a source, a takedown form, an address the user or a page gave): it opens
 * in a new tab, and without a referrer, so the site learns nothing of the extension's pages.
 * Shows its address unless told what to say.
 */
import type { ComponentChildren } from 'preact';

export function ExternalLink({ href, children }: { href: string; children?: ComponentChildren }) {
  return (
    <a href={href} target="_blank" rel="noreferrer">
      {children ?? href}
    </a>
  );
}
