//! `roadmap history --format human`, and the sentences the viewer's details show for
//! an initiative's history: one line per event ("end 2026-09-30 → 2026-12-31 (+13 w)
//! on 12 Mar 2026 · subject") and the summary ("moved 3 times, +21 w since first
//! planned").

use crate::core::text::date::{Date, Edge, MONTHS};
use crate::core::text::url::is_safe_url;
use crate::core::tools::history::{Event, Field, History, Timeline};
use crate::core::views::describe::shift_label;

/// "12 Mar 2026".
pub fn day(d: Date) -> String {
    let (y, m, dd) = d.ymd();
    format!("{dd} {} {y}", MONTHS[m as usize - 1])
}

/// What `e` changed, without when: "end 2026-09-30 → 2026-12-31 (+13 w)", "removed".
pub fn change(e: &Event) -> String {
    let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "none".into());
    match e.field {
        Field::Removed => "removed from the roadmap".into(),
        Field::Added => "added back".into(),
        f => {
            let shift = match (f, parse(&e.from), parse(&e.to)) {
                (Field::Start | Field::End, Some(a), Some(b)) => {
                    format!(" ({})", shift_label(b.0 - a.0))
                }
                _ => String::new(),
            };
            format!("{f} {} → {}{shift}", value(&e.from), value(&e.to))
        }
    }
}

/// A day as the history writes it (`YYYY-MM-DD`).
fn parse(v: &Option<String>) -> Option<Date> {
    Date::parse(v.as_deref()?, Edge::First).ok()
}

/// One event as a sentence: its change, its day and its commit's subject.
pub fn event_line(h: &History, e: &Event) -> String {
    let c = &h.commits[e.commit];
    format!("{} on {} · {}", change(e), day(c.date), c.subject)
}

/// "moved 3 times, +21 w since first planned", "never moved".
pub fn summary(t: &Timeline) -> String {
    let moved = match t.moves() {
        0 => "never moved".to_string(),
        1 => "moved once".to_string(),
        n => format!("moved {n} times"),
    };
    match t.slip_days() {
        Some(d) if d != 0 => format!("{moved}, {} since first planned", shift_label(d)),
        _ => moved,
    }
}

/// The terminal report: a line per commit that changed the plan (broken ones with
/// their errors), then each initiative that changed, its events and summary.
pub fn human(h: &History, file_prefix: &str) -> String {
    let short = |id: &str| id.chars().take(10).collect::<String>();
    let mut out = format!(
        "{} commits changed the plan ({} broken), {} initiatives\n",
        h.commits.len(),
        h.broken.len(),
        h.initiatives.len()
    );
    if h.shallow {
        if let Some(c) = h.commits.first() {
            out.push_str(&format!(
                "shallow clone: the history starts at {} ({}), which seems to add all it holds\n",
                short(&c.id),
                c.date
            ));
        }
    }
    for (i, diags) in &h.broken {
        let c = &h.commits[*i];
        out.push_str(&format!(
            "\nbroken: {} {} {}: {} errors, not compared\n",
            short(&c.id),
            c.date,
            c.subject,
            diags.len()
        ));
        for d in diags {
            out.push_str(&format!("  {}\n", d.headline(file_prefix)));
        }
    }
    for (id, t) in &h.initiatives {
        if t.events.is_empty() {
            continue;
        }
        let first = &h.commits[t.first_seen];
        out.push_str(&format!(
            "\n{id}: first seen {} {}; {}\n",
            short(&first.id),
            first.date,
            summary(t)
        ));
        for e in &t.events {
            let c = &h.commits[e.commit];
            out.push_str(&format!(
                "  {} {} {}\n",
                c.date,
                short(&c.id),
                event_line(h, e)
            ));
        }
    }
    let still = h
        .initiatives
        .values()
        .filter(|t| t.events.is_empty())
        .count();
    out.push_str(&format!("\n{still} initiatives never changed\n"));
    out
}

/// An initiative's history as its details show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// "moved 3 times, +21 w since first planned".
    pub summary: String,
    /// Newest first: (field word, sentence, commit link).
    pub events: Vec<(&'static str, String, Option<String>)>,
}

/// The history of `id` for its details, with links to the commits when `edit_url`
/// (the roadmap's `edit_url` template) is a GitLab or GitHub one.
pub fn shown(h: &History, id: &str, edit_url: Option<&str>) -> Option<Shown> {
    let t = h.initiatives.get(id)?;
    let events = t
        .events
        .iter()
        .rev()
        .map(|e| {
            let url = edit_url.and_then(|u| commit_url(u, &h.commits[e.commit].id));
            (e.field.as_str(), event_line(h, e), url)
        })
        .collect();
    Some(Shown {
        summary: summary(t),
        events,
    })
}

/// The page of commit `id` on the forge an `edit_url` template points at:
/// `https://gitlab.com/g/p/-/edit/main/data/{path}` gives
/// `https://gitlab.com/g/p/-/commit/<id>`, `https://github.com/o/r/edit/main/{path}`
/// gives `https://github.com/o/r/commit/<id>`; `None` for any other template or an
/// id that is not a hash.
pub fn commit_url(edit_url: &str, id: &str) -> Option<String> {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let url = if let Some((project, _)) = edit_url.split_once("/-/edit/") {
        format!("{project}/-/commit/{id}")
    } else if edit_url.starts_with("https://github.com/") {
        let (repo, _) = edit_url.split_once("/edit/")?;
        format!("{repo}/commit/{id}")
    } else {
        return None;
    };
    is_safe_url(&url).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_links_follow_the_edit_template() {
        let id = "3f2c0a";
        assert_eq!(
            commit_url("https://gitlab.com/g/p/-/edit/main/data/{path}", id).as_deref(),
            Some("https://gitlab.com/g/p/-/commit/3f2c0a")
        );
        assert_eq!(
            commit_url("https://github.com/o/r/edit/main/data/{path}", id).as_deref(),
            Some("https://github.com/o/r/commit/3f2c0a")
        );
        assert_eq!(commit_url("https://example.com/edit/{path}", id), None);
        assert_eq!(
            commit_url("https://gitlab.com/g/p/-/edit/main/{path}", "x\"y"),
            None
        );
    }
}
