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
        "last_visit.rs",
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
                "core::yaml",
                "yaml::tree",
                "yaml::de",
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

/// The core's layers, lowest first, each with the folder of `src/core/` its modules sit
/// in (`""`: the core's root). A module may import modules of its own layer or below,
/// never above, and the imports have no cycle; a new module must be placed here, and in
/// its layer's folder. A folder's layers follow each other, so the folders show the
/// layering: `text/` ← `yaml/` ← the root ← `analysis/` ← `tools/` ← `views/` ←
/// `reports/`.
const CORE_LAYERS: &[(&str, &str, &[&str])] = &[
    (
        "text: words, dates, diagnostics, text and Markdown",
        "text",
        &[
            "keyword",
            "date",
            "diagnostic",
            "suggest",
            "glob",
            "url",
            "lines",
            "short_text",
            "markdown",
        ],
    ),
    (
        "the YAML toolchain",
        "yaml",
        &["tree", "scalar", "edits", "de", "raw", "deserialize"],
    ),
    (
        "graph algorithms on plain indices and the seeded generator",
        "",
        &["cycles", "layout", "rng"],
    ),
    ("the checked model", "", &["model"]),
    ("loading", "", &["load"]),
    (
        "algorithms on the roadmap",
        "analysis",
        &["reach", "critical", "slip", "analysis"],
    ),
    (
        "data tools",
        "tools",
        &[
            "redact", "preview", "generate", "schema", "diff", "pack", "history",
        ],
    ),
    (
        "what views compute",
        "views",
        &[
            "filter",
            "timeline",
            "graph_view",
            "table",
            "describe",
            "legend",
            "scope",
            "compare",
            "print",
            "last_visit",
            "accuracy",
        ],
    ),
    (
        "the view state (the URL) and its transitions",
        "views",
        &["view_state", "intent"],
    ),
    (
        "reports linking into the viewer (its URL)",
        "reports",
        &["diff_report", "history_report"],
    ),
];

/// The core's root re-exports (`crate::core::Date`), by the module they come from.
const CORE_REEXPORTS: &[(&str, &str)] = &[
    ("Date", "date"),
    ("Diagnostic", "diagnostic"),
    ("Severity", "diagnostic"),
    ("DataFiles", "load"),
    ("FileText", "load"),
    ("Roadmap", "model"),
];

fn is_layer_folder(name: &str) -> bool {
    !name.is_empty() && CORE_LAYERS.iter().any(|(_, folder, _)| *folder == name)
}

fn is_core_module(name: &str) -> bool {
    CORE_LAYERS.iter().any(|(_, _, ms)| ms.contains(&name))
}

/// Where a file of `src/core/` sits: its layer folder (`""` for the root), the core module
/// it belongs to (`None` for a layer folder's `mod.rs` that is no module itself: it only
/// declares the folder's modules) and its module path under `core`, for `super::`.
fn place_of(rel: &Path) -> (String, Option<String>, Vec<String>) {
    let mut path: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if path.last().is_some_and(|p| p == "mod") {
        path.pop();
    }
    let (folder, module) = match path.as_slice() {
        [f, m, ..] if is_layer_folder(f) => (f.clone(), Some(m.clone())),
        [f] if is_layer_folder(f) => (f.clone(), is_core_module(f).then(|| f.clone())),
        [m, ..] => (String::new(), Some(m.clone())),
        [] => (String::new(), None),
    };
    (folder, module, path)
}

/// The core module a path under `core` names (`text::date::Date` is `date`,
/// `analysis::Analysis` is `analysis`, `Date` is `date`), if any.
fn module_named(path: &[String]) -> Option<String> {
    let first = path.first()?;
    if is_layer_folder(first) {
        if let Some(second) = path.get(1).filter(|s| is_core_module(s)) {
            return Some(second.clone());
        }
    }
    if is_core_module(first) {
        return Some(first.clone());
    }
    CORE_REEXPORTS
        .iter()
        .find(|(item, _)| item == first)
        .map(|(_, m)| m.to_string())
}

