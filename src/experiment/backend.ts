import * as tf from '@tensorflow/tfjs';

/** The TensorFlow.js backends the trainer can run on. */
export const BACKENDS = ['tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** The environment variable that asks for one backend instead of the automatic choice. */
export const BACKEND_ENV = 'MINIBATCH_BACKEND';

/** The backend that ran, and one line saying why it was chosen. */
export interface LoadedBackend {
  tf: typeof tf;
  name: BackendName;
  note: string;
}

/** Thread settings applied before any backend loads (TensorFlow's pools and OpenMP). */
export const THREADS = { intraOp: 1, interOp: 1, openMp: 1 } as const;

function limitThreads(): void {
  process.env.TF_NUM_INTRAOP_THREADS = String(THREADS.intraOp);
  process.env.TF_NUM_INTEROP_THREADS = String(THREADS.interOp);
  process.env.OMP_NUM_THREADS = String(THREADS.openMp);
}

async function loadTensorflow(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0]);
  // tfjs-node 4.22's native addon crashes on load under Node 23 and later, so do not try it there.
  if (major >= 23) throw new Error(`@tensorflow/tfjs-node 4.22 does not load on Node ${process.versions.node}`);
  // A variable specifier keeps bundlers and the type checker from requiring the optional package.
  const optionalPackage = '@tensorflow/tfjs-node';
  try {
    await import(/* @vite-ignore */ optionalPackage);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error('@tensorflow/tfjs-node is not installed (optional dependency; its install downloads libtensorflow)');
    }
    throw new Error(`@tensorflow/tfjs-node failed to load: ${String((error as Error).message).split('\n')[0]}`);
  }
}

async function loadWasm(): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setThreadsCount(THREADS.intraOp);
}

async function activate(name: BackendName): Promise<void> {
  if (name === 'tensorflow') await loadTensorflow();
  if (name === 'wasm') await loadWasm();
  if (!(await tf.setBackend(name))) throw new Error(`TensorFlow.js could not initialise the ${name} backend`);
  await tf.ready();
}

/**
 * Loads the training backend with one thread. Without a request it prefers tfjs-node and falls
 * back to the single-threaded wasm backend; an explicit request (MINIBATCH_BACKEND) that cannot be
 * met is an error, never a silent fallback.
 */
export async function loadBackend(request: string | undefined = process.env[BACKEND_ENV]): Promise<LoadedBackend> {
  limitThreads();
  if (request && request !== 'auto') {
    if (!(BACKENDS as readonly string[]).includes(request)) {
      throw new Error(`${BACKEND_ENV}=${request} is not a backend; use one of auto, ${BACKENDS.join(', ')}`);
    }
    const name = request as BackendName;
    try {
      await activate(name);
    } catch (error) {
      throw new Error(
        `${BACKEND_ENV}=${name} was requested but cannot run: ${(error as Error).message}. Unset ${BACKEND_ENV} to let the trainer choose.`,
      );
    }
    return { tf, name, note: `${name} (requested by ${BACKEND_ENV})` };
  }
  try {
    await activate('tensorflow');
    return { tf, name: 'tensorflow', note: 'tensorflow (tfjs-node, 1 intra-op and 1 inter-op thread)' };
  } catch (error) {
    await activate('wasm');
    return { tf, name: 'wasm', note: `wasm (single-threaded) because ${(error as Error).message}` };
  }
}
