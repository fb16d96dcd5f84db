//! Seeded mutations of a data folder, shared by the loader's fuzz test
//! (`tests/integration/fuzz.rs`) and the browser's (`tests/e2e/degrade.rs`): the same
//! seed gives the same broken folder in both.

use roadmap_viewer::core::rng::XorShift;
use roadmap_viewer::core::{DataFiles, FileText};

/// Lines to insert: YAML features and hostile values.
const LINES: &[&str] = &[
    "---",
    "...",
    "  - id: fuzz-new\n    title: New\n    stage: tenant-scale\n    confidence: high",
    "defaults: &base\n  stage: dedicated",
    "<<: *base",
    "  <<: *nowhere",
    "x: !!binary aGVsbG8=",
    "title: !custom tag",
    "key: [unclosed",
    "key: {a: 1, a: 2}",
    "\t- tab: indented",
    "%YAML 1.2",
    "? complex key\n: value",
    "id: <script>alert(1)</script>",
    "title: \"\\u202Eevil\"",
    "depends_on: [a, a, a]",
];

/// Values to put where a value was.
const VALUES: &[&str] = &[
    "[x, y]",
    "{a: 1}",
    "~",
    "null",
    "123",
    "-1.5e300",
    "true",
    "\"\"",
    "''",
    "2026-13-40",
    "yyyy-mm-dd",
    "2026-02-30",
    "0000-00-00",
    "99999-01",
    "2026-Q9",
    "2026-H3",
    "2026-01-01T00:00:00Z",
    "imlpemented",
    "javascript:alert(1)",
    "&anchor value",
    "*undefined",
    "!!str 5",
    "|\n  block",
    ">-\n  folded",
];