/// The paths of one `use` tree (or an expression's path) starting at `s[*at..]`: segments
/// joined by `::`, `{...}` groups expanded, nested or across lines; `as` aliases skipped.
fn use_tree(s: &[u8], at: &mut usize) -> Vec<Vec<String>> {
    let skip_space = |at: &mut usize| {
        while *at < s.len() && s[*at].is_ascii_whitespace() {
            *at += 1;
        }
    };
    let mut prefix = Vec::new();
    loop {
        if s.get(*at) == Some(&b'{') {
            *at += 1;
            let mut out = Vec::new();
            loop {
                skip_space(at);
                if *at >= s.len() || s[*at] == b'}' {
                    *at += 1;
                    return out;
                }
                for p in use_tree(s, at) {
                    out.push([prefix.clone(), p].concat());
                }
                // ` as alias`, then the separator.
                while *at < s.len() && s[*at] != b',' && s[*at] != b'}' {
                    *at += 1;
                }
                if s.get(*at) == Some(&b',') {
                    *at += 1;
                }
            }
        }
        let start = *at;
        while *at < s.len() && (s[*at].is_ascii_alphanumeric() || s[*at] == b'_') {
            *at += 1;
        }
        if *at == start {
            return vec![prefix];
        }
        let segment = String::from_utf8_lossy(&s[start..*at]).to_string();
        if segment != "self" || prefix.is_empty() {
            prefix.push(segment);
        }
        if s[*at..].starts_with(b"::") {
            *at += 2;
        } else {
            return vec![prefix];
        }
    }
}

