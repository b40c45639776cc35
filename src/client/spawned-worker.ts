/** A worker as the clients see it: the browser's, or a Node worker thread in the tests. */
import type * as Comlink from 'comlink';

export interface SpawnedWorker {
  endpoint: Comlink.Endpoint;
  terminate(): void;
  /** Registers the callback for an uncaught error or a failed start of the worker. */
  onCrash(callback: (message: string) => void): void;
}

/**
 * A browser worker seen as a SpawnedWorker. The `new Worker(new URL(…))` stays with each caller:
 * Vite bundles a worker only from that literal form.
 */
export function browserWorker(worker: Worker): SpawnedWorker {
  return {
    endpoint: worker,
    terminate: () => worker.terminate(),
    onCrash: (callback) => {
      worker.addEventListener('error', (event) => {
        // Handled here: the client restarts the worker and says why; not an uncaught page error.
        event.preventDefault();
        callback(event.message || 'worker error');
      });
      worker.addEventListener('messageerror', () => callback('message could not be read'));
    },
  };
}
