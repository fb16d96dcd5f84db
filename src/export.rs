//! Exports of the current view (browser only): CSV of the visible initiatives, and a
//! self-contained SVG or PNG of the timeline or graph with a title and the filters.
//!
//! The last export is also left on `window.__roadmapLastExport` (`{name, text}`) so
//! end-to-end tests can read what a user would download.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// Offers `content` as a file download.
pub fn download(name: &str, mime: &str, content: &str) {
    remember(name, content);
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    click_link(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn click_link(name: &str, href: &str) {
    let document = gloo::utils::document();
    let Ok(a) = document.create_element("a") else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(href);
    a.set_download(name);
    a.click();
}

fn remember(name: &str, text: &str) {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"name".into(), &name.into());
    let _ = js_sys::Reflect::set(&o, &"text".into(), &text.into());
    let _ = js_sys::Reflect::set(&gloo::utils::window(), &"__roadmapLastExport".into(), &o);
}

/// Style properties copied onto exported elements, so the file needs no stylesheet.
const PROPS: [&str; 12] = [
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "opacity",
    "font-size",
    "font-weight",
    "font-style",
    "font-family",
    "text-anchor",
    "fill-opacity",
    "stroke-opacity",
];

/// A deep copy of `svg` with computed styles inlined and ids kept.
fn inlined(svg: &Element) -> Option<Element> {
    let clone: Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let window = gloo::utils::window();
    let originals = svg.query_selector_all("*").ok()?;
    let copies = clone.query_selector_all("*").ok()?;
    for k in 0..originals.length() {
        let (Some(o), Some(c)) = (originals.get(k), copies.get(k)) else {
            continue;
        };
        let (Ok(o), Ok(c)) = (o.dyn_into::<Element>(), c.dyn_into::<Element>()) else {
            continue;
        };
        let Ok(Some(style)) = window.get_computed_style(&o) else {
            continue;
        };
        let css: String = PROPS
            .iter()
            .filter_map(|p| {
                style
                    .get_property_value(p)
                    .ok()
                    .filter(|v| !v.is_empty())
                    .map(|v| format!("{p}:{v};"))
            })
            .collect();
        // The clone is never in the document: a strict CSP does not apply to it.
        let _ = c.set_attribute("style", &css);
    }
    Some(clone)
}

fn inner_xml(el: &Element) -> String {
    let Ok(ser) = web_sys::XmlSerializer::new() else {
        return String::new();
    };
    let mut out = String::new();
    let children = el.child_nodes();
    for k in 0..children.length() {
        if let Some(n) = children.get(k) {
            out.push_str(&ser.serialize_to_string(&n).unwrap_or_default());
        }
    }
    out
}

fn num(el: &Element, attr: &str) -> f64 {
    el.get_attribute(attr)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

/// `s` with XML's special characters escaped (for markup built as text).
pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An export's heading: the title, the subtitle and the screen's legend under them,
/// and where the drawing starts below it.
fn heading(title: &str, subtitle: &str) -> (String, f64) {
    let document = gloo::utils::document();
    let head = format!(
        "<text x=\"12\" y=\"24\" style=\"font: 700 16px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; fill:#1d1f24\">{}</text>\
         <text x=\"12\" y=\"42\" style=\"font: 12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; fill:#5a5f6b\">{}</text>",
        escape(title),
        escape(subtitle)
    );
    // The legend goes under the title, so the file explains its own marks.
    let (legend, legend_h) = match document.query_selector("[data-legend]") {
        Ok(Some(el)) => {
            let h = num(&el, "height");
            (
                inlined(&el).map_or(String::new(), |c| {
                    format!("<g transform=\"translate(12,52)\">{}</g>", inner_xml(&c))
                }),
                h + 8.0,
            )
        }
        _ => (String::new(), 0.0),
    };
    (format!("{head}{legend}"), 56.0 + legend_h)
}

/// A drawing laid out whole for export (`print_view::ExportSheet`: every initiative of
/// the view, not the screen's window) as one standalone SVG document under its heading.
pub fn sheet_svg(chart: &Element, title: &str, subtitle: &str) -> Option<String> {
    let (head, top) = heading(title, subtitle);
    let (w, h) = (num(chart, "width"), num(chart, "height"));
    let chart = inlined(chart)?;
    let (w, h) = (w.max(num_of_legend()), h + top);
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"system-ui, sans-serif\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{head}<g transform=\"translate(0,{top})\">{}</g></svg>",
        inner_xml(&chart)
    ))
}

