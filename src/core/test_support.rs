//! Support for the core's unit tests: the seeded random generator, and roadmaps
//! written compactly (one `roadmap.yaml`, loaded as the viewer loads it).

use crate::core::load::{DataFiles, FileText};
pub(crate) use crate::core::rng::XorShift;
use crate::core::{load, Date, Diagnostic, Roadmap};

/// Loads `yaml` as the only file, `roadmap.yaml`, with today at day 0.
pub(crate) fn load_yaml(yaml: &str) -> (Roadmap, Vec<Diagnostic>) {
    let mut files = DataFiles::default();
    files.insert("roadmap.yaml", FileText::Text(yaml.into()));
    load(&files, Date(0))
}

/// Like [`load_yaml`], for data that must load without a diagnostic.
pub(crate) fn roadmap(yaml: &str) -> Roadmap {
    let (r, d) = load_yaml(yaml);
    assert!(d.is_empty(), "{d:?}");
    r
}

/// A one-file roadmap from its essentials: stage ids, and initiatives as an id plus
/// their other fields. The required fields are filled in unless given: the title is
/// the id in capitals, the stage the first one, the confidence low.
///
/// ```ignore
/// let r = RoadmapBuilder::new(&["s"])
///     .initiative("a", "end: 2026-01-10")
///     .initiative("b", "depends_on: [a]")
///     .build();
/// ```
pub(crate) struct RoadmapBuilder {
    as_of: Option<String>,
    stages: Vec<String>,
    initiatives: Vec<(String, String)>,
}

impl RoadmapBuilder {
    /// A roadmap titled T with these stages (each named by its id in capitals).
    pub(crate) fn new(stages: &[&str]) -> Self {
        RoadmapBuilder {
            as_of: None,
            stages: stages.iter().map(|s| s.to_string()).collect(),
            initiatives: Vec::new(),
        }
    }

    /// Sets `as_of` (a date as the YAML writes it).
    pub(crate) fn as_of(&mut self, date: &str) -> &mut Self {
        self.as_of = Some(date.into());
        self
    }

    /// Adds an initiative: `fields` is the inside of a YAML flow mapping, such as
    /// `"stage: t, start: 2026-Q1, depends_on: [a]"` (may be empty).
    pub(crate) fn initiative(&mut self, id: &str, fields: &str) -> &mut Self {
        self.initiatives.push((id.into(), fields.into()));
        self
    }

    /// The `roadmap.yaml` text.
    pub(crate) fn yaml(&self) -> String {
        let stages: Vec<String> = self
            .stages
            .iter()
            .map(|s| format!("{{id: {s}, name: {}}}", s.to_uppercase()))
            .collect();
        let mut yaml = String::from("title: T\n");
        if let Some(d) = &self.as_of {
            yaml.push_str(&format!("as_of: {d}\n"));
        }
        yaml.push_str(&format!("stages: [{}]\ninitiatives:\n", stages.join(", ")));
        let first_stage = self.stages.first().map_or("", String::as_str);
        for (id, fields) in &self.initiatives {
            let given = |key: &str| {
                fields
                    .split(',')
                    .any(|f| f.trim_start().starts_with(&format!("{key}:")))
            };
            let mut all = vec![format!("id: {id}")];
            for (key, default) in [
                ("title", id.to_uppercase()),
                ("stage", first_stage.to_string()),
                ("confidence", "low".to_string()),
            ] {
                if !given(key) {
                    all.push(format!("{key}: {default}"));
                }
            }
            if !fields.is_empty() {
                all.push(fields.clone());
            }
            yaml.push_str(&format!("  - {{{}}}\n", all.join(", ")));
        }
        yaml
    }

    /// Loads the roadmap (today at day 0), with its diagnostics.
    pub(crate) fn load(&self) -> (Roadmap, Vec<Diagnostic>) {
        load_yaml(&self.yaml())
    }

    /// Loads the roadmap, which must have no diagnostic.
    pub(crate) fn build(&self) -> Roadmap {
        roadmap(&self.yaml())
    }
}

mod tests {
    use super::*;

    #[test]
    fn the_builder_fills_in_the_required_fields() {
        let yaml = RoadmapBuilder::new(&["s", "t"])
            .as_of("2026-01-01")
            .initiative("a", "")
            .initiative("b", "stage: t, depends_on: [a]")
            .yaml();
        assert_eq!(
            yaml,
            "title: T\nas_of: 2026-01-01\nstages: [{id: s, name: S}, {id: t, name: T}]\ninitiatives:
  - {id: a, title: A, stage: s, confidence: low}
  - {id: b, title: B, confidence: low, stage: t, depends_on: [a]}
"
        );
    }
}
