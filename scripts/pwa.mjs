// Post-build step (a Trunk hook; also run by hand on any build folder: `node scripts/pwa.mjs DIR`).
// 1. Moves Trunk's inline start-up script into a hashed file, so the Content-Security-Policy in
//    index.html needs no 'unsafe-inline', after the crash message (src/pwa/crash.js) and the
//    static page's language and plan list (src/pwa/shell.js), before the service worker's
//    registration (src/pwa/register.js).
// 2. Writes sw.js from src/pwa/sw.js with the build's own file list and a cache name derived from
//    the content of every file, so each build gets its own cache.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("pwa.mjs: give the build folder (or run as a Trunk hook)");
  process.exit(1);
}
const hash = (data) => createHash("sha256").update(data).digest("hex");

// 1. The start-up script.
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (found) {
  for (const name of readdirSync(dir)) if (/^start-[0-9a-f]+\.js$/.test(name)) unlinkSync(join(dir, name));
  const part = (name) => readFileSync(join(root, "src/pwa", name), "utf8");
  // The app starts only once the static page has been painted (src/pwa/shell.js,
  // keyplanShellPainted): otherwise, when the wasm is already there, the browser may run the whole
  // start-up before its first frame, and nothing shows until the app has mounted.
  const trunk = found[1].trim();
  const startCall = /^(const wasm = await init\()/m;
  if (!startCall.test(trunk)) {
    console.error("pwa.mjs: Trunk's start-up script no longer has `const wasm = await init(`");
    process.exit(1);
  }
  const started = trunk.replace(startCall, "await keyplanShellPainted();\n$1");
  const code = part("crash.js") + "\n" + part("shell.js") + "\n" + started + "\n" + part("register.js");
  const name = `start-${hash(code).slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
  writeFileSync(indexPath, html);
} else if (!/<script type="module" src="\.\/start-[0-9a-f]+\.js">/.test(html)) {
  console.error("pwa.mjs: index.html has neither Trunk's start-up script nor a start file");
  process.exit(1);
}
// No preload of the wasm: the app fetches it once the static page has been painted (above), so
// on a slow network the 800 KB download never competes with the page's first paint for bandwidth
// (Lighthouse counts any request begun before the largest paint as holding it up).
const preload = /<link rel="preload" href="\.\/[^"]+_bg\.wasm"[^>]*>/;
if (preload.test(html)) {
  html = html.replace(preload, "");
  writeFileSync(indexPath, html);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error("pwa.mjs: index.html still has an inline script, which the CSP would block");
  process.exit(1);
}

// 2. The service worker.
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d).sort()) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name !== "sw.js") files.push(relative(dir, path).split("\\").join("/"));
  }
};
walk(dir);
const digest = createHash("sha256");
for (const file of files) digest.update(file).update(readFileSync(join(dir, file)));
const cache = `keyplan-${digest.digest("hex").slice(0, 16)}`;
const urls = ["./", ...files.filter((f) => f !== "index.html").map((f) => `./${f}`)];
const template = readFileSync(join(root, "src/pwa/sw.js"), "utf8");
writeFileSync(
  join(dir, "sw.js"),
  template.replace("__CACHE__", cache).replace("__FILES__", JSON.stringify(urls, null, 2)),
);
console.log(`pwa.mjs: ${cache}, ${urls.length} files cached offline`);
