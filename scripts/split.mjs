// Splits the release wasm so a first visit downloads only what the portfolio needs (issue 16).
// Run by scripts/build.sh after `trunk build`: `node scripts/split.mjs DIST RAW_WASM`.
//
// Trunk builds the page and runs wasm-bindgen on the whole wasm, but cannot split it. The code
// marks its split points with `wasm_split` (src/lazy.rs; built with `--cfg keyplan_split` and
// linked with `--emit-relocs`). This script takes cargo's wasm (RAW_WASM) and:
// 1. splits it with wasm-split-cli (crate wasm_split_cli_support, the splitter cargo-leptos uses)
//    into a main module, one module per split point and the chunks they share, plus the loader
//    script that fetches a module the first time its code is called;
// 2. runs wasm-bindgen on the main module with the name Trunk gave its own output, so Trunk's
//    start-up script (moved into start-*.js by scripts/pwa.mjs) loads the split build unchanged;
// 3. runs wasm-opt -Oz on every module and names each module and the loader after its content,
//    so a static host's cache can never pair one build's main module with another's chunk;
// 4. re-runs scripts/pwa.mjs, so the service worker caches every module for offline use.
// For debugging, SPLIT_NO_OPT=1 skips wasm-opt and keeps the function names, so a trap's stack
// in the browser console names the Rust functions.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [dist, raw] = process.argv.slice(2);
if (!dist || !raw) {
  console.error("usage: node scripts/split.mjs DIST RAW_WASM");
  process.exit(1);
}
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
const hash = (data) => createHash("sha256").update(data).digest("hex").slice(0, 16);
// The wasm features rustc's wasm32 target emits (binaryen needs them named).
const features = [
  "--enable-bulk-memory", "--enable-sign-ext", "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-multivalue",
];

const js = readdirSync(dist).filter((f) => /^keyplan-[0-9a-f]+\.js$/.test(f));
if (js.length !== 1) {
  console.error(`split.mjs: expected one keyplan-*.js from Trunk in ${dist}, found ${js.length}`);
  process.exit(1);
}
const name = js[0].slice(0, -3);
const work = mkdtempSync(join(tmpdir(), "keyplan-split-"));
try {
  // 1. Split.
  const parts = join(work, "parts");
  run("wasm-split-cli", [raw, parts, "--out-name", name]);
  // 2. wasm-bindgen on the main module (keeping the exports the split modules link against).
  const bound = join(work, "bound");
  run("wasm-bindgen", [join(parts, `${name}.wasm`), "--keep-lld-exports", "--target", "web",
    "--no-typescript", "--out-dir", bound, "--out-name", name, ...(process.env.SPLIT_NO_OPT ? ["--keep-debug"] : [])]);
  // 3. Optimise and name by content.
  for (const f of readdirSync(dist)) if (/^(part|wasm-split)-[0-9a-f]+\.(wasm|js)$/.test(f)) unlinkSync(join(dist, f));
  // wasm-split writes a name subsection binaryen does not know (id 3): its warning about that
  // is left out; anything else wasm-opt says is shown.
  const opt = (from, to) => {
    if (process.env.SPLIT_NO_OPT) return run("cp", [from, to]);
    const out = spawnSync("wasm-opt", ["-Oz", ...features, from, "-o", to], { encoding: "utf8" });
    const said = `${out.stdout}${out.stderr}`.split("\n").filter((l) => l && !/unknown name subsection with id 3/.test(l));
    if (said.length) console.error(said.join("\n"));
    if (out.status !== 0) throw new Error(`split.mjs: wasm-opt failed on ${from}`);
  };
  opt(join(bound, `${name}_bg.wasm`), join(dist, `${name}_bg.wasm`));
  let loader = readFileSync(join(parts, "__wasm_split.js"), "utf8");
  const modules = readdirSync(parts).filter((f) => f.endsWith(".wasm") && f !== `${name}.wasm`);
  for (const m of modules) {
    const tmp = join(work, `opt-${m}`);
    opt(join(parts, m), tmp);
    const body = readFileSync(tmp);
    const hashed = `part-${hash(body)}.wasm`;
    writeFileSync(join(dist, hashed), body);
    const ref = `"./${m}"`;
    if (!loader.includes(ref)) throw new Error(`split.mjs: the loader does not name ${m}`);
    loader = loader.split(ref).join(`"./${hashed}"`);
  }
  const loaderName = `wasm-split-${hash(loader)}.js`;
  writeFileSync(join(dist, loaderName), loader);
  let glue = readFileSync(join(bound, `${name}.js`), "utf8");
  // Only the script's imports are renamed: the wasm still names its import module
  // "./__wasm_split.js", the key of the imports object.
  const from = ' from "./__wasm_split.js"';
  if (!glue.includes(from)) throw new Error("split.mjs: wasm-bindgen's script does not import the loader");
  glue = glue.split(from).join(` from "./${loaderName}"`);
  writeFileSync(join(dist, `${name}.js`), glue);
  // Trunk's modulepreload of the script carries the hash of its own script: give it this one's.
  const indexPath = join(dist, "index.html");
  const html = readFileSync(indexPath, "utf8");
  const sri = `sha384-${createHash("sha384").update(glue).digest("base64")}`;
  const preload = new RegExp(`(<link rel="modulepreload" href="\\./${name}\\.js"[^>]*integrity=")[^"]*(")`);
  if (!preload.test(html)) throw new Error(`split.mjs: index.html has no modulepreload of ${name}.js with an integrity`);
  writeFileSync(indexPath, html.replace(preload, `$1${sri}$2`));
  const sizes = [`${name}_bg.wasm`, ...readdirSync(dist).filter((f) => f.startsWith("part-"))]
    .map((f) => `${f} ${readFileSync(join(dist, f)).length}`);
  console.log(`split.mjs: ${modules.length} split modules\n  ${sizes.join("\n  ")}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
// 4. The service worker's file list.
run("node", [join(root, "scripts/pwa.mjs"), dist]);
