// The browser half of "Fast at every size": what the built page costs a person, measured
// in Debian's Chromium through Playwright. Prints a table and writes
// bench/browser/results/<UTC time>.json.
//
//   node bench/browser/run.mjs [--loads 10] [--sizes 1000,10000] [--data build/bench-data]
//   node bench/browser/run.mjs --only sizes      # transfer sizes alone, no browser
//
// Inputs are the generated workspaces build/bench-data/workspace-N.okr.json (okr-generate,
// seed 1); bench/browser/run builds the page and writes them first. The page comes from
// OKR_SITE_DIR (default build/wasm/site). Figures:
//   - transfer sizes of app.js, app.wasm and app.data (font and example), raw and gzip
//   - navigation to the first frame that shows data, median of --loads fresh loads, with an
//     empty browser and with the 1,000-objective workspace stored in IndexedDB
//   - per size: import in the page (MB/s, longest main-thread block, time until durable,
//     peak wasm memory), export in the page (MB/s), the main loop's CPU time per frame
//     while the wheel scrolls the cascade, and one check-in recorded (main-thread block,
//     time until IndexedDB holds it)
//   - CPU used by the page over 10 idle seconds (Performance.getMetrics through the Chrome
//     DevTools Protocol) beside a static page measured in the same browser
// Nothing here asserts: budgets are compared in docs/benchmarks.md.

import { readFileSync, mkdirSync, writeFileSync, mkdtempSync, symlinkSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startServer, launch, waitForState, siteDir, repoRoot, Startup, SaveStatus,
} from '../../tests/browser/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const loads = Number(argument('--loads', 10));
const sizesWanted = argument('--sizes', '1000,10000').split(',').map(Number);
const dataDir = path.resolve(argument('--data', path.join(repoRoot, 'build/bench-data')));
const fontPath = '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf';
const examplePath = path.join(repoRoot, 'assets/examples/northwind-it.json');
const onlySizes = argument('--only', '') === 'sizes';

const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : null);
const percentile = (xs, p) => {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const dataFile = (n) => path.join(dataDir, `workspace-${n}.okr.json`);

// ---- transfer sizes ---------------------------------------------------------------------

// The size of a wasm module's code and data sections (section ids 10 and 11).
function wasmSections(wasm) {
  const sections = {};
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(byte & 0x80)) return value;
    }
  };
  while (at < wasm.length) {
    const id = wasm[at++];
    const size = leb();
    sections[id] = (sections[id] || 0) + size;
    at += size;
  }
  return { code: sections[10] || 0, data: sections[11] || 0 };
}

// What a first visit transfers: the script, the wasm and the data file (font and example),
// each as it comes from disk and gzip-compressed as a static host would send it.
function transferSizes() {
  const file = (name) => readFileSync(path.join(siteDir, name));
  const sized = (bytes) => ({ raw: bytes.length, gzip: gzip(bytes) });
  const js = file('app.js');
  const wasm = file('app.wasm');
  const data = file('app.data');
  const sections = wasmSections(wasm);
  const font = readFileSync(fontPath);
  const example = readFileSync(examplePath);
  const scriptAndWasm = { raw: js.length + wasm.length, gzip: gzip(js) + gzip(wasm) };
  return {
    total: { raw: scriptAndWasm.raw + data.length, gzip: scriptAndWasm.gzip + gzip(data) },
    script_and_wasm: scriptAndWasm,
    app_js: sized(js),
    app_wasm: sized(wasm),
    wasm_code_section: { raw: sections.code },
    wasm_data_section: { raw: sections.data },
    app_data: sized(data),
    font: sized(font),
    example: sized(example),
  };
}

// ---- the page ---------------------------------------------------------------------------

// A directory the static server serves: the built page, the inputs and a static page.
function servedDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-bench-site-'));
  for (const name of ['index.html', 'app.js', 'app.wasm', 'app.data']) symlinkSync(path.resolve(siteDir, name), path.join(dir, name));
  for (const n of sizesWanted.concat([1000])) {
    const target = path.join(dir, path.basename(dataFile(n)));
    if (existsSync(dataFile(n)) && !existsSync(target)) symlinkSync(dataFile(n), target);
  }
  writeFileSync(path.join(dir, 'static.html'),
    '<!doctype html><meta charset="utf-8"><title>static</title><p>A static page, for comparison.</p>\n');
  return dir;
}

