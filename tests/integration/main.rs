//! Native integration tests: one binary, one module per area.
#![cfg(not(target_arch = "wasm32"))]

mod bundled;
mod check_cli;
mod deploy_templates;
mod diff;
mod filters;
mod fixtures;
mod fuzz;
mod graph_view;
mod history;
mod postbuild;
mod prerender;
mod redact;
mod tidy;
mod typos;
mod yaml_oracle;

/// A fresh, empty folder under the system's temporary folder, for data that cannot be
/// committed (links out of the repository, FIFOs, other line endings).
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("roadmap-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A data folder `ROOT/data` (one stage `s`, including `i/*.yaml`) next to a file it
/// must never show, `ROOT/secret.yaml` holding `secret`; returns ROOT.
fn data_beside_a_secret(name: &str, secret: &str) -> std::path::PathBuf {
    let root = temp_dir(name);
    std::fs::create_dir_all(root.join("data/i")).unwrap();
    std::fs::write(root.join("secret.yaml"), secret).unwrap();
    std::fs::write(
        root.join("data/roadmap.yaml"),
        "title: T\nstages: [{id: s, name: S}]\ninclude: [\"i/*.yaml\"]\n",
    )
    .unwrap();
    root
}

/// Runs the `roadmap` binary in `dir`: (status, standard output, standard error).
fn roadmap(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Copies the folder `from` to `to`, recursively.
fn copy(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Compares `actual` with the expected file (a failure's text pushed on `failures`),
/// or rewrites the file under `UPDATE_EXPECT=1`.
fn expect_file(file: &std::path::Path, actual: &str, failures: &mut Vec<String>) {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(file, actual).unwrap();
        return;
    }
    if std::fs::read_to_string(file).unwrap_or_default() != actual {
        failures.push(format!(
            "{} differs (UPDATE_EXPECT=1 rewrites):\n{actual}",
            file.display()
        ));
    }
}

/// Runs git in `dir` (a throwaway identity, no signing); its standard output.
fn git(dir: &std::path::Path, args: &[&str]) -> String {
    git_on_day(dir, args, 1)
}

/// [`git`], committing on 2026-03-`day` at noon UTC (so commit ids repeat).
fn git_on_day(dir: &std::path::Path, args: &[&str], day: u32) -> String {
    let date = format!("2026-03-{day:02}T12:00:00Z");
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.com"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The folders inside `dir`, sorted.
fn subfolders(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}
