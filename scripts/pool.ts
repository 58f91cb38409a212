/**
 * A pool of worker processes for many small, independent, single-threaded runs: each worker takes
 * the next job when it finishes one, so the pool stays busy until the queue is empty.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./dynamicsWorker.ts', import.meta.url));

/** Every live worker, so that an interrupted parent can stop them. */
const live = new Set<ChildProcess>();

/** Stops every worker this process started. */
export function stopWorkers(): void {
  for (const child of live) child.kill();
  live.clear();
}

/**
 * Runs `jobs` on `size` workers (forked with this process's loader, so TypeScript runs as is) and
 * calls `done` with each reply as it comes. Rejects on the first failed job, stopping the others.
 */
export function runPool<Job extends object, Reply extends { ok: boolean; error?: string }>(
  jobs: Job[],
  size: number,
  done: (job: Job, reply: Reply, worker: number) => void,
): Promise<void> {
  const queue = [...jobs];
  const workers = Math.max(1, Math.min(size, queue.length));
  if (queue.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    let running = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      stopWorkers();
      reject(error);
    };
    for (let w = 0; w < workers; w++) {
      const child = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env } });
      live.add(child);
      running += 1;
      let current: Job | undefined;
      const next = () => {
        current = queue.shift();
        if (current !== undefined) return child.send(current);
        live.delete(child);
        child.disconnect();
        running -= 1;
        if (running === 0 && !failed) resolve();
      };
      child.on('message', (reply: Reply) => {
        if (!reply.ok) return fail(new Error(reply.error ?? 'worker failed'));
        done(current!, reply, w);
        next();
      });
      child.on('exit', (code, signal) => {
        if (live.has(child)) fail(new Error(`a training worker stopped (${signal ?? `exit code ${code}`}) before finishing its runs`));
      });
      next();
    }
  });
}
