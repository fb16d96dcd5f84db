// The build's prerendered first screen (src/prerender.rs) is the default view: a deep
// link (a query string: a selection, a stage, another view) waits for the app instead
// of showing a view the reader did not ask for. A classic script in the head, so it
// runs before the first paint; written by web/postbuild.mjs only for a build with a
// prerendered screen.
if (location.search.length > 1) document.documentElement.setAttribute("data-deep-link", "");
