//! The `roadmap` command line: `check`, `diff`, `history`, `baseline`, `pack`,
//! `schema`, `redact`, `generate` and `layout` (see `USAGE`).

use crate::core::{load, text::diagnostic};
use crate::data_dir;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  roadmap check [DIR] [--format human|json|gitlab|github] [--deny-warnings]
      check the roadmap data in DIR (default: data); exit 1 on errors, 2 when DIR
      or the report's output cannot be used (a reader that stops early, as
      `| head` does, is not an error: the status stays the check's)
  roadmap diff BASE_DIR HEAD_DIR [--format human|markdown|json] [--site-url URL] [--public]
  roadmap diff --git REF HEAD_DIR [...]
      what changed from BASE_DIR (or HEAD_DIR as it was at the git revision REF) to
      HEAD_DIR, and what it does: moved, added, removed and changed initiatives, what
      must move with them, conflicts, horizons, the critical path, diagnostics;
      --site-url starts the viewer links of the markdown report (relative without);
      --public compares the redacted data (as `roadmap redact` writes it), naming no
      confidential initiative; exit 0 whatever changed, 1 when a side cannot be read
  roadmap history DATA_DIR [--since DATE] [--format json|human] [--public] [--pack OUT_FILE]
      how the plan moved: DATA_DIR's git history (first parents of HEAD, read as
      `diff --git` reads a revision), per initiative when it was first seen, each
      change of start, end, status, confidence or stage, and its removal;
      commits that change no initiative are left out, broken ones reported with
      their errors; --since YYYY-MM-DD keeps what happened from that day;
      --public redacts each commit as `roadmap redact` does; --pack writes the
      history in the viewer's compact form to OUT_FILE instead of a report
      (the site build does this with ROADMAP_HISTORY=1; see docs/history.md)
  roadmap baseline --git REF DIR OUT_DIR
      write DIR as it was at the git revision REF (read as `diff --git` reads it)
      to OUT_DIR (new or empty): a viewer baseline (ROADMAP_BASELINE=OUT_DIR)
  roadmap pack DIR OUT_FILE
      load DIR as the viewer would and write the result (the roadmap and every
      diagnostic) to OUT_FILE, the pre-checked form a published site starts from
      (the site build does this; see ARCHITECTURE.md); exit 0 whatever the data's
      problems, 2 when DIR cannot be read or OUT_FILE written
  roadmap prerender PACK_FILE INDEX_HTML
      draw the default first screen of the roadmap in PACK_FILE into INDEX_HTML
      (the site build does this after `pack`), so the page shows the roadmap
      before its wasm has loaded, and without JavaScript
  roadmap schema
      print the JSON Schema of roadmap.yaml and initiative files
  roadmap redact DIR OUT_DIR
      write DIR's roadmap without its confidential initiatives to OUT_DIR (new or
      empty), with placeholders that name no confidential initiative
  roadmap generate --initiatives N [--seed S] OUT_DIR
      write a synthetic roadmap of N initiatives (6 stages, 26 teams, ~1.5
      dependencies each, clean under check --deny-warnings) to OUT_DIR (new or
      empty); the same N and S (default 1) give the same files
  roadmap layout FILE.json [--positions]
      lay out a benchmark graph (JSON with n and edges [[from, to], ...]) and print
      nodes, edges, layers, crossings and ms as JSON; --positions adds layer (per
      node) and paths (per edge, its x at each layer)";

