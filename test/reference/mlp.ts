/**
 * An independent model of the lesson's network in plain TypeScript and float64, written from the
 * Keras definitions and used only by the tests: Dense layers (y = x W + b), relu on the hidden
 * layers, a sigmoid output, binary cross-entropy computed from the output layer's logits, its mean
 * over the batch, and plain SGD (w <- w - learningRate * gradient). It shares no code with the
 * TensorFlow.js trainer, so agreeing with it means agreeing with the definitions.
 */

/** Kernels ([fanIn, fanOut], row-major) and biases, layer by layer, in float64. */
export interface ReferenceWeights {
  /** Layer widths, input first: [2, 64, 64, 64, 64, 64, 1] for the lesson. */
  sizes: number[];
  kernels: Float64Array[];
  biases: Float64Array[];
}

/** Reads weights in Keras's order (kernel, bias, kernel, bias, ...), widening them to float64. */
export function referenceWeights(weights: ArrayLike<number>[]): ReferenceWeights {
  const kernels: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let i = 0; i < weights.length; i += 2) {
    kernels.push(Float64Array.from(weights[i]!));
    biases.push(Float64Array.from(weights[i + 1]!));
  }
  const sizes = [kernels[0]!.length / biases[0]!.length, ...biases.map((b) => b.length)];
  return { sizes, kernels, biases };
}

/** The weights in Keras's order (kernel, bias, ...), for comparison with a trained model. */
export function flatWeights(weights: ReferenceWeights): Float64Array[] {
  return weights.kernels.flatMap((kernel, l) => [kernel, weights.biases[l]!]);
}

/** A copy that later updates to the original leave alone. */
export function cloneWeights(weights: ReferenceWeights): ReferenceWeights {
  return { sizes: [...weights.sizes], kernels: weights.kernels.map((k) => k.slice()), biases: weights.biases.map((b) => b.slice()) };
}

/**
 * The forward pass for `count` points x (row-major [count, 2]): every layer's pre-activation
 * (`preActivations[l]`, the input of layer l's activation) and input (`inputs[l]`, so inputs[0] is
 * x). The last pre-activation is the logits, the sigmoid's input.
 */
export function forward(
  weights: ReferenceWeights,
  x: ArrayLike<number>,
  count: number,
): { inputs: Float64Array[]; preActivations: Float64Array[] } {
  const { sizes, kernels, biases } = weights;
  const layers = kernels.length;
  const inputs: Float64Array[] = [Float64Array.from(x)];
  const preActivations: Float64Array[] = [];
  for (let l = 0; l < layers; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const input = inputs[l]!;
    const h = new Float64Array(count * fanOut);
    for (let b = 0; b < count; b++) {
      for (let j = 0; j < fanOut; j++) {
        let sum = biases[l]![j]!;
        for (let i = 0; i < fanIn; i++) sum += input[b * fanIn + i]! * kernels[l]![i * fanOut + j]!;
        h[b * fanOut + j] = sum;
      }
    }
    preActivations.push(h);
    if (l < layers - 1) inputs.push(h.map(relu));
  }
  return { inputs, preActivations };
}

function relu(v: number): number {
  return v > 0 ? v : 0;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Binary cross-entropy as Keras computes it when the output layer is a sigmoid: from the logits z,
 * max(z, 0) - z y + log(1 + exp(-|z|)) per point (TensorFlow's sigmoid_cross_entropy_with_logits,
 * which never takes the log of a rounded probability), then the mean over the batch.
 */
export function binaryCrossEntropyFromLogits(logits: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let b = 0; b < logits.length; b++) {
    const z = logits[b]!;
    sum += Math.max(z, 0) - z * labels[b]! + Math.log1p(Math.exp(-Math.abs(z)));
  }
  return sum / logits.length;
}

/** The loss of the batch and its gradient with respect to every kernel and bias. */
export function lossAndGradient(
  weights: ReferenceWeights,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { loss: number; kernels: Float64Array[]; biases: Float64Array[] } {
  const { sizes, kernels } = weights;
  const count = y.length;
  const layers = kernels.length;
  const { inputs, preActivations } = forward(weights, x, count);
  const logits = preActivations[layers - 1]!;
  const loss = binaryCrossEntropyFromLogits(logits, y);
  // d(mean loss)/dz = (sigmoid(z) - y) / count: the derivative of the per-point loss above, and the
  // mean's 1/count.
  let delta = new Float64Array(count);
  for (let b = 0; b < count; b++) delta[b] = (sigmoid(logits[b]!) - y[b]!) / count;
  const gradKernels: Float64Array[] = new Array(layers);
  const gradBiases: Float64Array[] = new Array(layers);
  for (let l = layers - 1; l >= 0; l--) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const input = inputs[l]!;
    const gk = new Float64Array(fanIn * fanOut);
    const gb = new Float64Array(fanOut);
    for (let b = 0; b < count; b++) {
      for (let j = 0; j < fanOut; j++) {
        const d = delta[b * fanOut + j]!;
        gb[j] += d;
        for (let i = 0; i < fanIn; i++) gk[i * fanOut + j] += input[b * fanIn + i]! * d;
      }
    }
    gradKernels[l] = gk;
    gradBiases[l] = gb;
    if (l === 0) break;
    // Back through the kernel, then through the relu below it: TensorFlow's relu gradient is 1
    // where the pre-activation is above 0 and 0 elsewhere, 0 itself included.
    const below = preActivations[l - 1]!;
    const next = new Float64Array(count * fanIn);
    for (let b = 0; b < count; b++) {
      for (let i = 0; i < fanIn; i++) {
        if (!(below[b * fanIn + i]! > 0)) continue;
        let sum = 0;
        for (let j = 0; j < fanOut; j++) sum += delta[b * fanOut + j]! * kernels[l]![i * fanOut + j]!;
        next[b * fanIn + i] = sum;
      }
    }
    delta = next;
  }
  return { loss, kernels: gradKernels, biases: gradBiases };
}

/** One plain SGD update on the batch (x, y), in place; returns the batch's loss before the update. */
export function sgdStep(weights: ReferenceWeights, x: ArrayLike<number>, y: ArrayLike<number>, learningRate: number): number {
  const gradient = lossAndGradient(weights, x, y);
  weights.kernels.forEach((kernel, l) => kernel.forEach((v, i) => (kernel[i] = v - learningRate * gradient.kernels[l]![i]!)));
  weights.biases.forEach((bias, l) => bias.forEach((v, i) => (bias[i] = v - learningRate * gradient.biases[l]![i]!)));
  return gradient.loss;
}