// Long tasks (over 50 ms) of the main thread, kept from the first script of every page.
const observeLongTasks = () => {
  window.okrLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.okrLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

async function browser() {
  const b = await launch();
  await b.context.addInitScript(observeLongTasks);
  return b;
}

// The frames drawn since the last call: the main loop's time for each ({frame}) and, of
// that, ImGui's own work from NewFrame to Render ({interface}). The rest is handing the
// draw lists to WebGL, where reading GL state back waits for the (here software) renderer.
const frameTimes = (page) => page.evaluate(() => JSON.parse(UTF8ToString(Module._okr_debug_frame_times())));
const now = (page) => page.evaluate(() => performance.now());
const longestTaskSince = (page, since) => page.evaluate((t) => Math.max(0, ...window.okrLongTasks
  .filter((e) => e.start + e.duration >= t).map((e) => e.duration)), since);
const wasmBytes = (page) => page.evaluate(() => (typeof HEAPU8 !== 'undefined' ? HEAPU8 : Module.HEAPU8).buffer.byteLength);

async function openFresh(page, url) {
  await page.goto(url);
  return waitForState(page, (s) => s.startup !== Startup.loading && s.frames > 1, 'the app to load', 60000);
}

// Copies the file into the wasm heap (not timed), then opens it as the file chooser does,
// in a task of its own; returns how long that task ran.
async function openInPage(page, name) {
  return page.evaluate(async (file) => {
    const bytes = new Uint8Array(await (await fetch(file)).arrayBuffer());
    const ptr = Module._malloc(bytes.length + 1);
    (typeof HEAPU8 !== 'undefined' ? HEAPU8 : Module.HEAPU8).set(bytes, ptr);
    const took = await new Promise((resolve) => setTimeout(() => {
      const start = performance.now();
      Module._okr_debug_open_text(ptr, bytes.length);
      resolve({ start, ms: performance.now() - start });
    }, 0));
    Module._free(ptr);
    return took;
  }, name);
}

const durable = (s) => s.startup === Startup.ready && s.save_status === SaveStatus.saved;

// ---- measurements -----------------------------------------------------------------------

async function firstDataFrames(server, prepare) {
  const b = await browser();
  try {
    await openFresh(b.page, server.url);
    await prepare(b.page);
    const first = [];
    const firstData = [];
    for (let i = 0; i < loads; i++) {
      await b.page.goto('about:blank');
      await b.page.goto(server.url);
      const s = await waitForState(b.page, (x) => x.first_data_frame_ms > 0, 'a frame with data', 120000);
      first.push(s.first_frame_ms);
      firstData.push(s.first_data_frame_ms);
    }
    return { loads, first_frame_ms: median(first), first_data_frame_ms: median(firstData), all_ms: firstData };
  } finally {
    await b.context.close();
  }
}

async function scrolling(page) {
  await page.mouse.move(300, 500);
  await pause(300);
  await frameTimes(page);  // drops what came before
  for (let i = 0; i < 80; i++) {
    await page.mouse.wheel(0, 240);
    await pause(30);
  }
  await pause(300);
  const times = await frameTimes(page);
  const figures = (xs) => ({ median_ms: median(xs), p95_ms: percentile(xs, 95), max_ms: Math.max(...xs) });
  return { frames: times.frame.length, ...figures(times.frame), interface: figures(times.interface) };
}

// One check-in, as the form records it: how long the main thread is held (the edit itself,
// then the frames and storage work it causes) and when IndexedDB holds it.
async function oneEdit(page, keyResult, value) {
  await frameTimes(page);
  const before = await waitForState(page, durable, 'a saved workspace', 600000);
  const call = await page.evaluate(([kr, v]) => new Promise((resolve) => setTimeout(() => {
    const start = performance.now();
    const ok = Module.ccall('okr_debug_record_check_in', 'number', ['string', 'number', 'string'],
      [kr, v, 'Benchmark edit.']);
    resolve({ ok, start, ms: performance.now() - start });
  }, 0)), [keyResult, value]);
  if (!call.ok) throw new Error(`the check-in on ${keyResult} was refused`);
  const saved = await waitForState(page, (s) => durable(s) && s.stored_revision !== before.stored_revision,
    'the edit to be stored', 600000);
  const durableMs = (await now(page)) - call.start;
  const frames = await frameTimes(page);
  const longTask = await longestTaskSince(page, call.start);
  return {
    call_ms: call.ms,
    longest_frame_ms: Math.max(0, ...frames.frame),
    longest_task_ms: longTask,
    main_thread_block_ms: Math.max(call.ms, longTask, ...frames.frame),
    durable_ms: durableMs,
    stored_revision: saved.stored_revision,
  };
}

// A KR of the active cycle of a generated workspace: the edit a person makes this week.
function activeKeyResult(n) {
  const w = JSON.parse(readFileSync(dataFile(n), 'utf8'));
  const active = w.cycles.find((c) => c.state === 'active');
  const objective = w.objectives.find((o) => o.cycle === active.id);
  return w.key_results.find((kr) => kr.objective === objective.id).id;
}

async function atSize(server, n, edits) {
  const bytes = statSync(dataFile(n)).size;
  const keyResult = activeKeyResult(n);
  const b = await browser();
  try {
    const { page } = b;
    await openFresh(page, server.url);
    const memoryBefore = await wasmBytes(page);
    const opened = await openInPage(page, path.basename(dataFile(n)));
    const shown = await waitForState(page, (s) => s.startup === Startup.ready && s.workspace, 'the import', 600000);
    const shownMs = (await now(page)) - opened.start;
    await waitForState(page, durable, 'the import to be stored', 900000);
    const durableMs = (await now(page)) - opened.start;
    const importFrames = await frameTimes(page);
    const importBlock = Math.max(opened.ms, await longestTaskSince(page, opened.start), ...importFrames.frame);
    const memoryAfterImport = await wasmBytes(page);

    const exported = await page.evaluate(() => new Promise((resolve) => setTimeout(() => {
      const start = performance.now();
      const size = Module._okr_debug_export();
      resolve({ size, ms: performance.now() - start });
    }, 0)));
    await pause(1500);
    const scroll = await scrolling(page);

    const editRuns = [];
    for (let i = 0; i < edits; i++) editRuns.push(await oneEdit(page, keyResult, 50 + i));
    const blocks = editRuns.map((e) => e.main_thread_block_ms);
    const durables = editRuns.map((e) => e.durable_ms);
    return {
      objectives: n,
      file_bytes: bytes,
      key_results: shown.workspace.key_results,
      import: {
        call_ms: opened.ms,
        mb_per_s: bytes / 1e6 / (opened.ms / 1000),
        shown_ms: shownMs,
        durable_ms: durableMs,
        longest_main_thread_block_ms: importBlock,
        wasm_memory_before: memoryBefore,
        wasm_memory_peak: memoryAfterImport,
      },
      export: { ms: exported.ms, bytes: exported.size, mb_per_s: exported.size / 1e6 / (exported.ms / 1000) },
      scrolling: scroll,
      edit: {
        key_result: keyResult,
        runs: editRuns,
        main_thread_block_ms: { median: median(blocks), p95: percentile(blocks, 95) },
        durable_ms: { median: median(durables), max: Math.max(...durables) },
      },
      wasm_memory_peak: await wasmBytes(page),
    };
  } finally {
    await b.context.close();
  }
}

// Task time of the page's main thread over `seconds`, as a share of one core.
async function cpuShare(page, seconds) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics
    .map((m) => [m.name, m.value]));
  const a = await read();
  await pause(seconds * 1000);
  const b = await read();
  await cdp.detach();
  const wall = b.Timestamp - a.Timestamp;
  const share = (name) => (name in a ? (100 * (b[name] - a[name])) / wall : null);
  return { seconds: wall, task_percent: share('TaskDuration'), script_percent: share('ScriptDuration'),
    process_percent: share('ProcessTime') };
}

