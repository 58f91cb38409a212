/**
 * Colours of the lesson's figures. Signal and background use the Okabe-Ito vermillion and blue,
 * which stay apart under the common colour-vision deficiencies; the model output uses greys so
 * that neither point colour is lost against it.
 */
export const SIGNAL_COLOR = '#D55E00';
export const BACKGROUND_COLOR = '#0072B2';
export const OUTPUT_SCHEME = 'greys';

/** The ten levels of the model output: contours start at each of these values. */
export const OUTPUT_LEVELS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * Line colours of the three variants in the dynamics figures: Okabe-Ito reddish purple and bluish
 * green, and the text colour, each at least 3:1 against both themes' backgrounds.
 */
export const VARIANT_COLORS: Record<string, string> = { batch: '#CC79A7', online: '#009E73', minibatch: 'currentColor' };

/** The colour of a variant, grey for one the palette does not know. */
export const variantColor = (id: string) => VARIANT_COLORS[id] ?? 'gray';
