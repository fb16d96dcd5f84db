//! A seeded mutation fuzzer over the bundled data, run through the loader within a
//! time budget: no panic, no hang, every diagnostic inside its file's bounds and short
//! enough to read, and `roadmap check`'s exit status consistent with the errors.
//!
//! The test command runs it for `FUZZ_SECONDS` (default 20) in the test profile; a
//! longer run is one command (see BENCHMARKS.md):
//! `FUZZ_SECONDS=600 cargo test --profile native --test integration fuzz -- --nocapture`.
//! `FUZZ_SEED=<n>` replays one input. A failure prints its seed; what it finds becomes
//! a fixture under `tests/fixtures/`.

use roadmap_viewer::core::rng::XorShift;
use roadmap_viewer::core::{load, DataFiles, Date, Diagnostic, FileText};
use std::time::{Duration, Instant};

/// Longer than any message the loader should write (values are quoted as excerpts).
const MAX_MESSAGE: usize = 600;

/// Lines to insert: YAML features and hostile values.
const LINES: &[&str] = &[
    "---",
    "...",
    "  - id: fuzz-new\n    title: New\n    stage: tenant-scale\n    confidence: high",
    "defaults: &base\n  stage: dedicated",
    "<<: *base",
    "  <<: *nowhere",
    "x: !!binary aGVsbG8=",
    "title: !custom tag",
    "key: [unclosed",
    "key: {a: 1, a: 2}",
    "\t- tab: indented",
    "%YAML 1.2",
    "? complex key\n: value",
    "id: <script>alert(1)</script>",
    "title: \"\\u202Eevil\"",
    "depends_on: [a, a, a]",
];

/// Values to put where a value was.
const VALUES: &[&str] = &[
    "[x, y]",
    "{a: 1}",
    "~",
    "null",
    "123",
    "-1.5e300",
    "true",
    "\"\"",
    "''",
    "2026-13-40",
    "yyyy-mm-dd",
    "2026-02-30",
    "0000-00-00",
    "99999-01",
    "2026-Q9",
    "2026-H3",
    "2026-01-01T00:00:00Z",
    "imlpemented",
    "javascript:alert(1)",
    "&anchor value",
    "*undefined",
    "!!str 5",
    "|\n  block",
    ">-\n  folded",
];

fn fuzz_seconds() -> f64 {
    std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20.0)
}

