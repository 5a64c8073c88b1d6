// Where the bytes of a wasm go: `node tests/bench/wasm-bytes.mjs FILE.wasm [TOP]`.
// FILE must keep its function names (a "name" section): cargo's own output
// (target/wasm/wasm32-unknown-unknown/release/keyplan.wasm) does, and so does
// `wasm-bindgen --keep-debug` followed by `wasm-opt -Oz -g` (tests/bench/FINDINGS.md says how).
// Prints the size of each section, the TOP largest functions, the totals per crate, per module
// of keyplan and per generic function (all its monomorphised copies together).
// Names are demangled by binutils' c++filt, which reads Rust's v0 and legacy manglings.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node tests/bench/wasm-bytes.mjs FILE.wasm [TOP]");
  process.exit(1);
}
const top = Number(topArg || 30);
const buf = readFileSync(file);
let pos = 8;
const leb = () => {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const str = () => {
  const n = leb();
  const s = buf.toString("utf8", pos, pos + n);
  pos += n;
  return s;
};
const sectionNames = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"];
const sections = [];
let importedFuncs = 0;
const bodies = []; // size of each defined function's body
const names = new Map();
while (pos < buf.length) {
  const id = buf[pos++];
  const size = leb();
  const start = pos;
  let label = sectionNames[id] || `section ${id}`;
  if (id === 0) {
    const name = str();
    label = `custom "${name}"`;
    if (name === "name") {
      while (pos < start + size) {
        const sub = buf[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = leb();
          for (let i = 0; i < count; i++) {
            const idx = leb();
            names.set(idx, str());
          }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      str();
      str();
      const kind = buf[pos++];
      if (kind === 0) {
        leb();
        importedFuncs++;
      } else if (kind === 1) {
        pos++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        pos += 2;
      } else {
        leb();
        leb();
      }
    }
  } else if (id === 10) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      const n = leb();
      bodies.push(n); // body bytes (the size prefix itself is not counted)
      pos += n;
    }
  }
  sections.push([label, size]);
  pos = start + size;
}

const mangled = bodies.map((_, i) => names.get(importedFuncs + i) || `(function ${importedFuncs + i})`);
const demangled = execFileSync("c++filt", [], { input: mangled.join("\n"), maxBuffer: 1 << 28 })
  .toString()
  .split("\n")
  .map((s) => s.replace(/\[[0-9a-f]{16}\]/g, ""));
const fns = bodies.map((size, i) => ({ size, name: demangled[i] }));
const code = fns.reduce((a, f) => a + f.size, 0);
const pct = (n) => ((100 * n) / buf.length).toFixed(1).padStart(5) + "%";
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";

console.log(`${file}: ${buf.length} bytes, ${fns.length} functions (${importedFuncs} imported)\n`);
console.log("Sections:");
for (const [label, size] of sections) console.log(`  ${kb(size)} ${pct(size)}  ${label}`);

console.log(`\nTop ${top} functions:`);
for (const f of [...fns].sort((a, b) => b.size - a.size).slice(0, top))
  console.log(`  ${kb(f.size)} ${pct(f.size)}  ${f.name.slice(0, 200)}`);

// The crate a function belongs to: the first path in its name (for `<T as Trait>::f`, T's crate).
const crateOf = (name) => {
  const m = name.match(/^[<&* ]*(?:dyn |mut |const )*([a-z_][a-z0-9_]*)::/);
  return m ? m[1] : name.startsWith("(function") ? "(no name)" : "(other)";
};
// The keyplan module: the first keyplan path in the name, cut after two levels.
const moduleOf = (name) => {
  const m = name.match(/keyplan::([a-z_0-9]+)(?:::([a-z_0-9]+))?/);
  if (!m) return null;
  return m[2] && !/^_|^[A-Z]/.test(m[2]) ? `keyplan::${m[1]}::${m[2]}` : `keyplan::${m[1]}`;
};
// A generic function's name without its type arguments: all its copies group together.
const genericOf = (name) => {
  let out = "", depth = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === "<") {
      // `<T as Trait>::f` keeps its outer angle brackets' content minus inner generics
      if (depth === 0 && (i === 0 || name[i - 1] === " " || name[i - 1] === "&")) {
        out += c;
        depth = 0.5;
        continue;
      }
      depth = Math.floor(depth) + 1;
      if (depth === 1) out += "<…>";
    } else if (c === ">") {
      if (depth === 0.5) {
        out += c;
        depth = 0;
      } else {
        depth = Math.max(0, depth - 1);
      }
    } else if (depth < 1) out += c;
  }
  return out.replace(/::\{closure#\d+\}/g, "::{closure}");
};
const group = (keyFn) => {
  const m = new Map();
  for (const f of fns) {
    const k = keyFn(f.name);
    if (k == null) continue;
    const g = m.get(k) || { size: 0, count: 0 };
    g.size += f.size;
    g.count++;
    m.set(k, g);
  }
  return [...m.entries()].sort((a, b) => b[1].size - a[1].size);
};
console.log(`\nCode per crate (${kb(code).trim()} of code in all):`);
for (const [k, g] of group(crateOf).slice(0, 25)) console.log(`  ${kb(g.size)} ${pct(g.size)}  ${String(g.count).padStart(5)} fns  ${k}`);
console.log("\nCode whose name mentions a keyplan module (a copy of a generic function made for a keyplan type counts here too):");
for (const [k, g] of group(moduleOf).slice(0, 40)) console.log(`  ${kb(g.size)} ${pct(g.size)}  ${String(g.count).padStart(5)} fns  ${k}`);
console.log(`\nGeneric functions by all their copies (top ${top}):`);
for (const [k, g] of group(genericOf).filter(([, g]) => g.count > 1).slice(0, top))
  console.log(`  ${kb(g.size)} ${pct(g.size)}  ${String(g.count).padStart(5)} copies  ${k.slice(0, 160)}`);

// `WASM_BYTES_MATCH=regex` adds the total of the functions whose names match (repeatable with |).
if (process.env.WASM_BYTES_MATCH) {
  for (const pattern of process.env.WASM_BYTES_MATCH.split(";;")) {
    const re = new RegExp(pattern);
    const hit = fns.filter((f) => re.test(f.name));
    console.log(`\nMatching /${pattern}/: ${kb(hit.reduce((a, f) => a + f.size, 0)).trim()} in ${hit.length} functions`);
  }
}
