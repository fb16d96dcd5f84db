//! The git history of a data folder, commit by commit (native only): what `roadmap
//! history` reads, each commit's files under the same rules as `roadmap diff --git`
//! (`data_dir::read_at_revision`).
//!
//! Three `git` processes whatever the number of commits: one `git log` of the folder
//! (first parent, each commit's changed files with their modes and blob ids), one
//! `cat-file --batch-check` for the sizes of the blobs it names, one `cat-file
//! --batch` for the contents of those within the limit. Each commit's files are the
//! previous commit's with its changes applied, and a blob is read once however many
//! commits hold it. The jail is `read_at_revision`'s: only `.yaml`/`.yml` files, a
//! symbolic link or a submodule refused unread, at most [`MAX_FILE_BYTES`] + 1 bytes,
//! strict UTF-8 (`FileText::from_bytes`).

use crate::core::load::{DataFiles, FileText, MAX_FILE_BYTES};
use crate::core::tools::history::Commit;
use crate::core::Date;
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// The data folder's history, oldest commit first.
pub struct GitHistory {
    /// Each commit that changed the folder, with the folder's files after it.
    pub commits: Vec<(Commit, DataFiles)>,
    /// The repository is a shallow clone: the history starts at its oldest fetched
    /// commit, which then seems to add everything it holds.
    pub shallow: bool,
}

/// A change to one path in a commit: the new mode and blob, or gone.
struct Change {
    path: String,
    /// `None`: deleted.
    new: Option<(String, String)>,
}

/// Reads the history of `dir` (any folder inside a git work tree) along the first
/// parents of `HEAD`: on a branch that takes merge requests, the state after each merge.
pub fn read(dir: &Path) -> std::io::Result<GitHistory> {
    let log = git(
        dir,
        &[
            "log",
            "--first-parent",
            "--diff-merges=first-parent",
            "--no-renames",
            "--root",
            "--raw",
            "-z",
            "--no-abbrev",
            "--relative",
            "--reverse",
            "--format=%x01%H %ct %s",
            "--",
            ".",
        ],
        None,
    )?;
    let parsed = parse_log(&log)?;
    // Every blob of a YAML file, once: sizes first, then the contents within the limit.
    let mut wanted: Vec<&str> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (_, changes) in &parsed {
        for c in changes {
            if let Some((mode, oid)) = &c.new {
                if DataFiles::is_yaml(&c.path) && refusal(mode).is_none() && seen.insert(oid) {
                    wanted.push(oid);
                }
            }
        }
    }
    let sizes = batch_sizes(dir, &wanted)?;
    let small: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|o| sizes.get(*o).is_some_and(|&n| n <= MAX_FILE_BYTES))
        .collect();
    let mut blobs = batch_contents(dir, &small)?;
    let mut texts: HashMap<String, FileText> = HashMap::new();
    for oid in wanted {
        let text = match blobs.remove(oid) {
            Some(bytes) => FileText::from_bytes(bytes),
            None => match sizes.get(oid) {
                Some(&n) => FileText::TooLarge(n),
                None => FileText::Unreadable("missing from the repository".into()),
            },
        };
        texts.insert(oid.to_string(), text);
    }
    let mut files: BTreeMap<String, FileText> = BTreeMap::new();
    let mut commits = Vec::with_capacity(parsed.len());
    for (commit, changes) in parsed {
        for c in changes {
            if !DataFiles::is_yaml(&c.path) {
                continue;
            }
            match c.new {
                None => {
                    files.remove(&c.path);
                }
                Some((mode, oid)) => {
                    let text = refusal(&mode).unwrap_or_else(|| texts[&oid].clone());
                    files.insert(c.path, text);
                }
            }
        }
        commits.push((
            commit,
            DataFiles {
                files: files.clone(),
            },
        ));
    }
    let shallow = git(dir, &["rev-parse", "--is-shallow-repository"], None)?;
    Ok(GitHistory {
        commits,
        shallow: String::from_utf8_lossy(&shallow).trim() == "true",
    })
}

/// Why a tree entry of `mode` is refused unread (`read_at_revision`'s rule), if it is.
pub fn refusal(mode: &str) -> Option<FileText> {
    use crate::core::load::Refusal::NotRegularFile;
    match mode {
        "100644" | "100755" => None,
        "120000" => Some(FileText::Refused(NotRegularFile("a symbolic link in git"))),
        _ => Some(FileText::Refused(NotRegularFile("a submodule"))),
    }
}

