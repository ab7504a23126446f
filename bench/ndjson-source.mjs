// Writes N synthetic deals as NDJSON to stdout, generated on the fly (flat memory here too).
import { makeDeal, rng } from "./deals.mjs";

const count = Number(process.argv[2] ?? 1000);
const random = rng(7);
let i = 0;
function pump() {
  while (i < count) {
    const ok = process.stdout.write(`${JSON.stringify(makeDeal(i, random))}\n`);
    i += 1;
    if (!ok) return process.stdout.once("drain", pump);
  }
}
pump();
