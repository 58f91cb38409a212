import type * as tfType from '@tensorflow/tfjs';
import { streamRng, tfSeed } from './random';

type Tf = typeof tfType;

/** The network's layer widths: 2 inputs, five hidden layers of 64, one output. */
export const LAYER_UNITS = [64, 64, 64, 64, 64, 1] as const;
export const INPUT_SIZE = 2;

/**
 * Builds the lesson's classifier: five Dense(64, relu) layers and a Dense(1, sigmoid) output,
 * Glorot-uniform kernels (set explicitly: TensorFlow.js defaults to Glorot-normal) and zero biases.
 * The same seed gives the same initial weights. It is not compiled: training (binary cross-entropy
 * on the logits and plain SGD, as Keras does it) is in sgd.ts; the model predicts probabilities.
 */
export function buildModel(tf: Tf, seed: number): tfType.Sequential {
  const rng = streamRng(seed, 'weights');
  const model = tf.sequential();
  LAYER_UNITS.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        ...(i === 0 ? { inputShape: [INPUT_SIZE] } : {}),
        units,
        activation: i === LAYER_UNITS.length - 1 ? 'sigmoid' : 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: tfSeed(rng) }),
        biasInitializer: 'zeros',
      }),
    );
  });
  return model;
}