/// Runs the command line with `args` (without the program name).
pub fn main(args: &[String]) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("diff") => diff(&args[1..]),
        Some("baseline") => baseline(&args[1..]),
        Some("history") => history(&args[1..]),
        Some("layout") => layout(&args[1..]),
        Some("pack") => pack(&args[1..]),
        Some("prerender") => prerender(&args[1..]),
        Some("redact") => redact(&args[1..]),
        Some("generate") => generate(&args[1..]),
        Some("schema") => finish(format!("{}\n", crate::core::tools::schema::json_schema())),
        Some("-h" | "--help" | "help") => finish(format!("{USAGE}\n")),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check(args: &[String]) -> ExitCode {
    let mut dir: Option<PathBuf> = None;
    let mut format = "human".to_string();
    let mut deny_warnings = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--deny-warnings" => deny_warnings = true,
            "--format" => match it.next() {
                Some(f) => format = f.clone(),
                None => {
                    return usage_error("--format needs a value: human, json, gitlab or github")
                }
            },
            f if f.starts_with("--format=") => format = f["--format=".len()..].to_string(),
            f if f.starts_with('-') => return usage_error(&format!("unknown option {f}")),
            d if dir.is_none() => dir = Some(PathBuf::from(d)),
            d => return usage_error(&format!("unexpected argument {d}")),
        }
    }
    if !["human", "json", "gitlab", "github"].contains(&format.as_str()) {
        return usage_error(&format!(
            "unknown format {format}: use human, json, gitlab or github"
        ));
    }
    let dir = dir.unwrap_or_else(|| PathBuf::from("data"));
    let Some(Loaded {
        files,
        roadmap,
        diags,
        prefix,
    }) = load_dir(&dir)
    else {
        return ExitCode::from(2);
    };
    let (errors, warnings, summary) = diagnostic::summary(&diags);
    let report = match format.as_str() {
        "json" => format!("{}\n", diagnostic::to_json(&diags, &prefix)),
        "gitlab" => format!("{}\n", diagnostic::to_gitlab(&diags, &prefix)),
        "github" => format!("{}{summary}\n", diagnostic::to_github(&diags, &prefix)),
        _ => {
            let mut out = String::new();
            for d in &diags {
                out.push_str(&d.render(&prefix, files.text(&d.file)));
                out.push('\n');
            }
            let count = roadmap.initiatives.len();
            out.push_str(&format!(
                "{summary} ({count} initiatives loaded from {})\n",
                dir.display()
            ));
            out
        }
    };
    if let Err(code) = emit(report) {
        return code;
    }
    if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("error: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn layout(args: &[String]) -> ExitCode {
    let mut file = None;
    let mut positions = false;
    for a in args {
        match a.as_str() {
            "--positions" => positions = true,
            f if f.starts_with('-') => return usage_error(&format!("unknown option {f}")),
            f if file.is_none() => file = Some(f.to_string()),
            f => return usage_error(&format!("unexpected argument {f}")),
        }
    }
    let Some(file) = file else {
        return usage_error("layout needs a graph file");
    };
    #[derive(serde::Deserialize)]
    struct Input {
        n: usize,
        edges: Vec<(u32, u32)>,
    }
    let input: Input = match std::fs::read_to_string(&file)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {file}: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(&(a, b)) = input
        .edges
        .iter()
        .find(|&&(a, b)| a as usize >= input.n || b as usize >= input.n || a == b)
    {
        eprintln!(
            "error: {file}: edge [{a}, {b}] is not between two distinct nodes of 0..{}",
            input.n
        );
        return ExitCode::from(2);
    }
    let started = std::time::Instant::now();
    let l = crate::core::layout::layout(input.n, &input.edges, Default::default());
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut out = serde_json::json!({
        "nodes": input.n,
        "edges": input.edges.len(),
        "layers": l.layers.len(),
        "crossings": l.crossings,
        "ms": (ms * 100.0).round() / 100.0,
    });
    if positions {
        out["layer"] = serde_json::json!(l.layer);
        out["paths"] = serde_json::json!(l.paths);
    }
    finish(format!("{out}\n"))
}

