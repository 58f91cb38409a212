import { arch, cpus, platform } from 'node:os';
import { version as tfjsVersions } from '@tensorflow/tfjs';
import type { Environment } from '../src/artefacts/schema';
import { THREADS, type LoadedBackend } from '../src/experiment/backend';

/** Where and how training runs, as the artefacts record it. */
export function describeEnvironment(backend: LoadedBackend, seed: number): Environment {
  return {
    backend: backend.name,
    backendNote: backend.note,
    tfjsVersion: tfjsVersions['tfjs-core'],
    nodeVersion: process.versions.node,
    platform: `${platform()}-${arch()}`,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    threads: THREADS,
    seed,
  };
}

/** `--name VALUE` from the command line. */
export function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
