//! End-to-end harness: the release site built once per run, served from 127.0.0.1 by
//! a small static file server, and a headless Chromium driven over WebDriver.
//!
//! Tests open a URL, wait for a condition (an element, an attribute), query, click and
//! read the URL. Nothing sleeps a guessed time.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use roadmap_viewer::core::{load, DataFiles, Date, Roadmap};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long a condition may take before the test fails (generous: CI machines are slow).
pub const WAIT: Duration = Duration::from_secs(30);

/// The built release site (once per test run). `E2E_SITE` points at a prebuilt one.
pub fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| match std::env::var("E2E_SITE") {
        Ok(dir) => PathBuf::from(dir),
        Err(_) => build_site("target/e2e-site", "/"),
    })
}

/// The bundled data folder (`data/`), the files the site serves.
pub fn bundled_files() -> DataFiles {
    roadmap_viewer::data_dir::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap()
}

/// The bundled roadmap (its `as_of` is set, so the day it loads on does not matter).
pub fn bundled() -> Roadmap {
    load(&bundled_files(), Date(0)).0
}

/// Where the sub-path site is served.
pub const SUB_PATH: &str = "/any/sub/path/";

/// The release site built for hosting under [`SUB_PATH`] (once per test run).
pub fn sub_path_site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| build_site("target/e2e-site-sub", SUB_PATH))
}

/// The release site built from another data folder (`ROADMAP_DATA`), e.g. a redacted one.
pub fn build_site_with_data(dist: &str, data: &Path) -> PathBuf {
    build_site_from(dist, "/", Some(data), None, None)
}

/// The release site over `data` with the history of `history`, a data folder in a
/// git work tree (`ROADMAP_HISTORY=<folder>`, #29; redacted when `data` is).
#[allow(
    dead_code,
    reason = "used by the e2e tests, not by benches/browser.rs, which includes this file"
)]
pub fn build_site_with_history(dist: &str, data: &Path, history: &Path) -> PathBuf {
    build_site_from(dist, "/", Some(data), None, Some(history))
}

/// The release site with a baseline beside the bundled data (`ROADMAP_BASELINE`,
/// labelled `ROADMAP_BASELINE_LABEL`).
#[allow(
    dead_code,
    reason = "used by the e2e tests, not by benches/browser.rs, which includes this file"
)]
pub fn build_site_with_baseline(dist: &str, baseline: &Path, label: &str) -> PathBuf {
    build_site_from(dist, "/", None, Some((baseline, label)), None)
}

/// Held while a site builds (one at a time).
static BUILD: Mutex<()> = Mutex::new(());

/// No site builds while the guard lives: for timings that a build starving the
/// machine would distort (`render_cost`). Build what the test needs first.
#[allow(
    dead_code,
    reason = "used by the e2e tests, not by benches/browser.rs, which includes this file"
)]
pub fn no_builds() -> std::sync::MutexGuard<'static, ()> {
    BUILD.lock().unwrap_or_else(|e| e.into_inner())
}

fn build_site(dist: &str, public_url: &str) -> PathBuf {
    build_site_from(dist, public_url, None, None, None)
}

