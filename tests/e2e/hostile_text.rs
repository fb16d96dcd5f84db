//! Hostile text in every field a data file can hold: nothing from it reaches the DOM
//! as markup, no script runs, no unsafe URL becomes a link, and a 10,000-character
//! title neither widens the page nor the details panel.

use crate::harness::{bundled_files, site, Browser, Overrides, Server};
use roadmap_viewer::core::{load, Date, FileText};

/// Every payload sets `window.__pwned` if it ever runs.
const PWN: &str = "window.__pwned=1";

fn hostile_file() -> String {
    let long_title = "Very long title ".repeat(625); // 10,000 characters
    format!(
        r#"defaults: {{ stage: dedicated }}
initiatives:
  - id: xss-title
    title: "<script>{PWN}</script><img src=x onerror={PWN}>"
    team: environment-automation
    confidence: high
    start: 2027-01
    end: 2027-06
    owner: "<svg onload={PWN}><a href=javascript:{PWN}>owner</a></svg>"
    tags: ["<b onmouseover={PWN}>tag</b>"]
    links:
      - {{ title: "<img src=x onerror={PWN}>", url: "javascript:{PWN}" }}
      - {{ title: data, url: "data:text/html,<script>{PWN}</script>" }}
      - {{ title: vb, url: "vbscript:msgbox(1)" }}
      - {{ title: "ok link", url: "https://example.com/ok" }}
    description: |
      <script>{PWN}</script>

      <img src=x onerror="{PWN}">

      [md link](javascript:{PWN}) and [data](data:text/html;base64,PHNjcmlwdD4=)
      ![md image](javascript:{PWN}) ![svg](data:image/svg+xml,<svg onload={PWN}>)
      [vb](vbscript:msgbox) <a href="javascript:{PWN}">raw a</a>

      <style>body {{ display: none }}</style><iframe src="javascript:{PWN}"></iframe>

      [fine](https://example.com/fine) and ![picture](https://example.com/p.png)
  - id: xss-rtl
    title: "Right-to-left \u202E override gnp.exe"
    team: environment-automation
    confidence: medium
    start: 2027-02
    end: 2027-05
  - id: xss-long
    title: "{long_title}"
    team: environment-automation
    confidence: low
    start: 2027-03
    end: 2027-04
    description: "{long_title}"
"#
    )
}

#[tokio::test]
async fn hostile_text_stays_text_everywhere() {
    let file = hostile_file();
    let mut local = bundled_files();
    local.insert("initiatives/dedicated.yaml", FileText::Text(file.clone()));
    let (r, _) = load(&local, Date(0));
    for id in ["xss-title", "xss-rtl", "xss-long"] {
        assert!(r.find(id).is_some(), "{id} loads");
    }

    let mut overrides = Overrides::new();
    overrides.insert(
        "data/initiatives/dedicated.yaml".into(),
        Some(file.into_bytes()),
    );
    let server = Server::start(site(), "/", overrides);
    let b = Browser::new().await;
    // What could turn text into markup or a link, anywhere in the document.
    let audit = r#"
        const bad = [];
        for (const e of document.querySelectorAll('*')) {
            for (const a of e.attributes) {
                if (a.name.startsWith('on')) bad.push(e.tagName + '[' + a.name + ']');
                if (/^\s*(javascript|data|vbscript):/i.test(a.value) && ['href','src','xlink:href','action','formaction'].includes(a.name))
                    bad.push(e.tagName + '[' + a.name + '=' + a.value.slice(0, 30) + ']');
            }
        }
        for (const sel of ['iframe', 'object', 'embed', '.description img', '.description svg', '.description style', 'body script:not([src])'])
            for (const e of document.querySelectorAll(sel)) if (!e.closest('head')) bad.push(sel);
        if (window.__pwned) bad.push('a payload ran');
        return JSON.stringify(bad);
    "#;
    for view in ["", "&view=graph", "&view=table"] {
        b.open(&format!("{}?select=xss-title{view}", server.base))
            .await;
        b.wait_for("[data-detail=\"xss-title\"]").await;
        b.wait_for(
            "[data-initiative=\"xss-title\"], [data-node=\"xss-title\"], [data-row=\"xss-title\"]",
        )
        .await;
        assert_eq!(b.eval(audit).await, "[]", "view {view:?}");
    }
    // The titles are shown as text, exactly as written.
    let heading = b.text("[data-detail=\"xss-title\"] h2").await;
    assert_eq!(
        heading,
        format!("<script>{PWN}</script><img src=x onerror={PWN}>")
    );
    // Only the https links survive, in the description (an image becomes a link to it)
    // and in the links list.
    let hrefs = b.eval(
        "return JSON.stringify([...document.querySelectorAll('[data-detail] a[href]:not(.edit)')].map(a => a.getAttribute('href')).filter(h => !h.startsWith('?')))",
    ).await;
    assert_eq!(
        hrefs,
        r#"["https://example.com/fine","https://example.com/p.png","https://example.com/ok"]"#
    );

    // A 10,000-character title: the page does not grow sideways, the details panel
    // stays inside the window, and the bar's full title is its tooltip.
    b.open(&format!("{}?select=xss-long", server.base)).await;
    b.wait_for("[data-detail=\"xss-long\"]").await;
    b.wait_for("[data-initiative=\"xss-long\"]").await;
    let widths = b
        .eval(
            "const p = document.querySelector('[data-detail]').getBoundingClientRect(); \
             return JSON.stringify([document.documentElement.scrollWidth, window.innerWidth, Math.round(p.right)])",
        )
        .await;
    let w: Vec<i64> = serde_json::from_str(&widths).unwrap();
    assert!(w[0] <= w[1], "the page scrolls sideways: {widths}");
    assert!(
        w[2] <= w[1],
        "the details panel leaves the window: {widths}"
    );
    b.eval("document.querySelector('[data-initiative=\"xss-long\"]').focus(); return 'ok'")
        .await;
    let tooltip = b.text("[data-tooltip=\"xss-long\"] .tip-title").await;
    assert!(
        tooltip.starts_with("Very long title Very long title"),
        "{tooltip}"
    );
    assert_eq!(b.eval("return String(window.__pwned)").await, "undefined");
    b.close().await;
}
