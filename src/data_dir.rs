//! Reading a data folder from disk into [`DataFiles`] (native builds only; the browser
//! fetches the same files over HTTP).
//!
//! The data folder is a jail: `roadmap check` runs in CI on data anyone can propose, so
//! a file is read only if it resolves to a regular file inside the folder. A symbolic
//! link may point to another file of the folder; one leading outside it (`/etc/passwd`,
//! `/proc/self/environ`) is refused unread, and so is anything that is not a regular
//! file (a FIFO would block the open, `/dev/zero` never ends). At most
//! [`MAX_FILE_BYTES`] + 1 bytes are read, whatever the file claims its size is.

use crate::core::load::{DataFiles, FileText, Refusal, MAX_FILE_BYTES};
use std::fs::{File, FileType};
use std::io::Read;
use std::path::Path;

/// Reads every `.yaml`/`.yml` file under `dir`, recursively (through real folders only,
/// never through links, so the walk cannot loop or leave the folder).
pub fn read(dir: &Path) -> std::io::Result<DataFiles> {
    let root = dir.canonicalize()?;
    let mut files = DataFiles::default();
    let mut stack = vec![root.clone()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            // The entry itself, not what a link points to.
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(&root)
                .expect("walked from the root")
                .to_string_lossy()
                .replace('\\', "/");
            if DataFiles::is_yaml(&rel) {
                files.insert(rel, read_file(&root, &path, kind));
            }
        }
    }
    Ok(files)
}

/// One file of the folder at `path` (a `kind` entry), inside the jail rooted at the
/// canonical `root`.
fn read_file(root: &Path, path: &Path, kind: FileType) -> FileText {
    let target = if kind.is_symlink() {
        match path.canonicalize() {
            Ok(t) if t.starts_with(root) => t,
            Ok(_) => return FileText::Refused(Refusal::OutsideFolder),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return FileText::Unreadable("a symbolic link to nothing".into())
            }
            Err(e) => return FileText::Unreadable(e.to_string()),
        }
    } else {
        path.to_path_buf()
    };
    // `target` is canonical or a walked entry: no link left to follow.
    let meta = match std::fs::symlink_metadata(&target) {
        Ok(m) => m,
        Err(e) => return FileText::Unreadable(e.to_string()),
    };
    if !meta.is_file() {
        return FileText::Refused(Refusal::NotRegularFile(what(meta.file_type())));
    }
    if meta.len() > MAX_FILE_BYTES {
        return FileText::TooLarge(meta.len());
    }
    let mut bytes = Vec::new();
    // A regular file's size can lie (procfs says 0) or grow while we read: `take`
    // bounds what is read either way.
    let read = File::open(&target).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    match read {
        Ok(_) => FileText::from_bytes(bytes),
        Err(e) => FileText::Unreadable(e.to_string()),
    }
}

/// What a non-regular file is, for the refusal message.
fn what(kind: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Today's date from the system clock (UTC).
pub fn today() -> crate::core::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::core::Date((secs / 86_400) as i32)
}

/// Reads the data folder `dir` as it was at the git revision `rev` (`roadmap diff
/// --git`): the files under the same path in that commit's tree, read with `git`
/// (`ls-tree`, `cat-file`; no network, no checkout). The same rules as [`read`]: only
/// `.yaml`/`.yml` files, at most [`MAX_FILE_BYTES`] + 1 bytes each, strict UTF-8; a
/// symbolic link in the tree is refused unread (it could lead anywhere once checked
/// out), and so is a submodule. An error when `dir` is not in a git work tree, or
/// `rev` is not a commit or has no such folder.
pub fn read_at_revision(dir: &Path, rev: &str) -> std::io::Result<DataFiles> {
    let fail = |msg: String| std::io::Error::other(msg);
    if rev.starts_with('-') {
        return Err(fail(format!("{rev:?} is not a git revision")));
    }
    let git = |args: &[&str]| -> std::io::Result<Vec<u8>> {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(fail(format!("git {}: {}", args[0], err.trim())));
        }
        Ok(out.stdout)
    };
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).trim().to_string();
    let prefix = text(git(&["rev-parse", "--show-prefix"])?);
    let commit = text(
        git(&[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &format!("{rev}^{{commit}}"),
        ])
        .map_err(|_| fail(format!("{rev:?} is not a commit of this repository")))?,
    );
    let tree = format!("{commit}:{prefix}");
    let listing = git(&["ls-tree", "-r", "-z", "-l", "--full-tree", &tree])
        .map_err(|_| fail(format!("{} does not exist at {rev}", dir.display())))?;
    let mut files = DataFiles::default();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        // `<mode> <type> <object> <size>\t<path>`
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        if !DataFiles::is_yaml(path) {
            continue;
        }
        let fields: Vec<&str> = meta.split_whitespace().collect();
        let [mode, kind, object, size] = fields[..] else {
            continue;
        };
        let file = match crate::git_history::refusal(mode) {
            Some(refused) => refused,
            None if kind != "blob" => continue,
            None => match size.parse::<u64>() {
                Ok(n) if n > MAX_FILE_BYTES => FileText::TooLarge(n),
                _ => FileText::from_bytes(git(&["cat-file", "blob", object])?),
            },
        };
        files.insert(path.to_string(), file);
    }
    Ok(files)
}
