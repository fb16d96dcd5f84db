//! Local preview: YAML files a person drops on the page, combined with the published
//! data so a merge request can be seen before it lands.
//!
//! Rules, in order: a dropped file whose name matches a published file replaces it
//! (edit `tenant-scale.yaml`, drop it, see the result); a dropped `roadmap.yaml`
//! replaces the entry point; any other file goes where the roadmap's `include`
//! patterns would find it. A single dropped file that declares `stages` and matches
//! no published file is a one-file roadmap on its own.

use crate::core::load::{DataFiles, FileText, ROADMAP_FILE};
use crate::core::text::glob;

/// Combines `published` with `dropped` (file name, content read by the same rule as
/// the published files: [`FileText::from_bytes`]). Returns the files to load and a note
/// per dropped file saying where it went.
pub fn assemble(published: &DataFiles, dropped: &[(String, FileText)]) -> (DataFiles, Vec<String>) {
    let base = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
    let matches_published = |name: &str| published.files.keys().any(|p| base(p) == name);
    if let [(name, text @ FileText::Text(t))] = dropped {
        if !matches_published(name) && declares_stages(t) {
            let mut files = DataFiles::default();
            files.insert(ROADMAP_FILE, text.clone());
            return (
                files,
                vec![format!("{name}: a one-file roadmap, shown on its own")],
            );
        }
    }
    let standalone = dropped.iter().any(|(n, _)| n == ROADMAP_FILE);
    let mut files = if standalone {
        DataFiles::default()
    } else {
        published.clone()
    };
    let mut notes = Vec::new();
    // Where includes look, from the roadmap.yaml in effect.
    let entry = dropped
        .iter()
        .find(|(n, _)| n == ROADMAP_FILE)
        .map(|(_, t)| match t {
            FileText::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or_else(|| published.text(ROADMAP_FILE));
    let patterns = entry.map(include_patterns).unwrap_or_default();
    for (name, text) in dropped {
        let path = if name == ROADMAP_FILE {
            ROADMAP_FILE.to_string()
        } else if let Some(p) = published
            .files
            .keys()
            .find(|p| base(p) == *name && !standalone)
        {
            p.clone()
        } else {
            patterns
                .iter()
                .filter_map(|pat| {
                    let dir = pat.rsplit_once('/').map_or("", |(d, _)| d);
                    let candidate = if dir.is_empty() {
                        name.clone()
                    } else {
                        format!("{}/{name}", dir.replace("**/", "").replace("/**", ""))
                    };
                    glob::matches(pat, &candidate).then_some(candidate)
                })
                .next()
                .unwrap_or_else(|| name.clone())
        };
        let replaced = files.files.contains_key(&path);
        notes.push(format!(
            "{name}: {} data/{path}",
            if replaced { "replaces" } else { "added as" }
        ));
        files.insert(path, text.clone());
    }
    (files, notes)
}

fn declares_stages(text: &str) -> bool {
    text.lines().any(|l| l.starts_with("stages:"))
}

/// The `include` entries of a roadmap.yaml, read leniently (the loader reports problems).
fn include_patterns(text: &str) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Includes {
        #[serde(default)]
        include: Vec<String>,
    }
    use crate::core::yaml::de::De;
    use crate::core::yaml::edits::Edits;
    use serde::Deserialize;
    let Ok(doc) = crate::core::yaml::tree::parse(text) else {
        return Vec::new();
    };
    Includes::deserialize(De::new(&doc, &doc.root, &[], &Edits::default()))
        .map(|i| i.include)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(name: &str, text: &str) -> (String, FileText) {
        (name.to_string(), FileText::Text(text.to_string()))
    }

    fn published() -> DataFiles {
        let mut f = DataFiles::default();
        f.insert(
            ROADMAP_FILE,
            FileText::Text("title: T\nstages: []\ninclude: [initiatives/*.yaml]\n".into()),
        );
        f.insert(
            "initiatives/a.yaml",
            FileText::Text("initiatives: []\n".into()),
        );
        f
    }

    #[test]
    fn a_dropped_file_replaces_its_published_namesake() {
        let (files, notes) = assemble(&published(), &[dropped("a.yaml", "initiatives: [x]\n")]);
        assert_eq!(files.text("initiatives/a.yaml"), Some("initiatives: [x]\n"));
        assert_eq!(notes, vec!["a.yaml: replaces data/initiatives/a.yaml"]);
        assert!(files.text(ROADMAP_FILE).is_some());
    }

    #[test]
    fn a_new_file_goes_where_include_finds_it() {
        let (files, notes) = assemble(&published(), &[dropped("b.yaml", "initiatives: []\n")]);
        assert!(files.text("initiatives/b.yaml").is_some());
        assert_eq!(notes, vec!["b.yaml: added as data/initiatives/b.yaml"]);
    }

    #[test]
    fn a_one_file_roadmap_stands_alone() {
        let (files, _) = assemble(
            &published(),
            &[dropped("mine.yaml", "title: M\nstages: []\n")],
        );
        assert_eq!(files.files.len(), 1);
        assert!(files.text(ROADMAP_FILE).unwrap().starts_with("title: M"));
    }

    #[test]
    fn a_dropped_roadmap_yaml_brings_its_own_files() {
        let dropped = vec![
            dropped(
                "roadmap.yaml",
                "title: New\nstages: []\ninclude: [plans/*.yaml]\n",
            ),
            dropped("a.yaml", "initiatives: []\n"),
        ];
        let (files, _) = assemble(&published(), &dropped);
        let paths: Vec<&String> = files.files.keys().collect();
        assert_eq!(paths, vec!["plans/a.yaml", "roadmap.yaml"]);
    }
}
