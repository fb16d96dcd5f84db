//! Fetching the bundled data folder over HTTP (browser only), and the build's
//! baseline folder when it has one.
//!
//! A static host cannot list folders, so the build writes `data/files.txt` (one path
//! per line) and we fetch the files it names. URLs are relative to the page, so the
//! site works under any sub-path. A build with a baseline (`ROADMAP_BASELINE`) says so
//! in a `<meta name="roadmap-baseline">` holding its label, and has `baseline/files.txt`.
//! A build also writes `data/roadmap.pack` (and `baseline/roadmap.pack`), the data
//! loaded and checked at build time: the app starts from it when it can (see
//! [`published`]); YAML files fetched instead are loaded by the YAML worker
//! (`crate::worker`), never on the page. A build with a history (`ROADMAP_HISTORY=1`)
//! names its file in a `<meta name="roadmap-history">` ([`history`]).

use crate::core::load::{DataFiles, FileText, MAX_FILE_BYTES, NOT_UTF8};
use crate::core::tools::pack::{self, Packed, PACK_FILE};
use crate::core::Date;
use gloo::net::http::Request;

/// Fetches every data file. Only a missing manifest is fatal: a file that fails is
/// recorded as unreadable, and the loader reports it.
/// Fetched data, and when it was cached if the service worker had to serve its copy
/// because the network failed.
pub struct Fetched {
    pub files: DataFiles,
    pub offline_since: Option<String>,
}

/// A performance mark (ms since navigation), read by the browser benchmark to split
/// the cold load into its steps: `wasm-main`, `data-fetched`, `data-loaded`,
/// `roadmap-ready`.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

pub async fn data_files(progress: impl Fn(usize, usize)) -> Result<Fetched, String> {
    files_in("data", progress).await
}

/// The published data as the app starts from it.
pub enum Published {
    /// The build's pre-checked pack, when it was cached if the service worker
    /// served it offline, and its bytes (what the reader's last visit stores, #28).
    Packed(Box<Packed>, Option<String>, Vec<u8>),
    Files(Fetched),
}

/// The published data: the build's pack when there is one that holds today (see
/// `core::tools::pack`), else the YAML files. A missing, damaged or outdated pack is not an
/// error: the files it was made from are published beside it.
pub async fn published(progress: impl Fn(usize, usize)) -> Result<Published, String> {
    folder("data", progress).await
}

/// A published folder's pack when it holds today, else its files.
async fn folder(folder: &str, progress: impl Fn(usize, usize)) -> Result<Published, String> {
    let offline = std::cell::RefCell::new(None::<String>);
    if let Ok(Body::Bytes(bytes)) = get(&format!("{folder}/{PACK_FILE}"), &offline).await {
        match pack::read(&bytes) {
            Ok(p) if p.valid_on(today()) => {
                return Ok(Published::Packed(Box::new(p), offline.take(), bytes))
            }
            Ok(_) => {}
            Err(e) => {
                gloo::console::warn!(format!("{folder}/{PACK_FILE}: {e}: reading the YAML files"))
            }
        }
    }
    files_in(folder, progress).await.map(Published::Files)
}

/// The build's baseline, when the build has one: its label, and its pack (written
/// beside `baseline/files.txt` by the build) or, without one, its files.
pub async fn baseline() -> Option<(String, Published)> {
    let label = gloo::utils::document()
        .query_selector("meta[name=\"roadmap-baseline\"]")
        .ok()??
        .get_attribute("content")?;
    match folder("baseline", |_, _| {}).await {
        Ok(published) => Some((label, published)),
        Err(e) => {
            gloo::console::warn!(format!("the baseline could not be loaded: {e}"));
            None
        }
    }
}

/// The build's history of the data (`ROADMAP_HISTORY=1`), when it has one: fetched
/// after the first screen; `None` (after a warning) when it cannot be read.
pub async fn history() -> Option<crate::core::tools::history::History> {
    let url = gloo::utils::document()
        .query_selector("meta[name=\"roadmap-history\"]")
        .ok()??
        .get_attribute("content")?;
    let offline = std::cell::RefCell::new(None);
    let read = match get(&url, &offline).await {
        Ok(Body::Bytes(b)) => crate::core::tools::history::pack::read(&b),
        Ok(Body::TooLarge(n)) => Err(format!("{n} bytes, over the size limit")),
        Err(e) => Err(e),
    };
    read.map_err(|e| gloo::console::warn!(format!("{url}: {e}: no history shown")))
        .ok()
}

/// Fetches `folder/files.txt` and every file it names.
async fn files_in(folder: &str, progress: impl Fn(usize, usize)) -> Result<Fetched, String> {
    let offline = std::cell::RefCell::new(None::<String>);
    let manifest_url = format!("{folder}/files.txt");
    let manifest = get_text(&manifest_url, &offline)
        .await
        .map_err(|e| format!("{manifest_url}: {e}"))?;
    let paths: Vec<String> = manifest
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let total = paths.len();
    let done = std::cell::Cell::new(0);
    progress(0, total);
    let (done, progress, offline) = (&done, &progress, &offline);
    let fetches = paths.iter().map(|p| async move {
        let text = match get(&format!("{folder}/{p}"), offline).await {
            Ok(Body::TooLarge(n)) => FileText::TooLarge(n),
            // The same rule as on disk: size limit, then strict UTF-8.
            Ok(Body::Bytes(b)) => FileText::from_bytes(b),
            Err(e) => FileText::Unreadable(e),
        };
        done.set(done.get() + 1);
        progress(done.get(), total);
        (p.clone(), text)
    });
    let mut files = DataFiles::default();
    for (p, t) in futures::future::join_all(fetches).await {
        files.insert(p, t);
    }
    let offline_since = offline.borrow().clone();
    Ok(Fetched {
        files,
        offline_since,
    })
}

/// A response body, or the size it announced when that is over the limit.
enum Body {
    Bytes(Vec<u8>),
    TooLarge(u64),
}

/// Fetches `url` (the manifest) as text.
async fn get_text(
    url: &str,
    offline: &std::cell::RefCell<Option<String>>,
) -> Result<String, String> {
    match get(url, offline).await? {
        Body::Bytes(b) => String::from_utf8(b).map_err(|_| NOT_UTF8.to_string()),
        Body::TooLarge(n) => Err(format!("{n} bytes, over the size limit")),
    }
}

/// Fetches `url`'s bytes, unless it announces more than the size limit; notes in
/// `offline` when the service worker answered from its cache (the oldest such copy
/// wins).
async fn get(url: &str, offline: &std::cell::RefCell<Option<String>>) -> Result<Body, String> {
    let resp = Request::get(url).send().await.map_err(|e| e.to_string())?;
    if resp.headers().get("x-roadmap-offline").is_some() {
        let at = resp
            .headers()
            .get("x-roadmap-cached-at")
            .unwrap_or_default();
        let mut o = offline.borrow_mut();
        if o.as_ref().is_none_or(|prev| at < *prev) {
            *o = Some(at);
        }
    }
    if !resp.ok() {
        return Err(format!("HTTP {} {}", resp.status(), resp.status_text()));
    }
    let announced = resp
        .headers()
        .get("content-length")
        .and_then(|n| n.trim().parse::<u64>().ok());
    if let Some(n) = announced.filter(|&n| n > MAX_FILE_BYTES) {
        return Ok(Body::TooLarge(n));
    }
    resp.binary()
        .await
        .map(Body::Bytes)
        .map_err(|e| e.to_string())
}

/// Today's date (UTC) from the browser's clock.
pub fn today() -> Date {
    Date((js_sys::Date::now() / 86_400_000.0).floor() as i32)
}