/// The core modules a file's non-test code names, its `//` lines left out: paths from
/// `crate::core::`, and relative ones (`super::`, `self::`) resolved from `path`, the
/// file's module path under `core` (`["views", "timeline", "build"]`). A path reaching
/// into a module of a layer folder names that module (`crate::core::text::date::Date`,
/// `super::date` in `text/`: `date`); the root's re-exports name theirs; a layer folder's
/// `mod.rs` also names its folder's modules bare (`reach::upstream` in `analysis/`).
fn core_imports(text: &str, path: &[&str]) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let code: String = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let s = code.as_bytes();
    let mut out = Vec::new();
    for i in 0..s.len() {
        let starts = ["crate::core::", "super::", "self::"]
            .iter()
            .any(|p| s[i..].starts_with(p.as_bytes()));
        let after_path = i > 0 && (s[i - 1].is_ascii_alphanumeric() || b"_:".contains(&s[i - 1]));
        if !starts || after_path {
            continue;
        }
        let mut at = i;
        for p in use_tree(s, &mut at) {
            let absolute = match p.first().map(String::as_str) {
                Some("crate") => p[2..].to_vec(),
                _ => {
                    let mut base: Vec<String> = path.iter().map(|s| s.to_string()).collect();
                    let mut rest = p.as_slice();
                    let mut outside = false;
                    while let Some(("super", tail)) =
                        rest.split_first().map(|(h, t)| (h.as_str(), t))
                    {
                        outside |= base.pop().is_none();
                        rest = tail;
                    }
                    if rest.first().is_some_and(|h| h == "self") {
                        rest = &rest[1..];
                    }
                    if outside {
                        continue;
                    }
                    [base, rest.to_vec()].concat()
                }
            };
            out.extend(module_named(&absolute));
        }
    }
    // A layer folder's `mod.rs` (`analysis/mod.rs`) names its folder's modules bare.
    if let [folder] = path {
        let siblings = CORE_LAYERS
            .iter()
            .filter(|(_, f, _)| f == folder && is_layer_folder(f))
            .flat_map(|(_, _, ms)| ms.iter());
        for m in siblings {
            let bare = code.match_indices(&format!("{m}::")).any(|(i, _)| {
                i == 0 || !(s[i - 1].is_ascii_alphanumeric() || b"_:".contains(&s[i - 1]))
            });
            if bare {
                out.push(m.to_string());
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
    let layer_of = |m: &str| CORE_LAYERS.iter().position(|(_, _, ms)| ms.contains(&m));
    let mut problems = Vec::new();
    // Each module in one layer, and a folder's layers next to each other.
    let mut listed = std::collections::BTreeSet::new();
    for (_, _, ms) in CORE_LAYERS {
        for m in *ms {
            if !listed.insert(*m) {
                problems.push(format!("`{m}` is in two layers of CORE_LAYERS"));
            }
        }
    }
    let mut folders: Vec<&str> = CORE_LAYERS.iter().map(|(_, f, _)| *f).collect();
    folders.dedup();
    for (i, f) in folders.iter().enumerate() {
        if folders[..i].contains(f) {
            problems.push(format!(
                "the layers of `src/core/{f}` do not follow each other in CORE_LAYERS"
            ));
        }
    }
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    let mut graph: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    let mut found = std::collections::BTreeSet::new();
    for f in &files {
        let rel = f.strip_prefix(&core).unwrap();
        if rel == Path::new("mod.rs") || rel == Path::new("test_support.rs") {
            continue;
        }
        let (folder, module, path) = place_of(rel);
        let text = std::fs::read_to_string(f).unwrap();
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        let imports = core_imports(&text, &path);
        let Some(module) = module else {
            if !imports.is_empty() {
                problems.push(format!(
                    "{} only declares its folder's modules, yet names {imports:?}",
                    rel.display()
                ));
            }
            continue;
        };
        found.insert(module.clone());
        let Some(layer) = layer_of(&module) else {
            problems.push(format!(
                "core module `{module}` ({}) is in no layer of CORE_LAYERS",
                rel.display()
            ));
            continue;
        };
        let (name, layer_folder, _) = CORE_LAYERS[layer];
        if folder != layer_folder {
            problems.push(format!(
                "{} is in `src/core/{folder}`, but its layer ({name}) is `src/core/{layer_folder}`",
                rel.display()
            ));
        }
        for m in imports {
            if m == module {
                continue;
            }
            match layer_of(&m) {
                Some(l) if l > layer => problems.push(format!(
                    "{} imports `{m}` ({}), a layer above `{module}` ({name})",
                    rel.display(),
                    CORE_LAYERS[l].0,
                )),
                Some(_) => {
                    graph.entry(module.clone()).or_default().insert(m);
                }
                None => {}
            }
        }
    }
    for m in listed {
        if !found.contains(m) {
            problems.push(format!(
                "CORE_LAYERS lists `{m}`, which is no module of the core"
            ));
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
    // Full paths through a layer folder, groups (nested, across lines), re-exports.
    assert_eq!(
        core_imports(
            "use crate::core::text::{date::Date, glob};\nuse crate::core::{\n    analysis::{reach, Analysis},\n    Roadmap,\n    views::timeline::{self, Zoom} as z,\n};\n",
            &["tools", "diff"]
        ),
        ["analysis", "date", "glob", "model", "reach", "timeline"]
    );
    // Relative paths, from where the file sits.
    assert_eq!(
        core_imports(
            "use super::date::Date;\nuse super::super::model::A;\n",
            &["text", "glob"]
        ),
        ["date", "model"]
    );
    assert_eq!(
        core_imports(
            "use super::files::P;\nuse super::super::model::A;\nuse super::super::super::x;\n",
            &["load", "ids"]
        ),
        ["load", "model"]
    );
    assert_eq!(
        core_imports(
            "use super::Analysis;\nlet t = self::x::y();",
            &["analysis", "reach"]
        ),
        ["analysis", "reach"]
    );
    // A layer folder's own module names its folder's modules bare.
    assert_eq!(
        core_imports(
            "use slip::Move;\nlet r = reach::upstream(x);\nlet d = a::reach::b;",
            &["analysis"]
        ),
        ["reach", "slip"]
    );
    // Not in tests, not in comments.
    assert_eq!(
        core_imports(
            "use crate::core::views::timeline::Zoom;\n// crate::core::tools::diff\n#[cfg(test)]\nuse super::view_state;",
            &["views", "table"]
        ),
        ["timeline"]
    );
    // Where a file sits.
    assert_eq!(
        place_of(Path::new("views/timeline/build.rs")),
        (
            "views".into(),
            Some("timeline".into()),
            vec!["views".into(), "timeline".into(), "build".into()]
        )
    );
    assert_eq!(place_of(Path::new("text/mod.rs")).1, None);
    assert_eq!(
        place_of(Path::new("analysis/mod.rs")).1.as_deref(),
        Some("analysis")
    );
    assert_eq!(place_of(Path::new("load/files.rs")).0, "");
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