async function idle(server) {
  const b = await browser();
  try {
    const { page } = b;
    await openFresh(page, server.url);
    await openInPage(page, path.basename(dataFile(1000)));
    await waitForState(page, durable, 'the 1,000-objective workspace to be stored', 300000);
    await page.mouse.move(400, 400);
    await page.mouse.move(420, 410);
    await pause(1000);
    const framesAfterOneSecond = (await waitForState(page, () => true, 'state')).frames;
    const app = await cpuShare(page, 10);
    const framesAtEnd = (await waitForState(page, () => true, 'state')).frames;

    await page.goto(server.url.replace('index.html', 'static.html'));
    await pause(1000);
    const staticPage = await cpuShare(page, 10);
    return { app, static_page: staticPage, frames_drawn_from_1s_to_11s_after_input: framesAtEnd - framesAfterOneSecond };
  } finally {
    await b.context.close();
  }
}

// ---- the run ----------------------------------------------------------------------------

const result = {
  date: new Date().toISOString(),
  machine: `${cpus().length} x ${cpus()[0]?.model}`,
  site: siteDir,
  sizes: transferSizes(),
};
if (onlySizes) {
  printTable();
  process.exit(0);
}
for (const n of new Set(sizesWanted.concat([1000]))) {
  if (!existsSync(dataFile(n))) throw new Error(`missing ${dataFile(n)}: run bash bench/browser/run, or okr-generate`);
}