/// The screen legend's width (an export is at least as wide).
fn num_of_legend() -> f64 {
    match gloo::utils::document().query_selector("[data-legend]") {
        Ok(Some(el)) => num(&el, "width") + 12.0,
        _ => 0.0,
    }
}

/// The current timeline or graph as one standalone SVG document, or `None` if neither is shown.
pub fn view_svg(title: &str, subtitle: &str) -> Option<String> {
    let document = gloo::utils::document();
    let (head, top) = heading(title, subtitle);
    if let Ok(Some(body)) = document.query_selector(".timeline .tl-body") {
        let axis = document.query_selector(".timeline .tl-axis").ok()??;
        let labels = document.query_selector(".timeline .tl-labels").ok()??;
        let (aw, ah) = (num(&axis, "width"), num(&axis, "height"));
        let (lw, bh) = (num(&labels, "width"), num(&body, "height"));
        let (axis, labels, body) = (inlined(&axis)?, inlined(&labels)?, inlined(&body)?);
        let (w, h) = (lw + aw, top + ah + bh);
        return Some(format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"system-ui, sans-serif\">\
             <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{head}\
             <g transform=\"translate({lw},{top})\">{}</g><g transform=\"translate(0,{})\">{}</g><g transform=\"translate({lw},{})\">{}</g></svg>",
            inner_xml(&axis),
            top + ah,
            inner_xml(&labels),
            top + ah,
            inner_xml(&body)
        ));
    }
    let graph = document.query_selector(".graph .graph-canvas svg").ok()??;
    let group = graph.query_selector("g[transform]").ok()??;
    let bg = group.query_selector(".g-bg").ok()??;
    let (w, h) = (num(&bg, "width"), num(&bg, "height") + top);
    let graph = inlined(&graph)?;
    let group = graph.query_selector("g[transform]").ok()??;
    let _ = group.set_attribute("transform", &format!("translate(0,{top})"));
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"system-ui, sans-serif\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{head}{}</svg>",
        inner_xml(&graph)
    ))
}

/// Renders `svg` to a PNG (through a data: URL, which a strict CSP allows for images)
/// and offers it as a download.
pub fn download_png(name: &str, svg: &str) {
    let document = gloo::utils::document();
    let Ok(img) = document.create_element("img") else {
        return;
    };
    let img: web_sys::HtmlImageElement = img.unchecked_into();
    let encoded = js_sys::encode_uri_component(svg);
    let src = format!("data:image/svg+xml;charset=utf-8,{}", String::from(encoded));
    let name = name.to_string();
    let img2 = img.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Ok(canvas) = gloo::utils::document().create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        // Twice the size, unless a side would pass what a canvas holds (a whole view
        // of 1,000 initiatives is 20,000 px tall): then as large as fits.
        let side = f64::from(img2.natural_width().max(img2.natural_height()).max(1));
        let scale = (32_000.0 / side).min(2.0);
        canvas.set_width((img2.natural_width() as f64 * scale) as u32);
        canvas.set_height((img2.natural_height() as f64 * scale) as u32);
        let Ok(Some(ctx)) = canvas.get_context("2d") else {
            return;
        };
        let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
        let _ = ctx.scale(scale, scale);
        let _ = ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0);
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            remember(&name, &url);
            click_link(&name, &url);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&src);
}
