// node run.mjs FILE.wasm [bench]: runs every example in the module and prints OK or the trap
// with its stack. With `bench`, also times the throughput topologies: process CPU time around
// `run()` only (steadier than wall time on a shared machine), 5 warm-up runs, median of 10.
import fs from 'node:fs';

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const env = { now_ms: cpuMs };
const { instance } = await WebAssembly.instantiate(fs.readFileSync(process.argv[2]), { env });
const x = instance.exports;
try {
  console.log(`OK examples: ${x.run_examples()} events`);
  if (process.argv[3] === 'bench') {
    for (const [h, s, r] of [[1000, 50, 20], [100, 5, 2]]) {
      const rates = [];
      for (let i = 0; i < 15; i++) rates.push(x.bench_median(h, s, r, 1));
      const kept = rates.slice(5).sort((a, b) => a - b);
      console.log(`OK ${h} hosts ${s} switches ${r} routers: ${(kept[5] / 1e6).toFixed(2)} M events/s (median of 10 after 5 warm-up)`);
    }
  }
} catch (e) {
  console.log(`CRASH ${e.message}`);
  console.log(e.stack.split('\n').slice(1, 6).join('\n'));
  process.exit(1);
}
