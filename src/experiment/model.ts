import type * as tfType from '@tensorflow/tfjs';
import { streamRng, tfSeed } from './random';

type Tf = typeof tfType;

/** The network's layer widths: 2 inputs, five hidden layers of 64, one output. */
export const LAYER_UNITS = [64, 64, 64, 64, 64, 1] as const;
export const INPUT_SIZE = 2;

/**
 * Builds and compiles the lesson's classifier: five Dense(64, relu) layers and a Dense(1, sigmoid)
 * output, Glorot-uniform kernels (set explicitly: TensorFlow.js defaults to Glorot-normal), zero
 * biases, binary cross-entropy and plain SGD. The same seed gives the same initial weights.
 */
export function buildModel(tf: Tf, seed: number, learningRate: number): tfType.Sequential {
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
  model.compile({ optimizer: tf.train.sgd(learningRate), loss: 'binaryCrossentropy' });
  return model;
}
