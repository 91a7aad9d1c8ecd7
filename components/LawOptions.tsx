/** The options of the law and request selects, shared by quick add and the guided Sora history. */
import { LAWS } from '@/lib/facts/policies';
import { REQUESTS } from '@/lib/ledger/quick-add';
import { lawLabel, requestLabel } from './text';

export const LawOptions = () => (
  <>
    {LAWS.map((law) => (
      <option key={law} value={law}>
        {lawLabel(law)}
      </option>
    ))}
  </>
);

export const RequestOptions = () => (
  <>
    {REQUESTS.map((r) => (
      <option key={r} value={r}>
        {requestLabel(r)}
      </option>
    ))}
  </>
);
