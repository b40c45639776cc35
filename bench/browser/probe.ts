/**
 * What the benchmark puts in the page before the app's own scripts run (`page.addInitScript`).
 * The app is not changed: the probe watches it from outside.
 *
 * - Long tasks (`longtask`), long animation frames (with the scripts they ran) and slow input
 *   events (Event Timing) as the browser reports them.
 * - IndexedDB: every transaction (stores, mode, start, complete) and request the page makes,
 *   through thin wrappers of the IDB prototypes. Dexie calls the native API, so the app's reads
 *   and writes are seen exactly as issued.
 * - The engine worker: when the page posts to it (and how long the structured clone of the
 *   message keeps the main thread) and when its answers arrive.
 * - A waiter: armed with an event (the Enter that commits an edit, a click, a file chosen) and a
 *   condition on cells' text, it records the event's time, the end of the task whose DOM
 *   change met the condition (a MutationObserver's callback), then the next animation frame and
 *   a message posted from it, which runs once that frame's style, layout and paint are done:
 *   "painted". Times are `performance.now()`, milliseconds since navigation start
 *   (`performance.timeOrigin`).
 * - Start-up: the first indicator row whose period cell shows a value, painted, as a
 *   performance mark (`bench:first-value-painted`).
 *
 * These functions are serialised into the page, so they reference nothing outside themselves.
 */

export interface LongTask { start: number; duration: number }

export interface LongFrame {
  start: number;
  duration: number;
  blockingDuration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: { invoker: string; sourceURL: string; sourceFunctionName: string; start: number; duration: number; forcedStyleAndLayoutDuration: number }[];
}

export interface InputEvent { name: string; start: number; processingStart: number; processingEnd: number; duration: number }

export interface IdbRequest { op: string; store: string; start: number; end: number }

export interface IdbTransaction {
  db: string;
  stores: string[];
  mode: string;
  start: number;
  end: number;
  state: 'open' | 'complete' | 'abort' | 'error';
  requests: IdbRequest[];
}

export interface WorkerPost { start: number; end: number }

export type Trigger =
  | { type: 'keydown'; key: string; within: string }
  | { type: 'click'; within: string }
  | { type: 'change'; within: string }
  | { type: 'now' };

/** A cell (or any element) and what its text must be: exactly `text`, changed since armed, or not empty. */
export interface Condition { selector: string; text?: string; changed?: boolean; nonEmpty?: boolean }

export interface WaitSpec { trigger: Trigger; until: Condition[] }

export interface WaitResult {
  /** The triggering event's timestamp (when the browser received the input). */
  trigger: number;
  /** When the page's first listener saw it. */
  handler: number;
  /** End of the task whose DOM change met the condition. */
  dom: number;
  /** The next animation frame after it. */
  frame: number;
  /** That frame's rendering done (a message posted from its rAF callback). */
  painted: number;
}

export interface Startup {
  ready: number | null;
  firstRow: number | null;
  firstValue: WaitResult | null;
}

export interface BenchState {
  longTasks: LongTask[];
  frames: LongFrame[];
  events: InputEvent[];
  idb: IdbTransaction[];
  posts: WorkerPost[];
  messages: number[];
  startup: Startup;
  result: WaitResult | null;
  wait(spec: WaitSpec): void;
  /** Resolves with the armed wait's result (or null after `timeoutMs`). */
  done(timeoutMs: number): Promise<WaitResult | null>;
  /** Resolves once no IndexedDB transaction is open and nothing happened for `quietMs`. */
  settle(quietMs: number, timeoutMs: number): Promise<number>;
  /** Plans (and texts) the benchmark keeps in the page for the raw baseline. */
  stash: Record<string, unknown>;
  /** Each completed wait's window, trigger → painted: what a profile of the waits keeps. */
  windows: { start: number; end: number }[];
  /**
   * Spins for `ms` in a function named `benchClockMark` and returns when it started and ended:
   * a CPU profile's samples in that function put the profile's clock beside `performance.now()`.
   */
  clockMark(ms: number): [number, number];
}

export interface BenchWindow { __bench: BenchState }

/** tsx (esbuild, keepNames) wraps functions in `__name(fn, "name")`; the page needs that helper too. */
export const NAME_HELPER = 'globalThis.__name = globalThis.__name || ((target) => target);';

