/** The words a figure draws, supplied in the page's language. */
export interface FigureLabels {
  x1: string;
  x2: string;
  signal: string;
  background: string;
  /** Title of the colour legend for the model's output. */
  output: string;
}

/** The accessible name and description of a figure, with the words it draws. */
export interface FigureText {
  title: string;
  description: string;
  labels: FigureLabels;
}

/** The words the dynamics figures draw, in the page's language. */
export interface DynamicsLabels {
  /** Variant id to its name, e.g. online -> "online learning". */
  variants: Record<string, string>;
  loss: string;
  updates: string;
  samples: string;
  seconds: string;
  batchSize: string;
  msPerUpdate: string;
  msPerEpoch: string;
  /** "after {{epochs}} epochs" and "after {{seconds}} s", with the numbers already filled in. */
  afterEpochs: string;
  afterBudget: string;
  baseline: string;
  /** "epoch {{epoch}}" for one panel, as a function of the epoch. */
  epoch: (epoch: number) => string;
  /** The label of the nth seed's panel (seeds are numbered from 1 in the order of the configuration). */
  seed: (seed: number) => string;
  /** The name of the long-trained variant's extra row, e.g. "batch learning, continued". */
  continued: (variant: string) => string;
  output: string;
}
