// Trunk post-build step (runs with node, which the build already needs for wasm-opt).
//
// 0. With ROADMAP_DATA set, swaps in that data folder (public, redacted builds). The
//    data folder is a jail, as `roadmap check` reads it: a staged data file whose
//    source is a link out of the folder, or not a regular file, is not published.
//    With ROADMAP_BASELINE set, adds that folder as baseline/ (same rules).
// 1. Writes data/files.txt (and baseline/files.txt): static hosts cannot list
//    folders, so the viewer fetches the files this names; and data/roadmap.pack, the
//    data loaded and checked at build time, which the viewer starts from
//    (ROADMAP_PACK=0 leaves it out); with ROADMAP_HISTORY=1, data/history.pack, the
//    data folder's git history (redacted for a public build).
// 2. Moves Trunk's inline loader <script> into a file, so the site runs under a strict
//    Content-Security-Policy (script-src 'self') without per-build hashes in headers.
//    Preload links for the data files let the browser fetch them during start-up.
// 3. Stamps a build id (a hash of every file) into index.html and writes sw.js, the
//    service worker for this build, with the list of files to precache.
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

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
//    ROADMAP_BASELINE=<folder> adds a baseline beside it, in baseline/, labelled
//    ROADMAP_BASELINE_LABEL: the viewer offers to compare with it.
const yamlOnly = (src) => statSync(src).isDirectory() || /\.ya?ml$/.test(src);
if (process.env.ROADMAP_DATA) {
  rmSync(join(dir, "data"), { recursive: true, force: true });
  cpSync(process.env.ROADMAP_DATA, join(dir, "data"), { recursive: true, filter: yamlOnly });
}
rmSync(join(dir, "baseline"), { recursive: true, force: true });
const baseline = process.env.ROADMAP_BASELINE;
if (baseline) cpSync(baseline, join(dir, "baseline"), { recursive: true, filter: yamlOnly });

// 0b. The jail: copies follow links, so check each staged file's source.
function jail(folder, sourceData) {
  const root = realpathSync(sourceData);
  for (const staged of walk(join(dir, folder))) {
    let inside = false;
    try {
      const real = realpathSync(join(sourceData, staged.slice(folder.length + 1)));
      inside = real.startsWith(root + sep) && statSync(real).isFile();
    } catch {
      inside = false;
    }
    if (!inside) {
      rmSync(join(dir, staged), { force: true });
      console.warn(`postbuild: ${staged} leads outside the ${folder} folder or is not a regular file: not published`);
    }
  }
}
jail("data", process.env.ROADMAP_DATA || join(process.env.TRUNK_SOURCE_DIR || process.cwd(), "data"));
if (baseline) jail("baseline", baseline);

// 1. The data manifests.
function manifest(folder) {
  const files = walk(join(dir, folder)).filter((p) => /\.ya?ml$/.test(p)).map((p) => p.slice(folder.length + 1)).sort();
  writeFileSync(join(dir, folder, "files.txt"), files.map((p) => p + "\n").join(""));
  return files;
}
const dataFiles = manifest("data");
const baselineFiles = baseline ? manifest("baseline") : [];

// 1a. The pack: the data loaded and checked now, by the `roadmap` CLI of this source
//     tree, so the viewer starts without parsing YAML (see src/core/tools/pack). It is made
//     from the staged files, so it holds exactly what is published; the YAML stays
//     beside it for local previews and for the viewer's fallback. A build that cannot
//     make it still works: the viewer then reads the YAML.
const repo = fileURLToPath(new URL("..", import.meta.url));
let packed = false;
// Never a pack from the source folder (Trunk copies data/ whole): only this build's.
rmSync(join(dir, "data", "roadmap.pack"), { force: true });
const pack = (folder) =>
  spawnSync(
    "cargo",
    ["run", "--quiet", "--bin", "roadmap", "--", "pack", join(dir, folder), join(dir, folder, "roadmap.pack")],
    { cwd: repo, stdio: ["ignore", "inherit", "inherit"] },
  ).status === 0;
if (process.env.ROADMAP_PACK !== "0") {
  packed = pack("data");
  if (!packed) console.warn("postbuild: no data/roadmap.pack (`roadmap pack` failed): the viewer will read the YAML files");
  // The baseline too, so comparing does not need the YAML worker either.
  if (baseline && !pack("baseline")) console.warn("postbuild: no baseline/roadmap.pack: the viewer will read its YAML files");
}

