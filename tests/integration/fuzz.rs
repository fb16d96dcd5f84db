//! A seeded mutation fuzzer over the bundled data, run through the loader within a
//! time budget: no panic, no hang, every diagnostic inside its file's bounds and short
//! enough to read, and `roadmap check`'s exit status consistent with the errors.
//!
//! The test command runs it for `FUZZ_SECONDS` (default 20) in the test profile; a
//! longer run is one command (see BENCHMARKS.md):
//! `FUZZ_SECONDS=600 cargo test --profile native --test integration fuzz -- --nocapture`.
//! `FUZZ_SEED=<n>` replays one input. A failure prints its seed; what it finds becomes
//! a fixture under `tests/fixtures/`.

use roadmap_viewer::core::{load, DataFiles, Date, Diagnostic, FileText};

#[path = "../support/mutate.rs"]
mod mutate;
use mutate::mutate;
use std::time::{Duration, Instant};

/// Longer than any message the loader should write (values are quoted as excerpts).
const MAX_MESSAGE: usize = 600;

fn fuzz_seconds() -> f64 {
    std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20.0)
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