/// The bundled data with one or more mutations of one file; also says what was done.
fn mutate(base: &DataFiles, seed: u64) -> (DataFiles, String) {
    let mut rng = XorShift::new(seed.max(1));
    let paths: Vec<&String> = base.files.keys().collect();
    let path = paths[rng.below(paths.len() as u64) as usize].clone();
    let mut bytes = base.text(&path).unwrap_or("").as_bytes().to_vec();
    let ids: Vec<String> = String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- id: ").map(str::to_string))
        .collect();
    let mut done = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let kind = rng.below(16);
        done.push(kind);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let at = rng.below(lines.len() as u64) as usize;
        let value_of = |line: &str| line.find(": ").map(|k| k + 2);
        match kind {
            0 => {
                // Byte flips, anywhere (may leave invalid UTF-8).
                for _ in 0..1 + rng.below(4) {
                    if !bytes.is_empty() {
                        let i = rng.below(bytes.len() as u64) as usize;
                        bytes[i] = rng.below(256) as u8;
                    }
                }
                continue;
            }
            1 => {
                let line = if rng.below(2) == 0 {
                    LINES[rng.below(LINES.len() as u64) as usize].to_string()
                } else {
                    lines[rng.below(lines.len() as u64) as usize].clone()
                };
                lines.insert(at, line);
            }
            2 => {
                lines.remove(at);
            }
            3 => {
                let n = 1 + rng.below(4) as usize;
                if rng.below(2) == 0 {
                    lines[at] = format!("{}{}", " ".repeat(n), lines[at]);
                } else {
                    let trim = lines[at].len() - lines[at].trim_start().len();
                    lines[at] = lines[at][trim.min(n)..].to_string();
                }
            }
            4 | 5 | 6 | 14 => {
                let v = match kind {
                    4 | 14 => VALUES[rng.below(VALUES.len() as u64) as usize].to_string(),
                    5 => "x".repeat(10_000 + rng.below(200_000) as usize),
                    _ => String::new(),
                };
                // A line with a value, searching forward from `at`.
                if let Some(k) = (0..lines.len())
                    .map(|k| (at + k) % lines.len())
                    .find(|&k| value_of(&lines[k]).is_some())
                {
                    let start = value_of(&lines[k]).unwrap();
                    lines[k] = format!("{}{v}", &lines[k][..start]);
                }
            }
            7 => {
                let mut b = lines.join("\n").into_bytes();
                let i = rng.below(b.len() as u64 + 1) as usize;
                b.splice(i..i, [0xFF, 0xC3, 0x28]);
                bytes = b;
                continue;
            }
            8 => {
                let joined = lines.join("\n");
                let joined = match rng.below(3) {
                    0 => format!("\u{FEFF}{joined}"),
                    1 => joined.replace('\n', "\r\n"),
                    _ => joined.replace('\n', "\r"),
                };
                bytes = joined.into_bytes();
                continue;
            }
            9 => {
                if let Some(start) = value_of(&lines[at]) {
                    let tag = ["!!binary ", "!custom ", "!!map ", "!!int "][rng.below(4) as usize];
                    lines[at].insert_str(start, tag);
                }
            }
            10 => {
                if let Some(start) = value_of(&lines[at]) {
                    lines[at].insert_str(start, "&fuzz ");
                    let to = rng.below(lines.len() as u64) as usize;
                    let indent = lines[to].len() - lines[to].trim_start().len();
                    lines.insert(to, format!("{}<<: *fuzz", " ".repeat(indent)));
                }
            }
            11 => lines.insert(at, "---".to_string()),
            12 => {
                let cut = rng.below(bytes.len() as u64 + 1) as usize;
                bytes.truncate(cut);
                continue;
            }
            13 => {
                if !ids.is_empty() {
                    let picks: Vec<&str> = (0..1 + rng.below(4))
                        .map(|_| ids[rng.below(ids.len() as u64) as usize].as_str())
                        .collect();
                    let indent = lines[at].len() - lines[at].trim_start().len();
                    lines.insert(
                        at,
                        format!("{}depends_on: [{}]", " ".repeat(indent), picks.join(", ")),
                    );
                }
            }
            _ => {
                let c =
                    ['\u{85}', '\u{2028}', '\u{2029}', '\u{0}', '\u{202E}'][rng.below(5) as usize];
                let line = &mut lines[at];
                let mut i = rng.below(line.len() as u64 + 1) as usize;
                while !line.is_char_boundary(i) {
                    i -= 1;
                }
                line.insert(i, c);
            }
        }
        bytes = lines.join("\n").into_bytes();
    }
    let mut files = base.clone();
    // Shapes that cost more than linear time if a check is careless (see the hostile
    // data folders issue): dependency cycles through every initiative of the file (one
    // long ring, or every pair: dense), and include patterns full of `**`.
    if rng.below(8) == 0 && !ids.is_empty() {
        let dense = rng.below(2) == 0;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let mut out = String::new();
        let mut k = 0;
        for line in text.split('\n') {
            out.push_str(line);
            out.push('\n');
            if line.trim().starts_with("- id: ") {
                let indent = line.len() - line.trim_start().len() + 2;
                let deps = if dense {
                    ids.join(", ")
                } else {
                    ids[(k + 1) % ids.len()].clone()
                };
                out.push_str(&format!("{}depends_on: [{deps}]\n", " ".repeat(indent)));
                k += 1;
            }
        }
        bytes = out.into_bytes();
        done.push(if dense { 101 } else { 100 });
    }
    if rng.below(8) == 0 {
        let stars = 8 + rng.below(12) as usize;
        let pattern = format!("{}*.yaml", "**/".repeat(stars));
        if let Some(FileText::Text(r)) = files.files.get_mut("roadmap.yaml") {
            *r = r.replace("  - initiatives/*.yaml", &format!("  - \"{pattern}\""));
        }
        done.push(102);
    }
    // Files reach the loader as the CLI and the browser hand them over.
    let text = match String::from_utf8(bytes) {
        Ok(t) => FileText::Text(t),
        Err(_) => FileText::Unreadable("not UTF-8 text".into()),
    };
    files.insert(path.clone(), text);
    (files, format!("{path}: mutations {done:?}"))
}

/// The lines of a text as positions count them (LF, CRLF and lone CR end a line).
fn line_lengths(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut len = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push(len);
                len = 0;
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(len);
                len = 0;
            }
            _ => len += 1,
        }
    }
    out.push(len);
    out
}