fn redact(args: &[String]) -> ExitCode {
    let [dir, out] = args else {
        return usage_error("redact needs DIR and OUT_DIR");
    };
    let (dir, out) = (PathBuf::from(dir), PathBuf::from(out));
    let Some(Loaded {
        files,
        roadmap,
        diags,
        prefix,
    }) = load_dir(&dir)
    else {
        return ExitCode::from(2);
    };
    let (errors, _, summary) = diagnostic::summary(&diags);
    if errors > 0 {
        for d in diags
            .iter()
            .filter(|d| d.severity == crate::core::Severity::Error)
        {
            eprintln!("{}", d.render(&prefix, files.text(&d.file)));
        }
        eprintln!("error: {summary}: fix the data before redacting it");
        return ExitCode::from(1);
    }
    let redacted = crate::core::tools::redact::redact(&roadmap);
    if let Err(code) = write_new_dir("redact", &out, &redacted) {
        return code;
    }
    // The public data must itself be clean.
    let (public, check) = load(&redacted, data_dir::today());
    let (errors, _, summary) = diagnostic::summary(&check);
    let removed = roadmap.initiatives.len() - public.initiatives.len();
    if let Err(code) = emit(format!(
        "wrote {}: {} initiatives kept, {removed} confidential left out; check: {summary}\n",
        out.display(),
        public.initiatives.len()
    )) {
        return code;
    }
    if errors > 0 {
        for d in &check {
            eprintln!("{}", d.headline(&format!("{}/", out.display())));
        }
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// `roadmap history`: the history of a data folder from git.
fn history(args: &[String]) -> ExitCode {
    let (mut dir, mut since, mut public, mut pack) = (None, None, false, None);
    let mut format = "human".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--public" => public = true,
            "--format" | "--since" | "--pack" => {
                let Some(v) = it.next() else {
                    return usage_error(&format!("{a} needs a value"));
                };
                if a == "--format" {
                    format = v.clone();
                } else if a == "--pack" {
                    pack = Some(v.clone());
                } else {
                    match crate::core::text::date::Date::parse(
                        v,
                        crate::core::text::date::Edge::First,
                    ) {
                        Ok(d) if v.len() == 10 => since = Some(d),
                        _ => {
                            return usage_error(&format!("--since needs a day YYYY-MM-DD, not {v}"))
                        }
                    }
                }
            }
            f if f.starts_with('-') => return usage_error(&format!("unknown option {f}")),
            d if dir.is_none() => dir = Some(PathBuf::from(d)),
            d => return usage_error(&format!("unexpected argument {d}")),
        }
    }
    if !["human", "json"].contains(&format.as_str()) {
        return usage_error(&format!("unknown format {format}: use human or json"));
    }
    let Some(dir) = dir else {
        return usage_error("history needs DATA_DIR");
    };
    let h = match history_of(&dir, public) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: cannot read the history of {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    let h = match since {
        Some(d) => h.since(d),
        None => h,
    };
    if let Some(out) = pack {
        let bytes = crate::core::tools::history::pack::write(&h);
        if let Err(e) = std::fs::write(&out, &bytes) {
            eprintln!("error: cannot write {out}: {e}");
            return ExitCode::from(2);
        }
        return finish(format!(
            "wrote {out}: {} commits, {} initiatives{}, {} bytes\n",
            h.commits.len(),
            h.initiatives.len(),
            if h.shallow { " (a shallow clone)" } else { "" },
            bytes.len()
        ));
    }
    let prefix = format!("{}/", dir.display().to_string().trim_end_matches('/'));
    finish(match format.as_str() {
        "json" => {
            let v = crate::core::tools::history::json::to_json(&h, &prefix);
            format!(
                "{}\n",
                serde_json::to_string_pretty(&v).expect("serializes")
            )
        }
        _ => crate::core::reports::history_report::human(&h, &prefix),
    })
}

/// The history of `dir` from git, redacted commit by commit when `public`.
pub fn history_of(
    dir: &std::path::Path,
    public: bool,
) -> std::io::Result<crate::core::tools::history::History> {
    use crate::core::tools::history::Builder;
    let log = crate::git_history::read(dir)?;
    let today = data_dir::today();
    let mut b = if public {
        Builder::public(today)
    } else {
        Builder::new(today)
    };
    for (commit, files) in &log.commits {
        b.push(commit.clone(), files);
    }
    Ok(b.finish(log.shallow))
}

/// `roadmap baseline --git REF DIR OUT_DIR`: the data folder at a revision, written out
/// for a build's `ROADMAP_BASELINE`. Files the jail refuses are left out (their
/// diagnostics appear when the baseline is loaded).
fn baseline(args: &[String]) -> ExitCode {
    let [flag, rev, dir, out] = args else {
        return usage_error("baseline needs --git REF DIR OUT_DIR");
    };
    if flag != "--git" {
        return usage_error("baseline needs --git REF DIR OUT_DIR");
    }
    let (dir, out) = (PathBuf::from(dir), PathBuf::from(out));
    let files = match data_dir::read_at_revision(&dir, rev) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {}: {e}", dir.display());
            return ExitCode::from(1);
        }
    };
    if let Err(code) = write_new_dir("baseline", &out, &files) {
        return code;
    }
    finish(format!(
        "wrote {}: {} as it was at {rev} ({} files)\n",
        out.display(),
        dir.display(),
        files.files.len()
    ))
}

