//! The table in Chromium: slack in weeks with the exact days in its title, finished
//! initiatives last when sorting by slack, every column inside a 1440 px window, and
//! the Title column staying put when the table scrolls sideways.

use crate::framing::resize;
use crate::harness::{bundled, Browser, Server};
use roadmap_viewer::core::analysis::{analyse, Question};
use roadmap_viewer::core::model::Status;
use roadmap_viewer::core::views::describe::slack_cell;

#[tokio::test]
async fn slack_reads_in_weeks_with_the_exact_days_in_its_title() {
    let r = bundled();
    let a = analyse(&r, &Question::default(), r.as_of.unwrap());
    let b = Browser::new().await;
    b.open(&format!("{}?view=table", Server::site().base)).await;
    b.wait_for("[data-ready=\"true\"] [data-row]").await;
    let cells: Vec<(String, String, Option<String>)> = serde_json::from_str(
        &b.eval(
            "return JSON.stringify([...document.querySelectorAll('[data-row]')].map(tr => { \
               const td = tr.querySelector('td:last-child'); \
               return [tr.getAttribute('data-row'), td.textContent, td.getAttribute('title')]; }));",
        )
        .await,
    )
    .unwrap();
    assert_eq!(cells.len(), r.initiatives.len());
    let mut weeks = 0;
    for (id, text, title) in cells {
        let i = r.find(&id).unwrap();
        let slack = a.times(&r)[i].as_ref().map(|t| t.slack);
        match slack {
            Some(d) => {
                // Finished work reads "—" (slack no longer applies).
                let (short, long) = slack_cell(r.initiatives[i].status, d);
                assert_eq!(
                    (text.as_str(), title.as_deref()),
                    (short.as_str(), Some(long.as_str())),
                    "{id}"
                );
                weeks += usize::from(text.ends_with(" w"));
            }
            None => assert_eq!((text.as_str(), title), ("", None), "{id}"),
        }
    }
    assert!(weeks > 20, "most slack reads in weeks ({weeks})");
    b.close().await;
}

/// Regression (#15): `sort=-slack` put a cancelled initiative first.
#[tokio::test]
async fn sorting_by_slack_puts_done_and_cancelled_initiatives_last_both_ways() {
    let r = bundled();
    let finished = |id: &str| {
        matches!(
            r.initiatives[r.find(id).unwrap()].status,
            Status::Done | Status::Cancelled
        )
    };
    assert!(
        r.initiatives.iter().any(|i| i.status == Status::Cancelled),
        "the bundled data has a cancelled initiative"
    );
    let b = Browser::new().await;
    for sort in ["slack", "-slack"] {
        b.open(&format!("{}?view=table&sort={sort}", Server::site().base))
            .await;
        b.wait_for("[data-ready=\"true\"] [data-row]").await;
        let ids = b.attr_all("[data-row]", "data-row").await;
        let first_finished = ids.iter().position(|id| finished(id)).unwrap();
        assert!(
            ids[first_finished..].iter().all(|id| finished(id)),
            "{sort}: {ids:?}"
        );
        assert!(first_finished > 0 && !finished(&ids[0]), "{sort}");
    }
    b.close().await;
}

/// Every header's right edge, less the table's visible right edge (> 0: off-screen),
/// and how far the table scrolls sideways.
const OVERFLOW: &str = r#"
const box = document.querySelector('.table-scroll');
const right = box.getBoundingClientRect().left + box.clientWidth;
return JSON.stringify({
  over: [...document.querySelectorAll('.table-view thead th')].map(th => [th.textContent, th.getBoundingClientRect().right - right]),
  scroll: box.scrollWidth - box.clientWidth,
});
"#;

#[derive(serde::Deserialize, Debug)]
struct Overflow {
    over: Vec<(String, f64)>,
    scroll: f64,
}

#[tokio::test]
async fn every_column_fits_at_1440_and_the_title_column_stays_when_scrolling_sideways() {
    for dark in [false, true] {
        let b = Browser::themed(dark).await;
        resize(&b, 1440, 900).await;
        b.open(&format!("{}?view=table", Server::site().base)).await;
        b.wait_for("[data-ready=\"true\"] [data-row]").await;
        let o: Overflow = serde_json::from_str(&b.eval(OVERFLOW).await).unwrap();
        assert_eq!(o.over.len(), 12);
        for (name, over) in &o.over {
            assert!(*over <= 0.5, "{name} ends {over} px past the table's edge");
        }
        assert!(
            o.scroll <= 0.5,
            "the table scrolls sideways by {}",
            o.scroll
        );

        // Narrower: the table scrolls sideways, the Title column stays at the left.
        resize(&b, 900, 800).await;
        let o: Overflow = serde_json::from_str(&b.eval(OVERFLOW).await).unwrap();
        assert!(
            o.scroll > 100.0,
            "at 900 px the table scrolls ({})",
            o.scroll
        );
        let at: Vec<f64> = serde_json::from_str(
            &b.eval(
                "const box = document.querySelector('.table-scroll'); box.scrollLeft = 200; \
                 const left = box.getBoundingClientRect().left + box.clientLeft; \
                 const th = document.querySelector('tbody [data-row] th'); \
                 const head = document.querySelector('thead th'); \
                 const covered = document.elementFromPoint(th.getBoundingClientRect().left + 20, th.getBoundingClientRect().top + 10); \
                 return JSON.stringify([box.scrollLeft, th.getBoundingClientRect().left - left, \
                   head.getBoundingClientRect().left - left, th.contains(covered) ? 1 : 0]);",
            )
            .await,
        )
        .unwrap();
        assert!(at[0] > 100.0, "scrolled sideways: {at:?}");
        assert!(
            at[1].abs() <= 1.0,
            "the Title cell stays at the left: {at:?}"
        );
        assert!(at[2].abs() <= 1.0, "so does its header: {at:?}");
        assert_eq!(at[3], 1.0, "nothing is drawn over the Title cell: {at:?}");
        // Opaque, in both themes: other cells scroll under it unseen.
        let bg = b
            .eval("return getComputedStyle(document.querySelector('tbody [data-row] th')).backgroundColor")
            .await;
        assert!(
            bg.starts_with("rgb(") && !bg.contains("rgba"),
            "{}: {bg}",
            if dark { "dark" } else { "light" }
        );
        b.close().await;
    }
}
