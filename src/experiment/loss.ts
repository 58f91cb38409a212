import type * as tfType from '@tensorflow/tfjs';

type Tf = typeof tfType;

/**
 * Binary cross-entropy as Keras computes it when the output layer is a sigmoid: from the logits z
 * (the sigmoid's input), softplus(z) - z y per point, averaged over the batch. This equals
 * max(z, 0) - z y + log(1 + exp(-|z|)), TensorFlow's sigmoid_cross_entropy_with_logits.
 * TensorFlow.js's own binaryCrossentropy instead clips the probability to [1e-7, 1 - 1e-7], which
 * caps a confident wrong prediction's loss near 16 and gives it no gradient.
 */
export function binaryCrossEntropyFromLogits(tf: Tf, labels: tfType.Tensor, logits: tfType.Tensor): tfType.Scalar {
  return tf.tidy(() => tf.mean(tf.sub(tf.softplus(logits), tf.mul(logits, labels))));
}