/// The bundled data with one or more mutations of one file; also says what was done.
pub fn mutate(base: &DataFiles, seed: u64) -> (DataFiles, String) {
    let mut rng = XorShift::new(seed.max(1));
    let paths: Vec<&String> = base.files.keys().collect();
    let path = paths[rng.below(paths.len() as u64) as usize].clone();
    let mut bytes = base.text(&path).unwrap_or("").as_bytes().to_vec();
    let ids: Vec<String> = String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- id: ").map(str::to_string))
        .collect();
    let mut done = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let kind = rng.below(16);
        done.push(kind);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let at = rng.below(lines.len() as u64) as usize;
        let value_of = |line: &str| line.find(": ").map(|k| k + 2);
        match kind {
            0 => {
                // Byte flips, anywhere (may leave invalid UTF-8).
                for _ in 0..1 + rng.below(4) {
                    if !bytes.is_empty() {
                        let i = rng.below(bytes.len() as u64) as usize;
                        bytes[i] = rng.below(256) as u8;
                    }
                }
                continue;
            }
            1 => {
                let line = if rng.below(2) == 0 {
                    LINES[rng.below(LINES.len() as u64) as usize].to_string()
                } else {
                    lines[rng.below(lines.len() as u64) as usize].clone()
                };
                lines.insert(at, line);
            }
            2 => {
                lines.remove(at);
            }
            3 => {
                let n = 1 + rng.below(4) as usize;
                if rng.below(2) == 0 {
                    lines[at] = format!("{}{}", " ".repeat(n), lines[at]);
                } else {
                    let trim = lines[at].len() - lines[at].trim_start().len();
                    lines[at] = lines[at][trim.min(n)..].to_string();
                }
            }
            4 | 5 | 6 | 14 => {
                let v = match kind {
                    4 | 14 => VALUES[rng.below(VALUES.len() as u64) as usize].to_string(),
                    5 => "x".repeat(10_000 + rng.below(200_000) as usize),
                    _ => String::new(),
                };
                // A line with a value, searching forward from `at`.
                if let Some(k) = (0..lines.len())
                    .map(|k| (at + k) % lines.len())
                    .find(|&k| value_of(&lines[k]).is_some())
                {
                    let start = value_of(&lines[k]).unwrap();
                    lines[k] = format!("{}{v}", &lines[k][..start]);
                }
            }
            7 => {
                let mut b = lines.join("\n").into_bytes();
                let i = rng.below(b.len() as u64 + 1) as usize;
                b.splice(i..i, [0xFF, 0xC3, 0x28]);
                bytes = b;
                continue;
            }
            8 => {
                let joined = lines.join("\n");
                let joined = match rng.below(3) {
                    0 => format!("\u{FEFF}{joined}"),
                    1 => joined.replace('\n', "\r\n"),
                    _ => joined.replace('\n', "\r"),
                };
                bytes = joined.into_bytes();
                continue;
            }
            9 => {
                if let Some(start) = value_of(&lines[at]) {
                    let tag = ["!!binary ", "!custom ", "!!map ", "!!int "][rng.below(4) as usize];
                    lines[at].insert_str(start, tag);
                }
            }
            10 => {
                if let Some(start) = value_of(&lines[at]) {
                    lines[at].insert_str(start, "&fuzz ");
                    let to = rng.below(lines.len() as u64) as usize;
                    let indent = lines[to].len() - lines[to].trim_start().len();
                    lines.insert(to, format!("{}<<: *fuzz", " ".repeat(indent)));
                }
            }
            11 => lines.insert(at, "---".to_string()),
            12 => {
                let cut = rng.below(bytes.len() as u64 + 1) as usize;
                bytes.truncate(cut);
                continue;
            }
            13 => {
                if !ids.is_empty() {
                    let picks: Vec<&str> = (0..1 + rng.below(4))
                        .map(|_| ids[rng.below(ids.len() as u64) as usize].as_str())
                        .collect();
                    let indent = lines[at].len() - lines[at].trim_start().len();
                    lines.insert(
                        at,
                        format!("{}depends_on: [{}]", " ".repeat(indent), picks.join(", ")),
                    );
                }
            }
            _ => {
                let c =
                    ['\u{85}', '\u{2028}', '\u{2029}', '\u{0}', '\u{202E}'][rng.below(5) as usize];
                let line = &mut lines[at];
                let mut i = rng.below(line.len() as u64 + 1) as usize;
                while !line.is_char_boundary(i) {
                    i -= 1;
                }
                line.insert(i, c);
            }
        }
        bytes = lines.join("\n").into_bytes();
    }
    let mut files = base.clone();
    // Shapes that cost more than linear time if a check is careless (see the hostile
    // data folders issue): dependency cycles through every initiative of the file (one
    // long ring, or every pair: dense), and include patterns full of `**`.
    if rng.below(8) == 0 && !ids.is_empty() {
        let dense = rng.below(2) == 0;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let mut out = String::new();
        let mut k = 0;
        for line in text.split('\n') {
            out.push_str(line);
            out.push('\n');
            if line.trim().starts_with("- id: ") {
                let indent = line.len() - line.trim_start().len() + 2;
                let deps = if dense {
                    ids.join(", ")
                } else {
                    ids[(k + 1) % ids.len()].clone()
                };
                out.push_str(&format!("{}depends_on: [{deps}]\n", " ".repeat(indent)));
                k += 1;
            }
        }
        bytes = out.into_bytes();
        done.push(if dense { 101 } else { 100 });
    }
    if rng.below(8) == 0 {
        let stars = 8 + rng.below(12) as usize;
        let pattern = format!("{}*.yaml", "**/".repeat(stars));
        if let Some(FileText::Text(r)) = files.files.get_mut("roadmap.yaml") {
            *r = r.replace("  - initiatives/*.yaml", &format!("  - \"{pattern}\""));
        }
        done.push(102);
    }
    // Files reach the loader as the CLI and the browser hand them over.
    let text = match String::from_utf8(bytes) {
        Ok(t) => FileText::Text(t),
        Err(_) => FileText::Unreadable("not UTF-8 text".into()),
    };
    files.insert(path.clone(), text);
    (files, format!("{path}: mutations {done:?}"))
}