fn generate(args: &[String]) -> ExitCode {
    let (mut n, mut seed, mut out) = (None, 1u64, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--initiatives" => match it.next().and_then(|v| v.parse::<usize>().ok()) {
                Some(v) if v > 0 => n = Some(v),
                _ => return usage_error("--initiatives needs a positive number"),
            },
            "--seed" => match it.next().and_then(|v| v.parse::<u64>().ok()) {
                Some(v) => seed = v,
                None => return usage_error("--seed needs a number"),
            },
            f if f.starts_with('-') => return usage_error(&format!("unknown option {f}")),
            d if out.is_none() => out = Some(PathBuf::from(d)),
            d => return usage_error(&format!("unexpected argument {d}")),
        }
    }
    let (Some(n), Some(out)) = (n, out) else {
        return usage_error("generate needs --initiatives N and OUT_DIR");
    };
    let files = crate::core::tools::generate::generate(n, seed);
    if let Err(code) = write_new_dir("generate", &out, &files) {
        return code;
    }
    finish(format!(
        "wrote {}: {n} initiatives (seed {seed})\n",
        out.display()
    ))
}

fn pack(args: &[String]) -> ExitCode {
    let [dir, out] = args else {
        return usage_error("pack needs DIR and OUT_FILE");
    };
    let Some(l) = load_dir(std::path::Path::new(dir)) else {
        return ExitCode::from(2);
    };
    let bytes = crate::core::tools::pack::write(&l.roadmap, &l.diags, data_dir::today());
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("error: cannot write {out}: {e}");
        return ExitCode::from(2);
    }
    finish(format!(
        "wrote {out}: {} initiatives, {} diagnostics, {} bytes\n",
        l.roadmap.initiatives.len(),
        l.diags.len(),
        bytes.len()
    ))
}

fn prerender(args: &[String]) -> ExitCode {
    let [pack, index] = args else {
        return usage_error("prerender needs PACK_FILE and INDEX_HTML");
    };
    let read = std::fs::read(pack).map_err(|e| e.to_string());
    let packed = match read.and_then(|b| crate::core::tools::pack::read(&b)) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {pack}: {e}");
            return ExitCode::from(2);
        }
    };
    let html = match std::fs::read_to_string(index) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: cannot read {index}: {e}");
            return ExitCode::from(2);
        }
    };
    let n = packed.roadmap.initiatives.len();
    let screen = crate::prerender::first_screen(packed, data_dir::today());
    let Some(out) = crate::prerender::insert(&html, &screen) else {
        eprintln!("error: {index} has no <body>");
        return ExitCode::from(2);
    };
    if let Err(e) = std::fs::write(index, out) {
        eprintln!("error: cannot write {index}: {e}");
        return ExitCode::from(2);
    }
    finish(format!(
        "wrote the first screen of {n} initiatives into {index} ({} bytes)\n",
        screen.len()
    ))
}

