// The Node/V8 flags the engine runs with, in one place: `npm start` (scripts/start.js), the
// benchmark's engine process (bench/src/http/engine-process.ts) and, copied by hand,
// deploy/Dockerfile's CMD. Measured in docs/benchmarks.md ("Engine memory").
//
// --heap-growing-percent=50: after each full GC V8 lets the old generation grow to 1.5× the
// live heap before the next one, instead of up to 4× when GC looks cheap. The engine's live
// heap is ~50–70 MB, so under load V8 otherwise let it reach ~190 MB of garbage before a
// full GC (peak RSS 320–490 MB); with 1.5× the peak stays near 200 MB for a few more
// (incremental, mostly concurrent) full GCs. Heap size is not capped: no OOM risk added.
const ENGINE_V8_FLAGS = ['--heap-growing-percent=50'];
const ENGINE_NODE_FLAGS = ['--enable-source-maps', ...ENGINE_V8_FLAGS];

module.exports = { ENGINE_NODE_FLAGS, ENGINE_V8_FLAGS };
