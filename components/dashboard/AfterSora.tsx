/** The dashboard's "After Sora" section: that Sora has closed, and the guided flow for what happened there. */
import { SoraClosure } from '../SoraClosure';
import type { DashboardContext } from './context';
import { SoraHistory } from './SoraHistory';

export function AfterSora({ ctx }: { ctx: DashboardContext }) {
  return (
    <>
      <SoraClosure headingLevel={3} headingId="after-sora-closure" />
      <SoraHistory ctx={ctx} />
    </>
  );
}
