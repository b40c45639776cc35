import { For, Show } from 'solid-js';
import type { Plan } from '../../engine/model/plan.ts';
import { planDifferences } from '../../engine/scenarios/preview.ts';
import { Dialog } from '../Dialog.tsx';
import { lang, t } from '../i18n/index.ts';
import { wordDifference } from '../import/words.ts';
import { tp } from '../i18n/panel-messages.ts';

/** A snapshot against the plan now: every difference in words ("Doanh thu 2024: 5.300 → 5.500"). */
export function SnapshotCompare(props: { name: string; snapshot: Plan; current: Plan; onClose: () => void }) {
  const lines = () => planDifferences(props.snapshot, props.current)
    .map((difference) => wordDifference(difference, { lang: lang(), local: props.snapshot, incoming: props.current }).line);
  return (
    <Dialog title={tp().snapshotCompareTitle(props.name)} onClose={() => props.onClose()} testId="snapshot-compare">
      <Show when={lines().length > 0} fallback={<p>{tp().snapshotSame}</p>}>
        <ul class="snapshot-differences">
          <For each={lines().slice(0, 200)}>{(line) => <li>{line}</li>}</For>
        </ul>
        <Show when={lines().length > 200}><p class="field-hint">{t().moreProblems(lines().length - 200)}</p></Show>
      </Show>
      <div class="dialog-actions">
        <button type="button" class="button" onClick={() => props.onClose()}>{t().close}</button>
      </div>
    </Dialog>
  );
}

export default SnapshotCompare;
