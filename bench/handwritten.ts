/**
 * The lesson's training step written by hand in single-threaded float32 TypeScript: the practical
 * limit on one core that the benchmark compares TensorFlow.js with. Same network, loss (Keras's
 * binary cross-entropy on the logits, mean over the batch) and plain SGD update as the trainer;
 * every buffer is allocated once, so a step allocates nothing.
 */
export class HandwrittenMlp {
  /** Layer widths, input first: [2, 64, 64, 64, 64, 64, 1]. */
  readonly sizes: number[];
  readonly kernels: Float32Array[];
  readonly biases: Float32Array[];
  private readonly capacity: number;
  /** Each layer's input (activations[0] holds x), then the logits. */
  private readonly activations: Float32Array[];
  private readonly deltas: Float32Array[];
  private readonly kernelGradients: Float32Array[];
  private readonly biasGradients: Float32Array[];

  /** Starts from `weights` in Keras's order (kernel, bias, ...), copied; `capacity` is the largest batch. */
  constructor(weights: ArrayLike<number>[], capacity: number) {
    this.kernels = weights.filter((_, i) => i % 2 === 0).map((w) => Float32Array.from(w));
    this.biases = weights.filter((_, i) => i % 2 === 1).map((w) => Float32Array.from(w));
    this.sizes = [this.kernels[0]!.length / this.biases[0]!.length, ...this.biases.map((b) => b.length)];
    this.capacity = capacity;
    this.activations = this.sizes.map((width) => new Float32Array(capacity * width));
    this.deltas = this.sizes.map((width) => new Float32Array(capacity * width));
    this.kernelGradients = this.kernels.map((k) => new Float32Array(k.length));
    this.biasGradients = this.biases.map((b) => new Float32Array(b.length));
  }

  /** The weights in Keras's order. */
  weights(): Float32Array[] {
    return this.kernels.flatMap((kernel, l) => [kernel, this.biases[l]!]);
  }

  /** Fills the activations for `count` points of x (row-major [count, 2]); returns the logits buffer. */
  private forward(x: Float32Array, count: number): Float32Array {
    this.activations[0]!.set(x.subarray(0, count * this.sizes[0]!));
    const layers = this.kernels.length;
    for (let l = 0; l < layers; l++) {
      const fanIn = this.sizes[l]!;
      const fanOut = this.sizes[l + 1]!;
      const input = this.activations[l]!;
      const output = this.activations[l + 1]!;
      const kernel = this.kernels[l]!;
      const bias = this.biases[l]!;
      const relu = l < layers - 1;
      for (let b = 0; b < count; b++) {
        const row = b * fanOut;
        for (let j = 0; j < fanOut; j++) output[row + j] = bias[j]!;
        for (let i = 0; i < fanIn; i++) {
          const a = input[b * fanIn + i]!;
          // Half the relu outputs are 0 and add nothing.
          if (a === 0) continue;
          const k = i * fanOut;
          for (let j = 0; j < fanOut; j++) output[row + j] += a * kernel[k + j]!;
        }
        if (relu) for (let j = 0; j < fanOut; j++) if (!(output[row + j]! > 0)) output[row + j] = 0;
      }
    }
    return this.activations[layers]!;
  }

  /** One SGD update on `count` points; returns the batch loss before the update. */
  step(x: Float32Array, y: Float32Array, count: number, learningRate: number): number {
    if (count > this.capacity) throw new Error(`batch of ${count} exceeds the capacity ${this.capacity}`);
    const layers = this.kernels.length;
    const logits = this.forward(x, count);
    let loss = 0;
    const top = this.deltas[layers]!;
    for (let b = 0; b < count; b++) {
      const z = logits[b]!;
      loss += Math.max(z, 0) - z * y[b]! + Math.log1p(Math.exp(-Math.abs(z)));
      top[b] = (1 / (1 + Math.exp(-z)) - y[b]!) / count;
    }
    for (let l = layers - 1; l >= 0; l--) {
      const fanIn = this.sizes[l]!;
      const fanOut = this.sizes[l + 1]!;
      const input = this.activations[l]!;
      const delta = this.deltas[l + 1]!;
      const kernel = this.kernels[l]!;
      const gk = this.kernelGradients[l]!;
      const gb = this.biasGradients[l]!;
      gk.fill(0);
      gb.fill(0);
      for (let b = 0; b < count; b++) {
        const row = b * fanOut;
        for (let j = 0; j < fanOut; j++) gb[j] += delta[row + j]!;
        for (let i = 0; i < fanIn; i++) {
          const a = input[b * fanIn + i]!;
          if (a === 0) continue;
          const k = i * fanOut;
          for (let j = 0; j < fanOut; j++) gk[k + j] += a * delta[row + j]!;
        }
      }
      // The delta below goes through this layer's kernel before the update changes it, and
      // through the relu: nothing passes where the activation is 0.
      if (l > 0) {
        const below = this.deltas[l]!;
        for (let b = 0; b < count; b++) {
          const row = b * fanOut;
          for (let i = 0; i < fanIn; i++) {
            if (input[b * fanIn + i] === 0) {
              below[b * fanIn + i] = 0;
              continue;
            }
            const k = i * fanOut;
            let sum = 0;
            for (let j = 0; j < fanOut; j++) sum += delta[row + j]! * kernel[k + j]!;
            below[b * fanIn + i] = sum;
          }
        }
      }
      for (let i = 0; i < kernel.length; i++) kernel[i] -= learningRate * gk[i]!;
      const bias = this.biases[l]!;
      for (let j = 0; j < fanOut; j++) bias[j] -= learningRate * gb[j]!;
    }
    return loss / count;
  }

  /** Sigmoid probabilities for `count` points of x, computed in chunks of the capacity, into `out`. */
  predict(x: Float32Array, count: number, out: Float32Array): Float32Array {
    const inputs = this.sizes[0]!;
    for (let first = 0; first < count; first += this.capacity) {
      const size = Math.min(this.capacity, count - first);
      const logits = this.forward(x.subarray(first * inputs, (first + size) * inputs), size);
      for (let b = 0; b < size; b++) out[first + b] = 1 / (1 + Math.exp(-logits[b]!));
    }
    return out;
  }
}