fn build_site_from(
    dist: &str,
    public_url: &str,
    data: Option<&Path>,
    baseline: Option<(&Path, &str)>,
    history: Option<&Path>,
) -> PathBuf {
    // One build at a time: both sites share cargo's target folder.
    let _guard = BUILD.lock().unwrap_or_else(|e| e.into_inner());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dist = root.join(dist);
    let mut cmd = Command::new("trunk");
    cmd.args(["build", "--release", "--public-url", public_url, "--dist"])
        .arg(&dist)
        .current_dir(root);
    match data {
        Some(d) => cmd.env("ROADMAP_DATA", d),
        None => cmd.env_remove("ROADMAP_DATA"),
    };
    match baseline {
        Some((dir, label)) => cmd
            .env("ROADMAP_BASELINE", dir)
            .env("ROADMAP_BASELINE_LABEL", label),
        None => cmd
            .env_remove("ROADMAP_BASELINE")
            .env_remove("ROADMAP_BASELINE_LABEL"),
    };
    match history {
        Some(dir) => cmd.env("ROADMAP_HISTORY", dir),
        None => cmd.env_remove("ROADMAP_HISTORY"),
    };
    let out = cmd
        .output()
        .expect("trunk must be on PATH: run the README's test command");
    assert!(
        out.status.success(),
        "trunk build failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dist
}

/// A copy of `from` in a fresh temporary folder (to stage a new deploy).
pub fn copy_site(from: &Path, name: &str) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let target = to.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                copy(&e.path(), &target);
            } else {
                std::fs::copy(e.path(), target).unwrap();
            }
        }
    }
    let to = std::env::temp_dir().join(format!("roadmap-e2e-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    copy(from, &to);
    to
}

/// What a [`Server`] answers for a path instead of the file on disk: a body, or 404.
pub type Overrides = HashMap<String, Option<Vec<u8>>>;

/// A static file server on a free loopback port, serving a folder under a prefix. The
/// folder can be swapped (a new deploy), the server taken "offline" (connections are
/// dropped unanswered), extra headers added (CSP), and POSTs are recorded (reports).
pub struct Server {
    pub base: String,
    state: Arc<ServerState>,
}

struct ServerState {
    root: Mutex<PathBuf>,
    prefix: String,
    overrides: Overrides,
    headers: Mutex<Vec<(String, String)>>,
    offline: AtomicBool,
    posts: Mutex<Vec<String>>,
}

impl Server {
    /// Serves the built site at `/`.
    pub fn site() -> &'static Server {
        static SERVER: OnceLock<Server> = OnceLock::new();
        SERVER.get_or_init(|| Server::start(site(), "/", Overrides::new()))
    }

    /// Serves `root` under `prefix` (`/` or `/sub/path/`), with `overrides` for some paths
    /// (relative to the prefix, e.g. `data/roadmap.yaml`).
    ///
    /// A site built from other data would carry its own pack (`data/roadmap.pack`, the
    /// pre-checked form): when `overrides` change a data file and not the pack, the
    /// pack is withheld (404), so the viewer reads the files served, as it does on a
    /// site without a pack.
    pub fn start(root: &Path, prefix: &str, mut overrides: Overrides) -> Server {
        const PACK: &str = "data/roadmap.pack";
        if overrides.keys().any(|p| p.starts_with("data/")) && !overrides.contains_key(PACK) {
            overrides.insert(PACK.into(), None);
        }
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(ServerState {
            root: Mutex::new(root.to_path_buf()),
            prefix: prefix.to_string(),
            overrides,
            headers: Mutex::new(Vec::new()),
            offline: AtomicBool::new(false),
            posts: Mutex::new(Vec::new()),
        });
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = shared.clone();
                std::thread::spawn(move || {
                    let _ = respond(stream, &state);
                });
            }
        });
        Server {
            base: format!("http://{addr}{prefix}"),
            state,
        }
    }

    /// Serves another folder from now on (a new deploy).
    pub fn set_root(&self, root: &Path) {
        *self.state.root.lock().unwrap() = root.to_path_buf();
    }

    /// While offline, connections are closed without an answer, as when the network is down.
    pub fn set_offline(&self, offline: bool) {
        self.state.offline.store(offline, Ordering::SeqCst);
    }

    /// Adds a header to every response.
    pub fn add_header(&self, name: &str, value: &str) {
        self.state
            .headers
            .lock()
            .unwrap()
            .push((name.to_string(), value.to_string()));
    }

    /// The paths and bodies of POST requests received so far.
    pub fn posts(&self) -> Vec<String> {
        self.state.posts.lock().unwrap().clone()
    }
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "yaml" | "yml" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(stream: TcpStream, state: &ServerState) -> std::io::Result<()> {
    if state.offline.load(Ordering::SeqCst) {
        return Ok(()); // dropped unanswered
    }
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut content_length = 0usize;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                content_length = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("GET").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let headers = state.headers.lock().unwrap().clone();
    let mut out = stream;
    if method == "POST" {
        let mut body = vec![0u8; content_length.min(1 << 20)];
        reader.read_exact(&mut body)?;
        state
            .posts
            .lock()
            .unwrap()
            .push(format!("{target} {}", String::from_utf8_lossy(&body)));
        return write_response(&mut out, "204 No Content", "text/plain", b"", &headers);
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let prefix = state.prefix.as_str();
    let Some(rel) = path
        .strip_prefix(prefix)
        .or_else(|| (path.to_string() + "/" == prefix).then_some(""))
    else {
        return write_response(
            &mut out,
            "404 Not Found",
            "text/plain",
            b"not found",
            &headers,
        );
    };
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    if rel.split('/').any(|s| s == "..") {
        return write_response(
            &mut out,
            "403 Forbidden",
            "text/plain",
            b"forbidden",
            &headers,
        );
    }
    let file = state.root.lock().unwrap().join(&rel);
    if let Some(o) = state.overrides.get(&rel) {
        return match o {
            Some(body) => write_response(&mut out, "200 OK", mime(&file), body, &headers),
            None => write_response(
                &mut out,
                "404 Not Found",
                "text/plain",
                b"not found",
                &headers,
            ),
        };
    }
    match std::fs::File::open(&file) {
        Ok(mut f) => {
            let mut body = Vec::new();
            f.read_to_end(&mut body)?;
            write_response(&mut out, "200 OK", mime(&file), &body, &headers)
        }
        Err(_) => write_response(
            &mut out,
            "404 Not Found",
            "text/plain",
            b"not found",
            &headers,
        ),
    }
}

fn write_response(
    out: &mut TcpStream,
    status: &str,
    ctype: &str,
    body: &[u8],
    extra: &[(String, String)],
) -> std::io::Result<()> {
    let len = body.len();
    write!(out, "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len}\r\nCache-Control: no-store\r\nConnection: close\r\n")?;
    for (k, v) in extra {
        write!(out, "{k}: {v}\r\n")?;
    }
    write!(out, "\r\n")?;
    out.write_all(body)?;
    out.flush()
}

/// One headless Chromium with its own chromedriver; dropping it stops both.
pub struct Browser {
    pub client: Client,
    driver: Child,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Browser {
    pub async fn new() -> Browser {
        Browser::launch(false, false).await
    }

    /// A browser in the dark colour scheme or the light one.
    pub async fn themed(dark: bool) -> Browser {
        Browser::launch(dark, false).await
    }

    /// A browser that records a performance trace (`devtools.timeline`), read with
    /// [`Browser::trace`].
    #[allow(dead_code, reason = "used by the e2e tests, not by benches/browser.rs")]
    pub async fn traced() -> Browser {
        Browser::launch(false, true).await
    }

    async fn launch(dark: bool, traced: bool) -> Browser {
        let driver_bin =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {driver_bin} ({e}): run the README's test command")
            });
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < WAIT,
                "chromedriver did not listen on port {port}"
            );
            std::thread::yield_now();
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--no-first-run", "--disable-quic", "--window-size=1440,900",
                         format!("--blink-settings=preferredColorScheme={}", if dark { 0 } else { 1 })],
            }),
        );
        if traced {
            caps.insert(
                "goog:loggingPrefs".into(),
                serde_json::json!({ "performance": "ALL" }),
            );
            let options = caps["goog:chromeOptions"].as_object_mut().unwrap();
            options.insert(
                "perfLoggingPrefs".into(),
                serde_json::json!({ "enableNetwork": false, "enablePage": false, "traceCategories": "devtools.timeline" }),
            );
        }
        // Starting Chromium can fail transiently on a loaded machine: try a few times.
        let mut last_error = String::new();
        for _ in 0..3 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => return Browser { client, driver },
                Err(e) => last_error = e.to_string(),
            }
        }
        panic!("could not start a Chromium session: {last_error}");
    }

    /// Opens `url` and waits until the app root says it is ready (data loaded or error shown).
    pub async fn open(&self, url: &str) {
        self.goto(url).await;
        self.wait_for("[data-ready]").await;
    }

    /// Opens `url` without waiting for the app (the page as the build wrote it).
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
    }

    /// Waits until an element matches `css`, and returns it.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element matched {css} within {WAIT:?}: {e}"))
    }

    /// Waits until no element matches `css`.
    #[allow(
        dead_code,
        reason = "used by the baseline tests and benches/browser.rs, not by every includer"
    )]
    pub async fn wait_gone(&self, css: &str) {
        let started = Instant::now();
        while !self.all(css).await.is_empty() {
            assert!(
                started.elapsed() < WAIT,
                "{css} still present after {WAIT:?}"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .expect("query")
    }

    pub async fn attr_all(&self, css: &str, attr: &str) -> Vec<String> {
        let mut out = Vec::new();
        for e in self.all(css).await {
            out.push(
                e.attr(attr)
                    .await
                    .expect("read attribute")
                    .unwrap_or_default(),
            );
        }
        out
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.expect("read text")
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.expect("click");
    }

    /// Picks `file` with *Preview local YAML…* and waits for the local preview.
    #[allow(
        dead_code,
        reason = "used by the e2e tests, not by benches/browser.rs, which includes this file"
    )]
    pub async fn preview_file(&self, file: &Path) {
        self.wait_for("[data-pick-files]")
            .await
            .send_keys(file.to_str().expect("a UTF-8 path"))
            .await
            .expect("pick the file");
        self.wait_for("[data-preview]").await;
    }

    pub async fn url(&self) -> String {
        self.client.current_url().await.expect("url").to_string()
    }

    /// The trace events recorded (a browser from [`Browser::traced`]): chromedriver's
    /// performance log, `Tracing.dataCollected`. chromedriver hands the trace over once,
    /// so call this at the end, and find the part of interest by `console.timeStamp`
    /// marks (`TimeStamp` events).
    #[allow(dead_code, reason = "used by the e2e tests, not by benches/browser.rs")]
    pub async fn trace(&self) -> Vec<serde_json::Value> {
        let log = self
            .client
            // chromedriver's log of one type: the performance log holds the trace.
            .issue_cmd(SessionPost {
                path: "se/log",
                body: serde_json::json!({ "type": "performance" }),
            })
            .await
            .expect("the performance log");
        log.as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| {
                let message: serde_json::Value =
                    serde_json::from_str(entry["message"].as_str()?).ok()?;
                let m = &message["message"];
                (m["method"] == "Tracing.dataCollected").then(|| m["params"].clone())
            })
            .collect()
    }

    /// Runs `script` in the page and returns its result as text (for test hooks only).
    pub async fn eval(&self, script: &str) -> String {
        let v = self
            .client
            .execute(script, vec![])
            .await
            .expect("script runs");
        match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        }
    }

    /// Ends the session (call at the end of each test).
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A POST to one of chromedriver's own endpoints under the session (`se/log`,
/// `goog/cdp/execute`, ...), with a JSON body: the commands WebDriver does not have.
#[derive(Debug)]
pub struct SessionPost {
    pub path: &'static str,
    pub body: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}