export function installProbe(): void {
  const w = window as unknown as Partial<BenchWindow> & { Worker: typeof Worker };
  if (w.__bench) return;
  const now = () => performance.now();
  let pending: { spec: WaitSpec; before: (string | null)[]; trigger: number | null; handler: number; dom: number | null } | null = null;
  let resolveDone: ((result: WaitResult | null) => void) | null = null;
  let lastActivity = 0;
  const touch = () => { lastActivity = now(); };

  const state: BenchState = {
    longTasks: [],
    frames: [],
    events: [],
    idb: [],
    posts: [],
    messages: [],
    startup: { ready: null, firstRow: null, firstValue: null },
    result: null,
    stash: {},
    windows: [],
    clockMark(ms) {
      return benchClockMark(ms);
    },
    wait(spec) {
      state.result = null;
      pending = {
        spec,
        before: spec.until.map((c) => document.querySelector(c.selector)?.textContent ?? null),
        trigger: spec.trigger.type === 'now' ? now() : null,
        handler: now(),
        dom: null,
      };
      if (spec.trigger.type === 'now') queueMicrotask(check);
    },
    done(timeoutMs) {
      if (state.result) return Promise.resolve(state.result);
      return new Promise((resolve) => {
        const timer = setTimeout(() => { resolveDone = null; resolve(null); }, timeoutMs);
        resolveDone = (result) => { clearTimeout(timer); resolve(result); };
      });
    },
    settle(quietMs, timeoutMs) {
      const started = now();
      return new Promise((resolve) => {
        const poll = () => {
          const open = state.idb.some((t) => t.state === 'open');
          const quiet = now() - lastActivity >= quietMs;
          if ((!open && quiet) || now() - started > timeoutMs) resolve(now());
          else setTimeout(poll, 25);
        };
        poll();
      });
    },
  };
  w.__bench = state;

  const observe = (type: string, handle: (entry: PerformanceEntry) => void, extra: Record<string, unknown> = {}) => {
    try {
      new PerformanceObserver((list) => { for (const entry of list.getEntries()) handle(entry); }).observe({ type, buffered: true, ...extra });
    } catch {
      // This browser does not report that entry type.
    }
  };
  observe('longtask', (e) => { state.longTasks.push({ start: e.startTime, duration: e.duration }); });
  observe('long-animation-frame', (e) => {
    const f = e as PerformanceEntry & { blockingDuration: number; renderStart: number; styleAndLayoutStart: number; scripts: readonly (PerformanceEntry & { invoker: string; sourceURL: string; sourceFunctionName: string; forcedStyleAndLayoutDuration: number })[] };
    state.frames.push({
      start: f.startTime,
      duration: f.duration,
      blockingDuration: f.blockingDuration,
      renderStart: f.renderStart,
      styleAndLayoutStart: f.styleAndLayoutStart,
      scripts: [...f.scripts].map((s) => ({ invoker: s.invoker, sourceURL: s.sourceURL, sourceFunctionName: s.sourceFunctionName, start: s.startTime, duration: s.duration, forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration })),
    });
  });
  observe('event', (e) => {
    const t = e as PerformanceEntry & { processingStart: number; processingEnd: number };
    state.events.push({ name: t.name, start: t.startTime, processingStart: t.processingStart, processingEnd: t.processingEnd, duration: t.duration });
  }, { durationThreshold: 16 });

  // IndexedDB, as the app (through Dexie) uses it.
  const records = new WeakMap<IDBTransaction, IdbTransaction>();
  const nativeTransaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function transaction(this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
    const tx = nativeTransaction.call(this, stores, mode, options);
    const record: IdbTransaction = { db: this.name, stores: typeof stores === 'string' ? [stores] : [...stores], mode: mode ?? 'readonly', start: now(), end: -1, state: 'open', requests: [] };
    records.set(tx, record);
    state.idb.push(record);
    touch();
    const finish = (how: IdbTransaction['state']) => () => { record.end = now(); record.state = how; touch(); };
    tx.addEventListener('complete', finish('complete'));
    tx.addEventListener('abort', finish('abort'));
    tx.addEventListener('error', finish('error'));
    return tx;
  } as typeof nativeTransaction;
  const wrapRequests = (proto: object, ops: string[], txOf: (self: never) => IDBTransaction, storeOf: (self: never) => string) => {
    const table = proto as Record<string, unknown>;
    for (const op of ops) {
      const native = table[op];
      if (typeof native !== 'function') continue;
      table[op] = function wrapped(this: never, ...args: unknown[]) {
        const request = (native as (...a: unknown[]) => IDBRequest).apply(this, args);
        const record = records.get(txOf(this));
        if (record) {
          const entry: IdbRequest = { op, store: storeOf(this), start: now(), end: -1 };
          record.requests.push(entry);
          request.addEventListener('success', () => { entry.end = now(); });
          request.addEventListener('error', () => { entry.end = now(); });
        }
        return request;
      };
    }
  };
  wrapRequests(IDBObjectStore.prototype, ['get', 'getAll', 'getAllKeys', 'getKey', 'put', 'add', 'delete', 'clear', 'count', 'openCursor', 'openKeyCursor'],
    (s: IDBObjectStore) => s.transaction, (s: IDBObjectStore) => s.name);
  wrapRequests(IDBIndex.prototype, ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor'],
    (i: IDBIndex) => i.objectStore.transaction, (i: IDBIndex) => `${i.objectStore.name}.${i.name}`);

  // The engine worker: posts (the structured clone happens inside postMessage) and answers.
  const NativeWorker = w.Worker;
  const nativePost = NativeWorker.prototype.postMessage;
  NativeWorker.prototype.postMessage = function postMessage(this: Worker, ...args: Parameters<Worker['postMessage']>) {
    const start = now();
    (nativePost as (...a: unknown[]) => void).apply(this, args);
    state.posts.push({ start, end: now() });
    touch();
  } as typeof nativePost;
  w.Worker = class BenchWorker extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', () => { state.messages.push(now()); touch(); });
    }
  };

  function benchClockMark(ms: number): [number, number] {
    const start = now();
    let end = start;
    while (end - start < ms) end = now();
    return [start, end];
  }

  // The waiter.
  const textOf = (selector: string) => document.querySelector(selector)?.textContent ?? null;
  const holds = (p: NonNullable<typeof pending>) => p.spec.until.every((c, i) => {
    const text = textOf(c.selector);
    if (text === null) return false;
    if (c.text !== undefined && text !== c.text) return false;
    if (c.changed && text === p.before[i]) return false;
    if (c.nonEmpty && text.trim() === '') return false;
    return true;
  });
  // "Rendering done" is the first task after the frame's: a user-blocking scheduler task, posted
  // from the frame's animation callback. Not a MessageChannel message: Chromium defers ordinary
  // tasks after a key whose handling asked for a frame ("defer renderer tasks after input"), and
  // a message posted in one frame was seen to run only after the next, one frame late.
  type Scheduler = { postTask(callback: () => void, options: { priority: 'user-blocking' }): Promise<void> };
  const scheduler = (globalThis as unknown as { scheduler?: Scheduler }).scheduler;
  const afterNextFrame = (then: (frame: number, painted: number) => void) => {
    requestAnimationFrame(() => {
      const frame = now();
      if (scheduler) {
        void scheduler.postTask(() => then(frame, now()), { priority: 'user-blocking' });
        return;
      }
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { channel.port1.close(); then(frame, now()); };
      channel.port2.postMessage(null);
    });
  };
  function check(): void {
    const p = pending;
    if (!p || p.trigger === null || p.dom !== null || !holds(p)) return;
    p.dom = now();
    performance.mark('bench:dom');
    const trigger = p.trigger;
    const handler = p.handler;
    const dom = p.dom;
    afterNextFrame((frame, painted) => {
      const result: WaitResult = { trigger, handler, dom, frame, painted };
      state.windows.push({ start: trigger, end: painted });
      performance.mark('bench:painted');
      if (pending === p) pending = null;
      state.result = result;
      touch();
      resolveDone?.(result);
      resolveDone = null;
    });
  }
  const start = (event: Event) => {
    const p = pending;
    if (!p) return;
    p.trigger = event.timeStamp;
    p.handler = now();
    performance.mark('bench:trigger');
    queueMicrotask(check);
  };
  const armedFor = (type: string, target: EventTarget | null): boolean => {
    const t = pending?.spec.trigger;
    if (!pending || pending.trigger !== null || !t || t.type !== type || t.type === 'now') return false;
    return target instanceof Element && target.closest(t.within) !== null;
  };
  window.addEventListener('keydown', (event) => {
    const t = pending?.spec.trigger;
    if (t?.type === 'keydown' && event.key === t.key && armedFor('keydown', event.target)) start(event);
  }, true);
  window.addEventListener('click', (event) => { if (armedFor('click', event.target)) start(event); }, true);
  window.addEventListener('change', (event) => { if (armedFor('change', event.target)) start(event); }, true);

  // Start-up: the first indicator row showing a value in a period cell.
  const firstValue = () => {
    const cells = document.querySelectorAll('.ag-row[row-id^="i:"] .ag-cell[col-id^="p:"]');
    for (const cell of cells) if ((cell.textContent ?? '').trim() !== '') return true;
    return false;
  };
  let startupSeen = false;
  const watchStartup = () => {
    const s = state.startup;
    if (s.ready === null && document.body?.dataset['ready'] === 'true') s.ready = now();
    if (startupSeen) return;
    if (s.firstRow === null && document.querySelector('.ag-row[row-id^="i:"]')) s.firstRow = now();
    if (s.firstRow === null || !firstValue()) return;
    startupSeen = true;
    const dom = now();
    afterNextFrame((frame, painted) => {
      s.firstValue = { trigger: 0, handler: 0, dom, frame, painted };
      performance.mark('bench:first-value-painted', { startTime: painted });
    });
  };

  new MutationObserver(() => {
    touch();
    check();
    watchStartup();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-ready'] });
}
