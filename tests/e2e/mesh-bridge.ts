import { resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type {
  BridgeAnswer,
  BridgeMessage,
  BridgeRequest,
  BridgeWorkerData,
  DecodedEvent,
} from './mesh-bridge-worker';

/**
 * Real mesh channels in real Chromiums, callable from the test's thread as if they were here.
 *
 * The Channel interface is synchronous (`send` returns whether it took the frame, `peers()` and
 * `bufferedBytes()` answer at once), and the layers above it (Outbox, the sync layer) rely on
 * that. So the browsers are driven from a worker thread (mesh-bridge-worker.ts), and a call
 * here posts to it and blocks on Atomics.wait until the page has answered: every value the
 * contract sees is the page's own, at that moment. Events come the other way, asynchronously
 * and in the page's order, as a channel's events do.
 */
export interface MeshBridge {
  /** Browsers (one Chromium each, TESTING.md): a room can hold at most this many channels. */
  readonly slots: number;
  /** Calls `globalThis.mesh[method](...args)` in the page of `slot` and waits for its answer. */
  callSync<T>(slot: number, method: string, args: unknown[], timeoutMs?: number): T;
  /** Receives the events of channel `handle` of `slot`; returns the unsubscribe. */
  listen(
    slot: number,
    handle: number,
    listener: (event: string, args: unknown[]) => void,
  ): () => void;
  /** Page errors and console errors of every browser so far. */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

export interface MeshBridgeOptions {
  readonly slots: number;
  readonly chromiumPath: string;
  readonly chromiumFlags: readonly string[];
}

const SYNC_TIMEOUT_MS = 30_000;

async function bundle(entry: string, platform: 'browser' | 'node'): Promise<string> {
  const result = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    platform,
    format: platform === 'node' ? 'cjs' : 'esm',
    // The worker requires playwright-core from node_modules (an eval'd worker resolves from
    // the working directory, the repository's root).
    packages: platform === 'node' ? 'external' : undefined,
    write: false,
  });
  return result.outputFiles[0]?.text ?? '';
}

export async function startMeshBridge(options: MeshBridgeOptions): Promise<MeshBridge> {
  const [pageScript, workerScript] = await Promise.all([
    bundle('tests/e2e/pages/mesh-channel.ts', 'browser'),
    bundle('tests/e2e/mesh-bridge-worker.ts', 'node'),
  ]);
  const flagBuffer = new SharedArrayBuffer(4);
  const flag = new Int32Array(flagBuffer);
  const sync = new MessageChannel();
  const events = new MessageChannel();
  const workerData: BridgeWorkerData = {
    flag: flagBuffer,
    syncPort: sync.port2,
    eventPort: events.port2,
    pageScript,
    chromiumPath: options.chromiumPath,
    chromiumFlags: options.chromiumFlags,
    headed: process.env.KRING_E2E_HEADED === '1',
  };
  const worker = new Worker(workerScript, {
    eval: true,
    workerData,
    transferList: [sync.port2, events.port2],
  });
  let workerError: string | null = null;
  worker.on('error', (error) => {
    workerError = String(error);
  });

  let nextId = 1;
  const pending = new Map<number, (answer: BridgeAnswer) => void>();
  const listeners = new Map<string, (event: string, args: unknown[]) => void>();
  events.port1.on('message', (message: BridgeMessage) => {
    if (message.type === 'answer') {
      pending.get(message.id)?.(message);
      pending.delete(message.id);
      return;
    }
    for (const [handle, event, ...args] of message.events as DecodedEvent[]) {
      listeners.get(`${message.slot}/${handle}`)?.(event, args);
    }
  });

  function job(request: BridgeRequest): Promise<unknown> {
    return new Promise((done, fail) => {
      pending.set(request.id, (answer) =>
        answer.ok ? done(answer.value) : fail(new Error(answer.error)),
      );
      sync.port1.postMessage(request);
    });
  }

  const bridge: MeshBridge = {
    slots: options.slots,
    callSync<T>(slot: number, method: string, args: unknown[], timeoutMs = SYNC_TIMEOUT_MS): T {
      if (workerError) throw new Error(`mesh bridge: the worker failed: ${workerError}`);
      const id = nextId++;
      Atomics.store(flag, 0, 0);
      sync.port1.postMessage({ kind: 'sync', id, slot, method, args } satisfies BridgeRequest);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const left = deadline - Date.now();
        if (left <= 0 || Atomics.wait(flag, 0, 0, left) === 'timed-out') {
          throw new Error(`mesh bridge: slot ${slot} did not answer ${method} in ${timeoutMs} ms`);
        }
        Atomics.store(flag, 0, 0);
        // Answers to calls that timed out earlier are skipped.
        for (
          let got = receiveMessageOnPort(sync.port1);
          got;
          got = receiveMessageOnPort(sync.port1)
        ) {
          const answer = got.message as BridgeAnswer;
          if (answer.id !== id) continue;
          if (!answer.ok) throw new Error(`mesh page (slot ${slot}) ${method}: ${answer.error}`);
          return answer.value as T;
        }
      }
    },
    listen(slot, handle, listener) {
      const key = `${slot}/${handle}`;
      listeners.set(key, listener);
      return () => listeners.delete(key);
    },
    errors: () => job({ kind: 'errors', id: nextId++ }) as Promise<string[]>,
    async close() {
      try {
        await job({ kind: 'close', id: nextId++ });
      } finally {
        events.port1.close();
        sync.port1.close();
        await worker.terminate();
      }
    },
  };
  try {
    await job({ kind: 'launch', id: nextId++, slots: options.slots });
  } catch (error) {
    await bridge.close();
    throw error;
  }
  return bridge;
}
