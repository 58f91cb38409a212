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
