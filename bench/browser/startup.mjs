// Measures what a person waits for when opening the page: transfer sizes of the built page
// (raw and gzip) and the time from navigation to the first frame, and to the first frame
// that shows stored data, as medians over several fresh loads. Prints a table and writes
// bench/browser/results/startup.json.
//
//   node bench/browser/startup.mjs [--loads 10]
//
// The wasm embeds the UI font (Noto Sans, 501 KiB) and the example workspace, as the
// single-file build needs them on file:// pages.

import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startServer, launch, openApp, waitForState, samplesDir, siteDir, Startup, SaveStatus,
} from '../../tests/browser/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const loads = Number(process.argv[process.argv.indexOf('--loads') + 1]) || 10;

function sizes() {
  const js = readFileSync(path.join(siteDir, 'app.js'));
  const text = js.toString('latin1');
  // The runtime also holds the bare prefix as a string constant; the module starts 'AGFzbQ'.
  const marker = 'data:application/octet-stream;base64,';
  const start = text.indexOf(marker + 'AGFzbQ');
  const end = start < 0 ? -1 : text.indexOf('"', start);
  const wasm = start < 0 ? Buffer.alloc(0) : Buffer.from(text.slice(start + marker.length, end), 'base64');
  const script = start < 0 ? js : Buffer.concat([js.subarray(0, start), js.subarray(end)]);
  const gz = (b) => gzipSync(b, { level: 6 }).length;
  return {
    app_js: { raw: js.length, gzip: gz(js) },
    wasm_inside: { raw: wasm.length, gzip: gz(wasm) },
    script_without_wasm: { raw: script.length, gzip: gz(script) },
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeLoads(server, prepare) {
  const browser = await launch();
  await prepare(browser.page);
  const first = [];
  const firstData = [];
  for (let i = 0; i < loads; i++) {
    await browser.page.goto('about:blank');
    await browser.page.goto(server.url);
    const s = await waitForState(browser.page, (x) => x.first_data_frame_ms > 0, 'a frame with data');
    first.push(s.first_frame_ms);
    firstData.push(s.first_data_frame_ms);
  }
  await browser.context.close();
  return { first_frame_ms: median(first), first_data_frame_ms: median(firstData), loads };
}

const server = await startServer();
try {
  const empty = await timeLoads(server, async (page) => { await openApp(page, server.url); });
  const northwind = await timeLoads(server, async (page) => {
    await openApp(page, server.url);
    const bytes = readFileSync(path.join(samplesDir, 'northwind-it.json'), 'utf8');
    await page.evaluate((text) => {
      const size = lengthBytesUTF8(text) + 1;
      const ptr = Module._malloc(size);
      stringToUTF8(text, ptr, size);
      Module._okr_debug_open_text(ptr, size - 1);
      Module._free(ptr);
    }, bytes);
    await waitForState(page, (x) => x.startup === Startup.ready && x.save_status === SaveStatus.saved, 'the save');
  });

  const result = { date: new Date().toISOString(), sizes: sizes(), empty, northwind };
  mkdirSync(path.join(here, 'results'), { recursive: true });
  writeFileSync(path.join(here, 'results/startup.json'), JSON.stringify(result, null, 2) + '\n');

  const kib = (n) => (n / 1024).toFixed(1) + ' KiB';
  console.log('figure                                   value');
  console.log(`app.js (all embedded), raw / gzip        ${kib(result.sizes.app_js.raw)} / ${kib(result.sizes.app_js.gzip)}`);
  console.log(`  of which wasm, raw / gzip              ${kib(result.sizes.wasm_inside.raw)} / ${kib(result.sizes.wasm_inside.gzip)}`);
  console.log(`  script around it, raw / gzip           ${kib(result.sizes.script_without_wasm.raw)} / ${kib(result.sizes.script_without_wasm.gzip)}`);
  console.log(`first frame, empty workspace (median)    ${empty.first_frame_ms.toFixed(0)} ms (${loads} loads)`);
  console.log(`first data frame, empty (median)         ${empty.first_data_frame_ms.toFixed(0)} ms`);
  console.log(`first data frame, northwind (median)     ${northwind.first_data_frame_ms.toFixed(0)} ms`);
} finally {
  server.stop();
}
