import type { DynamicsArtefact } from '../artefacts/dynamicsSchema';
import { mainRuns } from './dynamicsData';
import { gridPanels, type Panel } from './gridPanels';
import type { DynamicsLabels } from './labels';
import type { FigureSpec } from './render';

/**
 * The first seed's model output after more and more epochs: one row per variant at the
 * configured snapshot epochs, and one more row for the long-trained variant at its later epochs.
 */
export function epochGrid(artefact: DynamicsArtefact, labels: DynamicsLabels): FigureSpec {
  const { snapshotEpochs, long } = artefact.config;
  const panels: Panel[] = [];
  const rowNames: string[] = [];
  const addRow = (variant: string, epochs: number[], name: string) => {
    const run = mainRuns(artefact).find((r) => r.variant === variant)!;
    const row = rowNames.length;
    rowNames.push(name);
    epochs.forEach((epoch, column) => {
      const snapshot = run.snapshots.find((s) => s.epoch === epoch);
      if (snapshot) panels.push({ row, column, label: labels.epoch(epoch), values: snapshot.values });
    });
  };
  for (const run of mainRuns(artefact)) addRow(run.variant!, snapshotEpochs, labels.variants[run.variant!] ?? run.variant!);
  addRow(long.variant, long.snapshotEpochs, labels.continued(labels.variants[long.variant] ?? long.variant));
  return gridPanels(panels, rowNames, artefact.config.gridSize, labels.output);
}