fn diff(args: &[String]) -> ExitCode {
    let (mut dirs, mut git, mut site_url, mut public) = (Vec::new(), None, None, false);
    let mut format = "human".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let target = match a.as_str() {
            "--public" => {
                public = true;
                continue;
            }
            "--format" => &mut format,
            "--git" => git.insert(String::new()),
            "--site-url" => site_url.insert(String::new()),
            f if f.starts_with('-') => return usage_error(&format!("unknown option {f}")),
            d => {
                dirs.push(PathBuf::from(d));
                continue;
            }
        };
        match it.next() {
            Some(v) => *target = v.clone(),
            None => return usage_error(&format!("{a} needs a value")),
        }
    }
    if !["human", "markdown", "json"].contains(&format.as_str()) {
        return usage_error(&format!(
            "unknown format {format}: use human, markdown or json"
        ));
    }
    let (base, head) = match (&git, dirs.as_slice()) {
        (Some(rev), [head]) => match data_dir::read_at_revision(head, rev) {
            Ok(files) => (Some(loaded(files, head)), load_dir(head)),
            Err(e) => {
                eprintln!("error: cannot read {} at {rev}: {e}", head.display());
                return ExitCode::from(1);
            }
        },
        (None, [base, head]) => (load_dir(base), load_dir(head)),
        _ => return usage_error("diff needs BASE_DIR and HEAD_DIR, or --git REF and HEAD_DIR"),
    };
    let (Some(base), Some(head)) = (base, head) else {
        return ExitCode::from(1);
    };
    let today = data_dir::today();
    let side = |l: &Loaded| {
        if public {
            crate::core::tools::diff::public(&l.roadmap, &l.diags, today)
        } else {
            (l.roadmap.clone(), l.diags.clone())
        }
    };
    let ((a, a_diags), (b, b_diags)) = (side(&base), side(&head));
    let d = crate::core::tools::diff::diff(
        crate::core::tools::diff::Side {
            roadmap: &a,
            diagnostics: &a_diags,
            today,
        },
        crate::core::tools::diff::Side {
            roadmap: &b,
            diagnostics: &b_diags,
            today,
        },
    );
    let prefixes = (base.prefix.as_str(), head.prefix.as_str());
    finish(match format.as_str() {
        "json" => {
            let v = crate::core::tools::diff::json::to_json(&d, prefixes.0, prefixes.1);
            format!(
                "{}\n",
                serde_json::to_string_pretty(&v).expect("serializes")
            )
        }
        "markdown" => {
            crate::core::reports::diff_report::markdown(&d, &a, &b, site_url.as_deref(), prefixes)
        }
        _ => crate::core::reports::diff_report::human(&d, &a, &b, prefixes),
    })
}

/// [`emit`] as a command's last step.
fn finish(text: String) -> ExitCode {
    emit(text).err().unwrap_or(ExitCode::SUCCESS)
}

/// Writes `text` to standard output. A reader that went away (`roadmap check | head
/// -1`) is not an error: the rest is dropped and the command keeps its own status.
/// Any other failure (a full disk) is reported, and the command fails with status 2.
fn emit(text: String) -> Result<(), ExitCode> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write the report: {e}");
            Err(ExitCode::from(2))
        }
        _ => Ok(()),
    }
}

/// Writes `files` under `out`, which must be new or empty (nothing is overwritten).
fn write_new_dir(
    command: &str,
    out: &std::path::Path,
    files: &crate::core::DataFiles,
) -> Result<(), ExitCode> {
    if out.exists()
        && std::fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        eprintln!(
            "error: {} exists and is not empty: {command} writes into a new or empty folder",
            out.display()
        );
        return Err(ExitCode::from(2));
    }
    for (path, text) in &files.files {
        let crate::core::FileText::Text(text) = text else {
            continue;
        };
        let target = out.join(path);
        if let Err(e) = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&target, text))
        {
            eprintln!("error: cannot write {}: {e}", target.display());
            return Err(ExitCode::from(2));
        }
    }
    Ok(())
}

/// A data folder read and checked, with the prefix its diagnostics are printed with.
struct Loaded {
    files: crate::core::DataFiles,
    roadmap: crate::core::Roadmap,
    diags: Vec<crate::core::Diagnostic>,
    prefix: String,
}

/// Reads and loads `dir`; `None` (after saying why) when it cannot be read.
fn load_dir(dir: &std::path::Path) -> Option<Loaded> {
    let files = match data_dir::read(dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", dir.display());
            return None;
        }
    };
    Some(loaded(files, dir))
}

/// Loads `files`, read from `dir` (which names them in diagnostics).
fn loaded(files: crate::core::DataFiles, dir: &std::path::Path) -> Loaded {
    let (roadmap, diags) = load(&files, data_dir::today());
    let prefix = format!("{}/", dir.display().to_string().trim_end_matches('/'));
    Loaded {
        files,
        roadmap,
        diags,
        prefix,
    }
}