// 1b. A public build (data from `roadmap redact`) never carries an internal baseline:
//     the baseline must be redacted too, or the build stops.
const redacted = (folder) => {
  try {
    return readFileSync(join(dir, folder, "roadmap.yaml"), "utf8").startsWith("# Redacted roadmap");
  } catch {
    return false;
  }
};
if (baseline && redacted("data") && !redacted("baseline")) {
  rmSync(join(dir, "baseline"), { recursive: true, force: true });
  throw new Error(
    `postbuild: the data is redacted (public) but the baseline ${baseline} is not: it could name confidential initiatives. ` +
      "Redact it too (roadmap redact BASELINE_DIR OUT_DIR) and set ROADMAP_BASELINE=OUT_DIR.",
  );
}

// 1c. The history (ROADMAP_HISTORY=1: the git history of the source tree's data/;
//     ROADMAP_HISTORY=<folder>: of that folder), in compact form beside the pack
//     (`roadmap history --pack`), fetched by the viewer after the first screen and
//     precached with the rest. A public build (redacted data) gets a public history:
//     each commit redacted before it is compared (`--public`), so no confidential
//     initiative's moves are published.
rmSync(join(dir, "data", "history.pack"), { force: true });
let history = false;
const historySetting = process.env.ROADMAP_HISTORY;
if (historySetting && historySetting !== "0") {
  const source = historySetting === "1" ? join(process.env.TRUNK_SOURCE_DIR || process.cwd(), "data") : historySetting;
  const args = ["run", "--quiet", "--bin", "roadmap", "--", "history", source, "--pack", join(dir, "data", "history.pack")];
  if (redacted("data")) args.push("--public");
  history = spawnSync("cargo", args, { cwd: repo, stdio: ["ignore", "inherit", "inherit"] }).status === 0;
  if (!history) console.warn("postbuild: no data/history.pack (`roadmap history` failed): the viewer shows no history");
}

// 1d. The first screen, drawn now from the pack by the same components (Yew's server
//     renderer, `roadmap prerender`), so a reader sees the roadmap while the wasm
//     loads, and without JavaScript (ROADMAP_PRERENDER=0 leaves it out).
const indexPath = join(dir, "index.html");
if (packed && process.env.ROADMAP_PRERENDER !== "0") {
  const pre = spawnSync(
    "cargo",
    ["run", "--quiet", "--bin", "roadmap", "--", "prerender", join(dir, "data", "roadmap.pack"), indexPath],
    { cwd: repo, stdio: ["ignore", "inherit", "inherit"] },
  );
  if (pre.status !== 0) console.warn("postbuild: no prerendered first screen (`roadmap prerender` failed)");
  else {
    // Deep links wait for the app (web/first-screen.js), decided before the first paint.
    const guard = readFileSync(new URL("./first-screen.js", import.meta.url), "utf8");
    const guardName = `first-screen-${createHash("sha256").update(guard).digest("hex").slice(0, 16)}.js`;
    writeFileSync(join(dir, guardName), guard);
    const page = readFileSync(indexPath, "utf8").replace("</head>", `<script src="${publicUrl}${guardName}"></script></head>`);
    writeFileSync(indexPath, page);
  }
}

// 2. The loader, out of line.
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
const preloads = (packed ? ["roadmap.pack"] : ["files.txt", ...dataFiles])
  .map((p) => `<link rel="preload" href="${publicUrl}data/${p}" as="fetch" crossorigin>`)
  .join("");
html = html.replace("</head>", `${preloads}</head>`);

// 2c. The baseline's label, for the app: no meta, no baseline (and no request for one).
if (baseline) {
  const label = (process.env.ROADMAP_BASELINE_LABEL || "the baseline").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  html = html.replace("</head>", `<meta name="roadmap-baseline" content="${label}"></head>`);
}

// 2d. The history's file, for the app: no meta, no history (and no request for it).
if (history) html = html.replace("</head>", `<meta name="roadmap-history" content="data/history.pack"></head>`);

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
console.log(`postbuild: ${dataFiles.length} data files${packed ? " and their pack" : ""}${history ? ", a history" : ""}${baseline ? `, a baseline of ${baselineFiles.length}` : ""}, loader in ${bootName}, build ${build}`);