const server = await startServer(servedDir());
try {
  result.first_data_frame = {
    empty: await firstDataFrames(server, async () => {}),
    stored_1000: await firstDataFrames(server, async (page) => {
      await openInPage(page, path.basename(dataFile(1000)));
      await waitForState(page, durable, 'the 1,000-objective workspace to be stored', 300000);
    }),
  };
  result.workspaces = [];
  for (const n of sizesWanted) result.workspaces.push(await atSize(server, n, n >= 10000 ? 5 : 10));
  result.idle = await idle(server);
} finally {
  server.stop();
}

const stamp = result.date.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
mkdirSync(path.join(here, 'results'), { recursive: true });
const out = path.join(here, 'results', `${stamp}.json`);
writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
printTable();
console.log(`\nwritten to ${path.relative(repoRoot, out)}`);

function printTable() {

const kib = (x) => `${(x / 1024).toFixed(1)} KiB`;
const ms = (x) => (x === null || x === undefined ? '-' : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
const mb = (x) => `${(x / 1048576).toFixed(0)} MiB`;
const rows = [];
const s = result.sizes;
const sized = (x) => `${kib(x.gzip)} (${kib(x.raw)})`;
rows.push(['first visit transfers, gzip (raw)', sized(s.total)]);
rows.push(['  app.js + app.wasm, gzip (raw)', sized(s.script_and_wasm)]);
rows.push(['    app.js, gzip (raw)', sized(s.app_js)]);
rows.push(['    app.wasm, gzip (raw)', sized(s.app_wasm)]);
rows.push(['      code section / data section, raw', `${kib(s.wasm_code_section.raw)} / ${kib(s.wasm_data_section.raw)}`]);
rows.push(['  app.data (font and example), gzip (raw)', sized(s.app_data)]);
rows.push(['    of which the font, gzip (raw)', sized(s.font)]);
rows.push(['    of which the example, gzip (raw)', sized(s.example)]);
const f = result.first_data_frame;
if (f) rows.push([`first data frame, empty (median of ${loads})`, ms(f.empty.first_data_frame_ms)]);
if (f) rows.push([`first data frame, 1,000 stored (median of ${loads})`,
  `${ms(f.stored_1000.first_data_frame_ms)} (${(f.stored_1000.first_data_frame_ms / f.empty.first_data_frame_ms).toFixed(2)}x empty)`]);
for (const w of result.workspaces || []) {
  const n = w.objectives.toLocaleString('en');
  rows.push([`${n}: import`, `${w.import.mb_per_s.toFixed(1)} MB/s (${ms(w.import.call_ms)} for ${(w.file_bytes / 1e6).toFixed(1)} MB)`]);
  rows.push([`${n}: import, longest main-thread block`, ms(w.import.longest_main_thread_block_ms)]);
  rows.push([`${n}: import, shown / durable`, `${ms(w.import.shown_ms)} / ${ms(w.import.durable_ms)}`]);
  rows.push([`${n}: peak wasm memory`, `${mb(w.wasm_memory_peak)} (${(w.wasm_memory_peak / w.file_bytes).toFixed(2)}x the file)`]);
  rows.push([`${n}: export`, `${w.export.mb_per_s.toFixed(1)} MB/s (${ms(w.export.ms)})`]);
  rows.push([`${n}: scrolling, ImGui CPU per frame, median / p95`, `${ms(w.scrolling.interface.median_ms)} / ${ms(w.scrolling.interface.p95_ms)} (${w.scrolling.frames} frames)`]);
  rows.push([`${n}: scrolling, whole frame with WebGL, median / p95`, `${ms(w.scrolling.median_ms)} / ${ms(w.scrolling.p95_ms)}`]);
  rows.push([`${n}: one edit, main-thread block median / p95`, `${ms(w.edit.main_thread_block_ms.median)} / ${ms(w.edit.main_thread_block_ms.p95)}`]);
  rows.push([`${n}: one edit, durable median / max`, `${ms(w.edit.durable_ms.median)} / ${ms(w.edit.durable_ms.max)}`]);
}
const pct = (x) => (x === null ? '-' : `${x.toFixed(2)} %`);
if (result.idle) rows.push(['idle 10 s: page task CPU (static page)', `${pct(result.idle.app.task_percent)} (${pct(result.idle.static_page.task_percent)})`]);
if (result.idle) rows.push(['idle 10 s: frames drawn from 1 s after input', String(result.idle.frames_drawn_from_1s_to_11s_after_input)]);
const width = Math.max(...rows.map((r) => r[0].length)) + 2;
console.log(`${'figure'.padEnd(width)}value`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}${v}`);
}
