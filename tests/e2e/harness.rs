//! End-to-end harness: the release site built once per run, served from 127.0.0.1 by
//! a small static file server, and a headless Chromium driven over WebDriver.
//!
//! Tests open a URL, wait for a condition (an element, an attribute), query, click and
//! read the URL. Nothing sleeps a guessed time.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// How long a condition may take before the test fails (generous: CI machines are slow).
pub const WAIT: Duration = Duration::from_secs(30);

/// The built release site (once per test run). `E2E_SITE` points at a prebuilt one.
pub fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        if let Ok(dir) = std::env::var("E2E_SITE") {
            return PathBuf::from(dir);
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dist = root.join("target/e2e-site");
        let out = Command::new("trunk")
            .args(["build", "--release", "--dist"])
            .arg(&dist)
            .current_dir(root)
            .output()
            .expect("trunk must be on PATH: run the README's test command");
        assert!(
            out.status.success(),
            "trunk build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        dist
    })
}

/// What a [`Server`] answers for a path instead of the file on disk: a body, or 404.
pub type Overrides = HashMap<String, Option<Vec<u8>>>;

/// A static file server on a free loopback port, serving `root` under `prefix`.
pub struct Server {
    pub base: String,
}

impl Server {
    /// Serves the built site at `/`.
    pub fn site() -> &'static Server {
        static SERVER: OnceLock<Server> = OnceLock::new();
        SERVER.get_or_init(|| Server::start(site(), "/", Overrides::new()))
    }

    /// Serves `root` under `prefix` (`/` or `/sub/path/`), with `overrides` for some paths
    /// (relative to the prefix, e.g. `data/roadmap.yaml`).
    pub fn start(root: &Path, prefix: &str, overrides: Overrides) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().unwrap();
        let root = root.to_path_buf();
        let prefix = prefix.to_string();
        let overrides = Arc::new(overrides);
        let base = format!("http://{addr}{prefix}");
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, prefix, overrides) = (root.clone(), prefix.clone(), overrides.clone());
                std::thread::spawn(move || {
                    let _ = respond(stream, &root, &prefix, &overrides);
                });
            }
        });
        Server { base }
    }
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "yaml" | "yml" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(
    stream: TcpStream,
    root: &Path,
    prefix: &str,
    overrides: &Overrides,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" {
            break;
        }
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut out = stream;
    let Some(rel) = path
        .strip_prefix(prefix)
        .or_else(|| (path.to_string() + "/" == prefix).then_some(""))
    else {
        return write_response(&mut out, "404 Not Found", "text/plain", b"not found");
    };
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    if rel.split('/').any(|s| s == "..") {
        return write_response(&mut out, "403 Forbidden", "text/plain", b"forbidden");
    }
    let file = root.join(&rel);
    if let Some(o) = overrides.get(&rel) {
        return match o {
            Some(body) => write_response(&mut out, "200 OK", mime(&file), body),
            None => write_response(&mut out, "404 Not Found", "text/plain", b"not found"),
        };
    }
    match std::fs::File::open(&file) {
        Ok(mut f) => {
            let mut body = Vec::new();
            f.read_to_end(&mut body)?;
            write_response(&mut out, "200 OK", mime(&file), &body)
        }
        Err(_) => write_response(&mut out, "404 Not Found", "text/plain", b"not found"),
    }
}

fn write_response(
    out: &mut TcpStream,
    status: &str,
    ctype: &str,
    body: &[u8],
) -> std::io::Result<()> {
    write!(out, "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n", body.len())?;
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
                         "--no-first-run", "--disable-quic", "--window-size=1440,900"],
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("start a Chromium session");
        Browser { client, driver }
    }

    /// Opens `url` and waits until the app root says it is ready (data loaded or error shown).
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
        self.wait_for("[data-ready]").await;
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

    pub async fn url(&self) -> String {
        self.client.current_url().await.expect("url").to_string()
    }

    /// Ends the session (call at the end of each test).
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}
