import type { Done, Job } from "./protocol.js";

const STALL = Symbol("stall");
const READY = Symbol("ready");
/**
 * The next item of the input, unless something else should happen first: STALL when a partial chunk
 * is waiting (`waiting`), the item is not already there and STALL_MS pass; READY when the oldest job in
 * flight (`head`) finishes first, so its results can go out while the input is quiet.
 */
async function nextEvent<T>(
  next: IteratorResult<T> | Promise<IteratorResult<T>>,
  waiting: boolean,
  head: Promise<unknown> | undefined,
): Promise<IteratorResult<T> | typeof STALL | typeof READY> {
  const ready = await Promise.race([next, AWAITING]);
  if (ready !== STALL) return ready;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const racers: Array<Promise<IteratorResult<T> | typeof STALL | typeof READY>> = [Promise.resolve(next)];
  if (waiting) racers.push(new Promise((resolve) => (timer = setTimeout(() => resolve(STALL), STALL_MS))));
  if (head)
    racers.push(
      head.then(
        () => READY,
        () => READY,
      ),
    );
  const event = await Promise.race(racers);
  clearTimeout(timer);
  return event;
}

/** Settles at once with STALL: raced against the next item, it tells whether that item is already there. */
const AWAITING: Promise<typeof STALL> = Promise.resolve(STALL);
/** How long a partial chunk waits for more input before it is sent as it is. */
const STALL_MS = 10;

/** How to stream items through a pool: chunked, at most `maxInFlight` chunks out, results in order. */
export interface ChunkStream<T, R> {
  readonly items: Iterable<T> | AsyncIterable<T>;
  readonly kind: "deals" | "lines";
  readonly asOf: string;
  readonly chunkSize: number;
  readonly maxInFlight: number;
  readonly send: (job: Omit<Job, "id">) => Promise<Done>;
  readonly unpack: (done: Done) => R[];
}

/**
 * Streams items through `send` in chunks, in input order, with bounded memory. Results that are ready go
 * out at once, and a partial chunk is sent when the input is quiet, so a slow producer still sees answers
 * promptly.
 */
export async function* streamChunks<T, R>(s: ChunkStream<T, R>): AsyncGenerator<R> {
  const source =
    Symbol.asyncIterator in s.items
      ? (s.items as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (s.items as Iterable<T>)[Symbol.iterator]();
  const inFlight: Array<{ promise: Promise<Done>; settled: boolean }> = [];
  let chunk: T[] = [];
  let first = 0;
  const dispatch = () => {
    const entry = {
      promise: s.send({ kind: s.kind, first, items: chunk, asOf: s.asOf } as Omit<Job, "id">),
      settled: false,
    };
    const settle = () => {
      entry.settled = true;
    };
    entry.promise.then(settle, settle);
    inFlight.push(entry);
    first += chunk.length;
    chunk = [];
  };
  const take = async () => s.unpack(await (inFlight.shift() as { promise: Promise<Done> }).promise);
  let next = source.next();
  for (;;) {
    while (inFlight[0]?.settled) yield* await take();
    const step = await nextEvent(next, chunk.length > 0, inFlight[0]?.promise);
    if (step === READY) continue;
    if (step === STALL) {
      dispatch();
      continue;
    }
    if (step.done) break;
    chunk.push(step.value);
    next = source.next();
    if (chunk.length >= s.chunkSize) dispatch();
    while (inFlight.length >= s.maxInFlight) yield* await take();
  }
  if (chunk.length > 0) dispatch();
  while (inFlight.length > 0) yield* await take();
}
