//! The viewer's handle on its YAML worker (browser only, #26).
//!
//! The published viewer reads packs only; when it must turn YAML into a roadmap (a
//! local preview, the fallback when the pack cannot be used, a baseline without one)
//! it starts `yaml-worker` (`src/bin/yaml_worker.rs`, the site's second wasm module) on
//! first need and keeps it for the page's life. Requests and answers are bytes
//! (`core::tools::pack::job`); the worker answers in order, so each reply goes to the
//! oldest request waiting. The worker says `ready` when it listens: requests made before
//! wait in a queue here. A worker that fails to start fails every request waiting, and
//! the next request starts a new one (for example once the network is back).

use crate::core::load::{DataFiles, FileText};
use crate::core::tools::pack::job::{read_answer, Answer, Job};
use futures::channel::oneshot;
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's script: Trunk's loader shim for `yaml-worker` (`data-loader-shim`),
/// relative to the page's base, so sub-path hosting works.
const SCRIPT: &str = "yaml-worker_loader.js";

type Reply = Result<Vec<u8>, String>;

struct Handle {
    worker: web_sys::Worker,
    ready: bool,
    queue: Vec<Vec<u8>>,
    waiting: VecDeque<oneshot::Sender<Reply>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static WORKER: RefCell<Option<Handle>> = const { RefCell::new(None) };
}

/// Loads `published` (with `dropped` previewed over it, when any) in the worker.
pub async fn run(published: DataFiles, dropped: Vec<(String, FileText)>) -> Result<Answer, String> {
    let job = Job {
        today: crate::fetch::today(),
        published,
        dropped,
    };
    let request = job.write();
    let (tx, rx) = oneshot::channel();
    WORKER.with(|w| -> Result<(), String> {
        let mut w = w.borrow_mut();
        if w.is_none() {
            *w = Some(start()?);
        }
        let h = w.as_mut().expect("started");
        h.waiting.push_back(tx);
        if h.ready {
            post(&h.worker, &request);
        } else {
            h.queue.push(request);
        }
        Ok(())
    })?;
    let reply = rx
        .await
        .map_err(|_| "the YAML worker stopped".to_string())??;
    read_answer(&reply)
}

fn start() -> Result<Handle, String> {
    crate::fetch::mark("yaml-worker-start");
    let worker = web_sys::Worker::new(SCRIPT).map_err(|e| format!("the YAML worker: {e:?}"))?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
            let data = e.data();
            WORKER.with(|w| {
                let mut w = w.borrow_mut();
                let Some(h) = w.as_mut() else { return };
                if data.as_string().as_deref() == Some("ready") {
                    h.ready = true;
                    for request in std::mem::take(&mut h.queue) {
                        post(&h.worker, &request);
                    }
                } else if let Some(tx) = h.waiting.pop_front() {
                    let _ = tx.send(Ok(js_sys::Uint8Array::new(&data).to_vec()));
                }
            });
        });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default();
        let why = e
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| format!("{SCRIPT} could not be started"));
        // Fails everything waiting; the next request starts a new worker.
        if let Some(mut h) = WORKER.with(|w| w.borrow_mut().take()) {
            h.worker.terminate();
            for tx in h.waiting.drain(..) {
                let _ = tx.send(Err(format!("the YAML worker failed: {why}")));
            }
            // Not dropped here: this closure is one of the handle's.
            wasm_bindgen_futures::spawn_local(async move { drop(h) });
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Handle {
        worker,
        ready: false,
        queue: Vec::new(),
        waiting: VecDeque::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn post(worker: &web_sys::Worker, request: &[u8]) {
    let bytes = js_sys::Uint8Array::from(request);
    let transfer = js_sys::Array::of1(&bytes.buffer());
    let _ = worker.post_message_with_transfer(&bytes, &transfer);
}
