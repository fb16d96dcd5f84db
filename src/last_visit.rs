//! The reader's last visit on their own device (#28): the core's record
//! (`core::views::last_visit::Visits`: the roadmap last seen and the different one
//! before it, as pack bytes with the day each was first seen) kept in Cache Storage,
//! one entry per site, never sent anywhere.
//!
//! The cache's name does not start with `roadmap-`: the service worker deletes its
//! older builds' caches by that prefix, and this one is the reader's, not a build's.
//! Storage that is unavailable (no `caches` on an insecure origin, private mode, a
//! full quota) or a damaged record means no last visit: no notice and no error.

use crate::core::tools::pack;
use crate::core::views::compare::Comparison;
use crate::core::views::last_visit::{Visits, LABEL};
use crate::core::Date;
use crate::state::{Baseline, LastVisit, Loaded, Remembered};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The reader's cache (see the module's doc for the name).
const CACHE: &str = "reader-last-visit";
/// The entry, relative to the page's base: each site (sub-path) has its own.
const ENTRY: &str = "last-visit.record";

/// The cache and the entry's URL, when the browser gives this page Cache Storage.
async fn open() -> Option<(web_sys::Cache, String)> {
    let window = web_sys::window()?;
    // `caches` is undefined on an insecure origin, and may throw in an opaque one.
    let caches = js_sys::Reflect::get(&window, &"caches".into()).ok()?;
    if caches.is_undefined() || caches.is_null() {
        return None;
    }
    let caches: web_sys::CacheStorage = caches.dyn_into().ok()?;
    let cache = JsFuture::from(caches.open(CACHE)).await.ok()?;
    let base = gloo::utils::document().base_uri().ok()??;
    let url = web_sys::Url::new_with_base(ENTRY, &base).ok()?.href();
    Some((cache.dyn_into().ok()?, url))
}

/// The stored record's bytes, if there is one.
async fn read(cache: &web_sys::Cache, url: &str) -> Option<Vec<u8>> {
    let hit = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let response: web_sys::Response = hit.dyn_into().ok()?;
    let body = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&body).to_vec())
}

async fn write(cache: &web_sys::Cache, url: &str, visits: &Visits) {
    let bytes = js_sys::Uint8Array::from(visits.write().as_slice());
    let stored = match web_sys::Response::new_with_opt_buffer_source(Some(&bytes)) {
        Ok(response) => JsFuture::from(cache.put_with_str(url, &response))
            .await
            .map(drop),
        Err(e) => Err(e),
    };
    if let Err(e) = stored {
        gloo::console::warn!(format!("the last visit could not be stored: {e:?}"));
    }
}

/// The stored record, or an empty one (none yet, or damaged: it is then replaced).
async fn stored(cache: &web_sys::Cache, url: &str) -> Visits {
    match read(cache, url).await.map(|b| Visits::read(&b)) {
        Some(Ok(v)) => v,
        Some(Err(e)) => {
            gloo::console::warn!(format!("the stored last visit is ignored: {e}"));
            Visits::default()
        }
        None => Visits::default(),
    }
}

/// The published roadmap `current` (read from `pack`) has been on screen on `today`:
/// remembers it, and gives the reader's last visit compared with it.
pub async fn remember(pack: Vec<u8>, current: Rc<Loaded>, today: Date) -> Remembered {
    let Some((cache, url)) = open().await else {
        return Remembered::Nothing;
    };
    let mut visits = stored(&cache, &url).await;
    if let Some(next) = visits.seen(&pack, today) {
        write(&cache, &url, &next).await;
        visits = next;
    }
    drop(pack);
    let Some(before) = &visits.before else {
        return Remembered::Nothing;
    };
    let base = match pack::read(&before.pack) {
        Ok(p) => Loaded::from_pack(p),
        // An older viewer's pack, or damage: forgotten, never shown.
        Err(e) => {
            gloo::console::warn!(format!("the last visit is ignored: {e}"));
            write(&cache, &url, &visits.mark_seen()).await;
            return Remembered::Nothing;
        }
    };
    let reference = current.roadmap.reference_date(today);
    let counts = Comparison::new(
        (&base.roadmap, &base.diagnostics),
        (&current.roadmap, &current.diagnostics),
        reference,
    )
    .counts();
    Remembered::Visit(Rc::new(LastVisit {
        baseline: Rc::new(Baseline {
            label: LABEL.into(),
            data: Rc::new(base),
        }),
        first_seen: before.first_seen,
        counts,
    }))
}

/// *Mark as seen*: the current roadmap becomes the only one remembered.
pub async fn mark_seen() {
    if let Some((cache, url)) = open().await {
        let visits = stored(&cache, &url).await;
        write(&cache, &url, &visits.mark_seen()).await;
    }
}
