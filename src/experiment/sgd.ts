import type * as tfType from '@tensorflow/tfjs';
import { binaryCrossEntropyFromLogits } from './loss';

type Tf = typeof tfType;

/** The network's parameters layer by layer: kernel [fanIn, fanOut] and bias [fanOut]. */
export interface Weights {
  kernels: tfType.Tensor2D[];
  biases: tfType.Tensor1D[];
}

/** Every layer's input (x first, then each hidden layer's relu output) and the logits. */
function forward(tf: Tf, { kernels, biases }: Weights, x: tfType.Tensor2D): { inputs: tfType.Tensor2D[]; logits: tfType.Tensor2D } {
  const last = kernels.length - 1;
  const inputs = [x];
  for (let l = 0; l < last; l++) {
    inputs.push(tf.fused.matMul({ a: inputs[l]!, b: kernels[l]!, bias: biases[l], activation: 'relu' }) as tfType.Tensor2D);
  }
  return { inputs, logits: tf.fused.matMul({ a: inputs[last]!, b: kernels[last]!, bias: biases[last] }) as tfType.Tensor2D };
}

/** The output layer's logits (the sigmoid's input) for the points x [count, 2]. */
export function logits(tf: Tf, weights: Weights, x: tfType.Tensor2D): tfType.Tensor2D {
  return tf.tidy(() => forward(tf, weights, x).logits);
}

/**
 * One plain SGD update on the batch (x [B, 2], y [B, 1]) with the gradient derived by hand:
 * dLoss/dlogits = (sigmoid(z) - y) / B, then back through each Dense layer (kernel gradient
 * inputᵀ delta, bias gradient the column sums of delta) and each relu (delta kept where the
 * activation is above 0). Returns new weights and the batch loss of the forward pass before the
 * update; disposes nothing it was given.
 */
export function sgdStep(
  tf: Tf,
  weights: Weights,
  x: tfType.Tensor2D,
  y: tfType.Tensor2D,
  learningRate: number,
): { weights: Weights; loss: tfType.Scalar } {
  // The wasm backend's matMul with a transposed operand takes a slow path (15 times slower for
  // 1100 rows), so there the operand is transposed first; the others transpose inside matMul.
  const transposeFirst = tf.getBackend() === 'wasm';
  const inputTimes = (input: tfType.Tensor2D, delta: tfType.Tensor2D) =>
    transposeFirst ? tf.matMul(tf.transpose(input), delta) : tf.matMul(input, delta, true, false);
  const timesKernel = (delta: tfType.Tensor2D, kernel: tfType.Tensor2D) =>
    transposeFirst ? tf.matMul(delta, tf.transpose(kernel)) : tf.matMul(delta, kernel, false, true);
  return tf.tidy(() => {
    const { inputs, logits: z } = forward(tf, weights, x);
    const loss = binaryCrossEntropyFromLogits(tf, y, z);
    // delta is -learningRate times the gradient, so that each parameter's update is a single add;
    // the mean's 1/B and the step size are folded into one scale here.
    let delta: tfType.Tensor2D = tf.mul(tf.sub(y, tf.sigmoid(z)), tf.scalar(learningRate / x.shape[0]));
    const layers = weights.kernels.length;
    const kernels: tfType.Tensor2D[] = new Array(layers);
    const biases: tfType.Tensor1D[] = new Array(layers);
    for (let l = layers - 1; l >= 0; l--) {
      const input = inputs[l]!;
      kernels[l] = tf.add(weights.kernels[l]!, inputTimes(input, delta));
      biases[l] = tf.add(weights.biases[l]!, tf.sum(delta, 0));
      if (l > 0) delta = tf.mul(timesKernel(delta, weights.kernels[l]!), tf.step(input));
    }
    return { weights: { kernels, biases }, loss };
  });
}

/** Copies of the model's current weights, in the form sgdStep takes. */
export function readWeights(tf: Tf, model: tfType.LayersModel): Weights {
  const values = model.getWeights();
  return {
    kernels: values.filter((_, i) => i % 2 === 0).map((w) => tf.clone(w) as tfType.Tensor2D),
    biases: values.filter((_, i) => i % 2 === 1).map((w) => tf.clone(w) as tfType.Tensor1D),
  };
}

/** The weights in Keras's order (kernel, bias, kernel, bias, ...). */
export function weightList({ kernels, biases }: Weights): tfType.Tensor[] {
  return kernels.flatMap((kernel, l) => [kernel, biases[l]!]);
}

/** Frees the weights' memory. */
export function disposeWeights(tf: Tf, weights: Weights): void {
  tf.dispose(weightList(weights));
}