/// `git log -z --raw --format=%x01%H %ct %s` into commits and their changes: a header
/// token (after a newline for every commit but the first), then `:<modes> <oids>
/// <status>` and path token pairs.
fn parse_log(log: &[u8]) -> std::io::Result<Vec<(Commit, Vec<Change>)>> {
    let bad = || std::io::Error::other("unexpected `git log` output");
    let mut out: Vec<(Commit, Vec<Change>)> = Vec::new();
    let mut tokens = log.split(|&b| b == 0);
    while let Some(token) = tokens.next() {
        let token = token.strip_prefix(b"\n").unwrap_or(token);
        if token.is_empty() {
            continue;
        }
        if let Some(header) = token.strip_prefix(b"\x01") {
            let header = String::from_utf8_lossy(header);
            let mut parts = header.splitn(3, ' ');
            let (Some(id), Some(time)) = (parts.next(), parts.next()) else {
                return Err(bad());
            };
            let secs: i64 = time.parse().map_err(|_| bad())?;
            out.push((
                Commit {
                    id: id.to_string(),
                    date: Date(secs.div_euclid(86_400) as i32),
                    subject: parts.next().unwrap_or("").to_string(),
                },
                Vec::new(),
            ));
            continue;
        }
        // `:<old mode> <new mode> <old oid> <new oid> <status>`, then the path.
        let meta = String::from_utf8_lossy(token.strip_prefix(b":").ok_or_else(bad)?);
        let path = tokens.next().ok_or_else(bad)?;
        let fields: Vec<&str> = meta.split_whitespace().collect();
        let [_, mode, _, oid, status] = fields[..] else {
            return Err(bad());
        };
        let change = Change {
            path: String::from_utf8_lossy(path).into_owned(),
            new: (!status.starts_with('D')).then(|| (mode.to_string(), oid.to_string())),
        };
        out.last_mut().ok_or_else(bad)?.1.push(change);
    }
    Ok(out)
}

/// Each object's size (`cat-file --batch-check`); objects git does not have are absent.
fn batch_sizes(dir: &Path, oids: &[&str]) -> std::io::Result<HashMap<String, u64>> {
    let input: String = oids.iter().map(|o| format!("{o}\n")).collect();
    let out = git(
        dir,
        &["cat-file", "--batch-check"],
        Some(input.into_bytes()),
    )?;
    let mut sizes = HashMap::new();
    for line in String::from_utf8_lossy(&out).lines() {
        // `<oid> blob <size>`, or `<oid> missing`.
        if let [oid, "blob", size] = line.split(' ').collect::<Vec<_>>()[..] {
            if let Ok(n) = size.parse() {
                sizes.insert(oid.to_string(), n);
            }
        }
    }
    Ok(sizes)
}

/// Each blob's bytes (`cat-file --batch`), for blobs known to be within the limit.
fn batch_contents(dir: &Path, oids: &[&str]) -> std::io::Result<HashMap<String, Vec<u8>>> {
    let input: String = oids.iter().map(|o| format!("{o}\n")).collect();
    let out = git(dir, &["cat-file", "--batch"], Some(input.into_bytes()))?;
    let bad = || std::io::Error::other("unexpected `git cat-file` output");
    let mut blobs = HashMap::new();
    let mut rest = &out[..];
    while !rest.is_empty() {
        let nl = rest.iter().position(|&b| b == b'\n').ok_or_else(bad)?;
        let header = String::from_utf8_lossy(&rest[..nl]).into_owned();
        rest = &rest[nl + 1..];
        let [oid, kind, size] = header.split(' ').collect::<Vec<_>>()[..] else {
            continue; // `<oid> missing`
        };
        let n: usize = size.parse().map_err(|_| bad())?;
        if rest.len() < n + 1 || n as u64 > MAX_FILE_BYTES {
            return Err(bad());
        }
        if kind == "blob" {
            blobs.insert(oid.to_string(), rest[..n].to_vec());
        }
        rest = &rest[n + 1..];
    }
    Ok(blobs)
}

/// Runs `git -C dir args`, feeding `input` (from a thread, so a large answer cannot
/// block a large question), and returns its output; its error output on a failure.
fn git(dir: &Path, args: &[&str], input: Option<Vec<u8>>) -> std::io::Result<Vec<u8>> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let feeder = input.map(|bytes| {
        let mut stdin = child.stdin.take().expect("piped");
        std::thread::spawn(move || stdin.write_all(&bytes))
    });
    let mut stdout = Vec::new();
    child
        .stdout
        .take()
        .expect("piped")
        .read_to_end(&mut stdout)?;
    let out = child.wait_with_output()?;
    if let Some(f) = feeder {
        f.join()
            .map_err(|_| std::io::Error::other("git's input thread panicked"))??;
    }
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(std::io::Error::other(format!(
            "git {}: {}",
            args[0],
            err.trim()
        )));
    }
    Ok(stdout)
}
