//! Warnings between an initiative and each of its dependencies: schedule conflicts,
//! confidence inversions, done work waiting on unfinished work.

use crate::core::model::{Confidence, Initiative, Roadmap, Status};
use crate::core::text::diagnostic::{excerpt, Code, Diagnostic, Pos};

/// Warnings about initiative `i` against each of its dependencies, at the dependency entry.
pub(super) fn warnings(
    all: &[Initiative],
    i: usize,
    deps: &[(usize, Pos)],
    diags: &mut Vec<Diagnostic>,
) {
    let init = &all[i];
    let file = &init.source.file;
    for &(dj, pos) in deps {
        let dep = &all[dj];
        if Roadmap::schedule_conflict(dep, init) {
            let (begins, dep_end) = (
                init.start.or(init.end).expect("dated"),
                dep.end.expect("dated"),
            );
            diags.push(
                Diagnostic::warning(
                    Code::ScheduleConflict,
                    file,
                    pos,
                    format!(
                        "\"{}\" starts {begins}, before its dependency \"{}\" ends {dep_end}",
                        excerpt(&init.id),
                        excerpt(&dep.id)
                    ),
                )
                .with_hint("move the start after the dependency's end, or the dependency earlier"),
            );
        }
        if init.confidence == Confidence::High && dep.confidence == Confidence::Low {
            diags.push(
                Diagnostic::warning(
                    Code::ConfidenceInversion,
                    file,
                    pos,
                    format!(
                        "high-confidence \"{}\" depends on low-confidence \"{}\"",
                        excerpt(&init.id),
                        excerpt(&dep.id)
                    ),
                )
                .with_hint("lower this initiative's confidence, or firm up the dependency"),
            );
        }
        if init.status == Status::Done && dep.status != Status::Done {
            diags.push(Diagnostic::warning(
                Code::DoneDependsOnUnfinished,
                file,
                pos,
                format!(
                    "\"{}\" is done but its dependency \"{}\" is {}",
                    excerpt(&init.id),
                    excerpt(&dep.id),
                    dep.status.as_str()
                ),
            ));
        }
    }
}
