// Prepended to Trunk's loader by web/postbuild.mjs: CSP violation counting and the
// wasm memory's size (test hooks), and the service worker: registration, readiness
// and the update prompt.
const root = document.documentElement;
// Trunk's loader announces the started wasm with its exports: the browser benchmark
// reads the size of its memory through this.
addEventListener("TrunkApplicationStarted", (e) => {
  const memory = e.detail && e.detail.wasm && e.detail.wasm.memory;
  if (memory) window.__roadmapWasmBytes = () => memory.buffer.byteLength;
});
document.addEventListener("securitypolicyviolation", () => {
  root.dataset.cspViolations = String(Number(root.dataset.cspViolations || 0) + 1);
});
(async () => {
  if (!("serviceWorker" in navigator)) return;
  const base = document.baseURI;
  const hadController = !!navigator.serviceWorker.controller;
  if (hadController) root.dataset.sw = "ready";
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (hadController) {
      // The user accepted a new build: reload into it, once.
      if (!reloading) {
        reloading = true;
        location.reload();
      }
    } else {
      root.dataset.sw = "ready";
    }
  });
  // Register after the first render: installing precaches the whole site, which would
  // compete with the start-up for the network and the CPU.
  await new Promise((resolve) => {
    const ready = () => document.querySelector("[data-ready]");
    if (ready()) return resolve();
    const mo = new MutationObserver(() => {
      if (ready()) {
        mo.disconnect();
        resolve();
      }
    });
    mo.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"] });
    setTimeout(resolve, 10000);
  });
  try {
    const reg = await navigator.serviceWorker.register(new URL("sw.js", base), { scope: new URL("./", base).pathname });
    const announce = (worker) => {
      window.__roadmapApplyUpdate = () => worker.postMessage("skip-waiting");
      root.dataset.update = "available";
      window.dispatchEvent(new Event("roadmap-update"));
    };
    if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
    reg.addEventListener("updatefound", () => {
      const worker = reg.installing;
      worker?.addEventListener("statechange", () => {
        if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
      });
    });
    // Look for a new build when the page comes back into view.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") reg.update().catch(() => {});
    });
  } catch (e) {
    console.warn("service worker not registered:", e);
  }
})();
