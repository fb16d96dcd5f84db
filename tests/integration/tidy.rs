//! Codebase rules checked cheaply: every module documents itself with `//!`, the
//! core never imports the browser, and the viewer never reaches the YAML toolchain.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_module_starts_with_a_doc_comment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    let missing: Vec<_> = files
        .iter()
        .filter(|f| {
            !std::fs::read_to_string(f)
                .unwrap()
                .trim_start()
                .starts_with("//!")
        })
        .map(|f| f.strip_prefix(root).unwrap().display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a //! doc line: {missing:?}"
    );
}

/// #26: the viewer a reader loads reads packs only. The editor's toolchain (YAML
/// parsing and typing, the loader's checks, Markdown, preview assembly) is reached from
/// the CLI, the YAML worker (`src/bin/yaml_worker.rs`) and tests, never from the
/// viewer's own modules, so the linker leaves it out of the viewer's wasm.
#[test]
fn the_viewer_never_reaches_the_yaml_toolchain() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/components"), &mut files);
    for f in [
        "app.rs",
        "state.rs",
        "fetch.rs",
        "worker.rs",
        "export.rs",
        "main.rs",
    ] {
        files.push(root.join("src").join(f));
    }
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for forbidden in [
                "load::load",
                "core::load;",
                "markdown::parse",
                "md::parse",
                "preview::assemble",
                "yaml_tree",
                "yaml_de",
                "deserialize::",
                "job::answer",
            ] {
                assert!(
                    !line.contains(forbidden),
                    "{} reaches the YAML toolchain ({forbidden}): {line}",
                    f.strip_prefix(root).unwrap().display()
                );
            }
        }
    }
}

#[test]
fn the_core_never_imports_the_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/core"), &mut files);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for forbidden in [
            "web_sys",
            "gloo",
            "yew",
            "wasm_bindgen",
            "js_sys",
            "std::fs",
            "std::net",
        ] {
            assert!(
                !code.contains(forbidden),
                "{} uses {forbidden}",
                f.display()
            );
        }
    }
}

/// The core's layers, lowest first. A module may import modules of its own layer or
/// below, never above, and the imports have no cycle; a new module must be placed here.
const CORE_LAYERS: &[(&str, &[&str])] = &[
    (
        "foundations: words, dates, diagnostics, YAML, text, graph algorithms on plain indices",
        &[
            "keyword",
            "date",
            "diagnostic",
            "suggest",
            "glob",
            "url",
            "lines",
            "short_text",
            "yaml_tree",
            "yaml_scalar",
            "yaml_edits",
            "yaml_de",
            "raw",
            "deserialize",
            "markdown",
            "cycles",
            "layout",
            "rng",
        ],
    ),
    ("the checked model", &["model"]),
    ("loading", &["load"]),
    (
        "algorithms on the roadmap and data tools",
        &[
            "reach", "critical", "slip", "redact", "preview", "generate", "schema", "diff", "pack",
        ],
    ),
    (
        "what views compute",
        &[
            "filter",
            "analysis",
            "timeline",
            "graph_view",
            "table",
            "describe",
            "legend",
            "scope",
            "compare",
        ],
    ),
    (
        "the view state (the URL) and its transitions",
        &["view_state", "intent"],
    ),
    (
        "reports linking into the viewer (its URL)",
        &["diff_report"],
    ),
];

/// The core modules a file's non-test code imports (`super::x`, `crate::core::x`).
fn core_imports(text: &str, in_subfolder: bool) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let prefixes: &[&str] = if in_subfolder {
        &["super::super::", "crate::core::"]
    } else {
        &["super::", "crate::core::"]
    };
    let mut out = Vec::new();
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for prefix in prefixes {
            for (at, _) in line.match_indices(prefix) {
                // `super::super::x` also contains `super::x`: count it once.
                if !in_subfolder && line[..at].ends_with("super::") {
                    continue;
                }
                let rest = &line[at + prefix.len()..];
                let names: Vec<&str> = match rest.strip_prefix('{') {
                    Some(list) => list
                        .split('}')
                        .next()
                        .unwrap_or("")
                        .split(',')
                        .map(|s| s.trim().split("::").next().unwrap_or(""))
                        .collect(),
                    None => vec![rest],
                };
                for name in names {
                    let name: String = name
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != "super" && name != "self" {
                        out.push(name);
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn the_core_is_layered_with_no_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let core = root.join("src/core");
    let layer_of = |m: &str| CORE_LAYERS.iter().position(|(_, ms)| ms.contains(&m));
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    let mut graph: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    let mut problems = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&core).unwrap();
        let mut parts = rel.iter().map(|p| p.to_string_lossy().to_string());
        let first = parts.next().unwrap();
        let in_subfolder = parts.next().is_some();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "mod" || module == "test_support" {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap();
        // `load/mod.rs` sits in the subfolder but its `super::` is the core.
        let is_folder_root = rel.file_name().is_some_and(|n| n == "mod.rs");
        let imports = core_imports(&text, in_subfolder && !is_folder_root);
        let Some(layer) = layer_of(&module) else {
            problems.push(format!(
                "core module `{module}` is in no layer of CORE_LAYERS"
            ));
            continue;
        };
        for m in imports {
            if m == module {
                continue;
            }
            match layer_of(&m) {
                Some(l) if l > layer => problems.push(format!(
                    "{} imports `{m}` ({}), a layer above `{module}` ({})",
                    rel.display(),
                    CORE_LAYERS[l].0,
                    CORE_LAYERS[layer].0
                )),
                Some(_) => {
                    graph.entry(module.clone()).or_default().insert(m);
                }
                None => {} // a local submodule or an item of `core` itself
            }
        }
    }
    // No cycle among the modules (depth-first search with colours).
    fn visit<'a>(
        m: &'a str,
        graph: &'a std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        state: &mut std::collections::HashMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(m) {
            Some(1) => {
                let start = path.iter().position(|p| *p == m).unwrap();
                let mut cycle: Vec<String> = path[start..].iter().map(|s| s.to_string()).collect();
                cycle.push(m.to_string());
                return Some(cycle);
            }
            Some(_) => return None,
            None => {}
        }
        state.insert(m, 1);
        path.push(m);
        for next in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(next, graph, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(m, 2);
        None
    }
    let mut state = std::collections::HashMap::new();
    for m in graph.keys() {
        if let Some(cycle) = visit(m, &graph, &mut state, &mut Vec::new()) {
            problems.push(format!("import cycle in the core: {}", cycle.join(" -> ")));
            break;
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn layer_check_sees_imports() {
    assert_eq!(
        core_imports(
            "use super::{cycles, glob::x};\nuse super::super::model::A;\n",
            false
        ),
        ["cycles", "glob"]
    );
    assert_eq!(
        core_imports("use super::files::P;\nuse super::super::model::A;\n", true),
        ["model"]
    );
    assert_eq!(
        core_imports(
            "use crate::core::timeline::Zoom;\n#[cfg(test)]\nuse super::view_state;",
            false
        ),
        ["timeline"]
    );
}
/// No file of the core holds over 400 lines of non-test code, unless it says why in a
/// `// size:` line.
#[test]
fn core_files_stay_small() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/core"), &mut files);
    let too_long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let code = text
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or(&text);
            let lines = code.lines().filter(|l| !l.trim().is_empty()).count();
            (lines > 400 && !code.contains("// size:")).then(|| {
                format!(
                    "{} ({lines} lines)",
                    f.strip_prefix(root).unwrap().display()
                )
            })
        })
        .collect();
    assert!(
        too_long.is_empty(),
        "core files over 400 lines of code: {too_long:?}"
    );
}