/// What must hold for every input.
fn check(files: &DataFiles, diags: &[Diagnostic]) -> Result<(), String> {
    for d in diags {
        let place = format!("{}:{}:{}", d.file, d.line, d.column);
        if d.message.len() + d.hint.as_deref().map_or(0, str::len) > MAX_MESSAGE {
            return Err(format!(
                "{place}: a {}-character message: {}…",
                d.message.len(),
                d.message.chars().take(100).collect::<String>()
            ));
        }
        let Some(text) = files.text(&d.file) else {
            if files.files.contains_key(&d.file) || d.file == "roadmap.yaml" {
                continue; // unreadable or missing: located at 1:1
            }
            return Err(format!(
                "{place}: a diagnostic about a file that is not there"
            ));
        };
        let lines = line_lengths(text);
        let line = d.line as usize;
        if line == 0 || line > lines.len() {
            return Err(format!(
                "{place}: line {line} outside the file's {} lines ({})",
                lines.len(),
                d.message
            ));
        }
        if d.column as usize > lines[line - 1] + 1 {
            return Err(format!(
                "{place}: column past the end of the line ({} characters): {}",
                lines[line - 1],
                d.message
            ));
        }
    }
    Ok(())
}

/// Loads one input on its own thread: a panic or a hang is a failure with the seed.
fn run(files: DataFiles, what: &str, seed: u64) -> Result<Vec<Diagnostic>, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let input = files.clone();
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let out = std::panic::catch_unwind(|| load(&input, Date(0)).1);
            let _ = tx.send(out);
        })
        .unwrap();
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(Ok(diags)) => Ok(diags),
        Ok(Err(_)) => Err(format!("seed {seed}: the loader panicked on {what}")),
        Err(_) => Err(format!("seed {seed}: the loader ran over 30 s on {what}")),
    }
}

#[test]
fn fuzzed_bundled_data_never_breaks_the_loader() {
    let base = super::bundled::files();
    let budget = Duration::from_secs_f64(fuzz_seconds());
    let started = Instant::now();
    let seeds: Box<dyn Iterator<Item = u64>> = match std::env::var("FUZZ_SEED") {
        Ok(s) => Box::new(std::iter::once(s.parse().expect("FUZZ_SEED is a number"))),
        Err(_) => Box::new(1..),
    };
    let mut failures = Vec::new();
    let mut tried = 0;
    for seed in seeds {
        if tried > 0 && started.elapsed() > budget {
            break;
        }
        let (files, what) = mutate(&base, seed);
        tried += 1;
        match run(files.clone(), &what, seed) {
            Ok(diags) => {
                if let Err(e) = check(&files, &diags) {
                    failures.push(format!("seed {seed} ({what}): {e}"));
                }
            }
            Err(e) => failures.push(e),
        }
        if failures.len() >= 10 {
            break;
        }
    }
    eprintln!(
        "fuzz: {tried} inputs in {:.1} s, {} failures",
        started.elapsed().as_secs_f64(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `roadmap check` exits 1 exactly when there is an error, on a sample of fuzzed data
/// folders written to disk (what CI runs on a merge request), some with a link to a
/// secret outside the folder and a FIFO: never printed, never a hang.
#[test]
fn roadmap_check_exit_status_matches_the_errors() {
    const SECRET: &str = "fuzz-secret-0d9f";
    let base = super::bundled::files();
    let dir = std::env::temp_dir().join(format!("roadmap-fuzz-{}", std::process::id()));
    let secret =
        std::env::temp_dir().join(format!("roadmap-fuzz-secret-{}.yaml", std::process::id()));
    std::fs::write(&secret, format!("title: {SECRET}\n")).unwrap();
    for seed in 1..=12u64 {
        let (files, what) = mutate(&base, seed * 7919);
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in &files.files {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            let bytes: &[u8] = match text {
                FileText::Text(t) => t.as_bytes(),
                _ => &[0xFF, 0xFE, 0x00],
            };
            std::fs::write(p, bytes).unwrap();
        }
        // A link out of the folder to a secret, and a FIFO: refused unread, no hang.
        #[cfg(unix)]
        if seed % 3 == 0 {
            std::os::unix::fs::symlink(&secret, dir.join("initiatives/leak.yaml")).unwrap();
            let fifo = dir.join("initiatives/pipe.yaml");
            let ok = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(ok.is_ok_and(|s| s.success()), "mkfifo");
        }
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
            .args(["check", "--format", "json"])
            .arg(&dir)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                panic!("seed {seed} ({what}): roadmap check hung");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains(SECRET), "seed {seed}: the secret leaked");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("seed {seed} ({what}): not JSON ({e})"));
        let errors = json
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["severity"] == "error");
        assert_eq!(
            out.status.code(),
            Some(i32::from(errors)),
            "seed {seed} ({what}): exit status and errors disagree"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_file(&secret);
}
