//! The filters in words, for a printed page's head and an export's title.

use crate::core::model::Roadmap;
use crate::core::views::filter::{Filter, HorizonFilter, Param};

/// The filters in words, for a printed page's head ("Stage: Tenant Scale ·
/// confidence: high"): names, not ids; "All initiatives" without a filter.
pub fn filters_in_words(roadmap: &Roadmap, filter: &Filter) -> String {
    let mut parts: Vec<String> = Vec::new();
    for p in Param::ALL {
        let values = filter.values(p);
        if values.is_empty() {
            continue;
        }
        let words: Vec<String> = values
            .iter()
            .map(|v| match p {
                Param::Stage => roadmap
                    .stages
                    .iter()
                    .find(|s| s.id == *v)
                    .map_or(v.clone(), |s| s.name.clone()),
                Param::Team => roadmap
                    .teams
                    .iter()
                    .find(|t| t.id == *v)
                    .map_or(v.clone(), |t| t.name.clone()),
                Param::Horizon => match HorizonFilter::parse(v) {
                    Some(HorizonFilter::Unscheduled) => "undated".to_string(),
                    _ => format!("{v} term"),
                },
                _ => v.clone(),
            })
            .collect();
        parts.push(format!(
            "{}: {}",
            p.label().to_lowercase(),
            words.join(" or ")
        ));
    }
    if !filter.q.trim().is_empty() {
        parts.push(format!("search: “{}”", filter.q.trim()));
    }
    if let Some((from, to)) = &filter.between {
        let name = |id: &String| {
            roadmap
                .stages
                .iter()
                .find(|s| s.id == *id)
                .map_or(id.clone(), |s| s.name.clone())
        };
        parts.push(format!("dependencies: {} → {}", name(from), name(to)));
    }
    if parts.is_empty() {
        return "All initiatives".to_string();
    }
    let text = parts.join(" · ");
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_read_as_words() {
        let r = crate::core::test_support::roadmap(
            "title: T\nstages: [{id: tenant-scale, name: Tenant Scale, teams: [{id: cells, name: Cells}]}]\ninitiatives: []\n",
        );
        assert_eq!(filters_in_words(&r, &Filter::default()), "All initiatives");
        let f = Filter {
            stages: ["tenant-scale".to_string()].into(),
            confidence: [crate::core::model::Confidence::High].into(),
            ..Filter::default()
        };
        assert_eq!(
            filters_in_words(&r, &f),
            "Stage: Tenant Scale · confidence: high"
        );
        let f = Filter {
            teams: ["cells".to_string()].into(),
            horizon: [HorizonFilter::Unscheduled].into(),
            q: " raft ".into(),
            ..Filter::default()
        };
        assert_eq!(
            filters_in_words(&r, &f),
            "Team: Cells · horizon: undated · search: “raft”"
        );
    }
}
