#!/usr/bin/env bash
# Browser timing harness (benches/browser.rs): cold loads, filter, selection and view
# switch timings in headless Chromium over loopback, with an empty Yew app, a mermaid
# gantt and dhtmlx-gantt (community edition) showing the same roadmaps timed in the
# same run. Prints Markdown tables. mermaid and dhtmlx-gantt are benchmark-only.
# Usage: bash benches/browser.sh
set -euo pipefail
source "$(dirname "$0")/../.ci/setup.sh"
setup_build
setup_browser
MERMAID_VERSION=11.17.2
if ! grep -qs "\"version\": \"$MERMAID_VERSION\"" "$ROOT/.tools/node_modules/mermaid/package.json"; then
  log "installing mermaid $MERMAID_VERSION (npm) into .tools/"
  (cd "$ROOT/.tools" && npm install --no-audit --no-fund --silent "mermaid@$MERMAID_VERSION")
fi
DHTMLX_VERSION=10.0.3
if ! grep -qs "\"version\": \"$DHTMLX_VERSION\"" "$ROOT/.tools/node_modules/dhtmlx-gantt/package.json"; then
  log "installing dhtmlx-gantt $DHTMLX_VERSION (npm) into .tools/"
  (cd "$ROOT/.tools" && npm install --no-audit --no-fund --silent "dhtmlx-gantt@$DHTMLX_VERSION")
fi
cd "$ROOT"
cargo bench --features e2e --bench browser
