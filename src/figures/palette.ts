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
