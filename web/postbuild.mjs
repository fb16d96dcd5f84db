// Trunk post-build step (runs with node, which the build already needs for wasm-opt).
//
// 0. With ROADMAP_DATA set, swaps in that data folder (public, redacted builds). The
//    data folder is a jail, as `roadmap check` reads it: a staged data file whose
//    source is a link out of the folder, or not a regular file, is not published.
// 1. Writes data/files.txt: static hosts cannot list folders, so the viewer fetches
//    the files this names.
// 2. Moves Trunk's inline loader <script> into a file, so the site runs under a strict
//    Content-Security-Policy (script-src 'self') without per-build hashes in headers.
//    Preload links for the data files let the browser fetch them during start-up.
// 3. Stamps a build id (a hash of every file) into index.html and writes sw.js, the
//    service worker for this build, with the list of files to precache.
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run through trunk");

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [relative(dir, p).split("\\").join("/")];
  });
}

// 0. ROADMAP_DATA=<folder> builds the site with that data instead of data/ (for
//    example the output of `roadmap redact data public-data` for a public site).
if (process.env.ROADMAP_DATA) {
  rmSync(join(dir, "data"), { recursive: true, force: true });
  cpSync(process.env.ROADMAP_DATA, join(dir, "data"), { recursive: true, filter: (src) => statSync(src).isDirectory() || /\.ya?ml$/.test(src) });
}

// 0b. The jail: copies follow links, so check each staged file's source.
const sourceData = process.env.ROADMAP_DATA || join(process.env.TRUNK_SOURCE_DIR || process.cwd(), "data");
const jail = realpathSync(sourceData);
for (const staged of walk(join(dir, "data"))) {
  let inside = false;
  try {
    const real = realpathSync(join(sourceData, staged.slice("data/".length)));
    inside = real.startsWith(jail + sep) && statSync(real).isFile();
  } catch {
    inside = false;
  }
  if (!inside) {
    rmSync(join(dir, staged), { force: true });
    console.warn(`postbuild: ${staged} leads outside the data folder or is not a regular file: not published`);
  }
}

// 1. The data manifest.
const dataFiles = walk(join(dir, "data")).filter((p) => /\.ya?ml$/.test(p)).map((p) => p.slice("data/".length)).sort();
writeFileSync(join(dir, "data/files.txt"), dataFiles.map((p) => p + "\n").join(""));

// 2. The loader, out of line.
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error("no inline Trunk loader found in index.html");
const loader = match[1].trim();
const runtime = readFileSync(new URL("./boot-runtime.js", import.meta.url), "utf8");
const boot = `${runtime}\n${loader}\n`;
const bootName = `boot-${createHash("sha256").update(boot).digest("hex").slice(0, 16)}.js`;
writeFileSync(join(dir, bootName), boot);
html = html.replace(inline, `<script type="module" src="${publicUrl}${bootName}"></script>`);

// 2b. Preload the data: the browser fetches it while the wasm downloads and compiles,
//     instead of after the app starts (the app's fetches reuse these responses).
const preloads = ["files.txt", ...dataFiles]
  .map((p) => `<link rel="preload" href="${publicUrl}data/${p}" as="fetch" crossorigin>`)
  .join("");
html = html.replace("</head>", `${preloads}</head>`);

// 3. The build id and the service worker.
const files = walk(dir).filter((p) => p !== "sw.js" && p !== "index.html").sort();
const hash = createHash("sha256");
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
hash.update(html);
const build = hash.digest("hex").slice(0, 16);
html = html.replace("</head>", `<meta name="roadmap-build" content="${build}"></head>`);
writeFileSync(indexPath, html);
const worker = readFileSync(new URL("./sw-template.js", import.meta.url), "utf8")
  .replace("__BUILD__", build)
  .replace("__PRECACHE__", JSON.stringify(["", "index.html", ...files]));
writeFileSync(join(dir, "sw.js"), worker);
console.log(`postbuild: ${dataFiles.length} data files, loader in ${bootName}, build ${build}`);
