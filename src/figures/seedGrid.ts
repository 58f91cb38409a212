import type { DynamicsArtefact } from '../artefacts/dynamicsSchema';
import { seedRuns, variantIds } from './dynamicsData';
import { gridPanels, type Panel } from './gridPanels';
import type { DynamicsLabels } from './labels';
import type { FigureSpec } from './render';

/** Each variant's model output after the seed runs' epochs, one panel per seed, one row per variant. */
export function seedGrid(artefact: DynamicsArtefact, labels: DynamicsLabels): FigureSpec {
  const epoch = artefact.config.seedEpochs;
  const panels: Panel[] = [];
  const ids = variantIds(artefact);
  ids.forEach((variant, row) => {
    seedRuns(artefact, variant).forEach((run, column) => {
      const snapshot = run.snapshots.find((s) => s.epoch === epoch);
      if (snapshot) panels.push({ row, column, label: labels.seed(column + 1), values: snapshot.values });
    });
  });
  return gridPanels(
    panels,
    ids.map((id) => labels.variants[id] ?? id),
    artefact.config.gridSize,
    labels.output,
  );
}
