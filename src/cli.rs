//! The `roadmap` command line: `roadmap check [DIR]`, `roadmap schema`.

use crate::core::{diagnostic, load};
use crate::data_dir;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  roadmap check [DIR] [--format human|json|gitlab|github] [--deny-warnings]
      check the roadmap data in DIR (default: data); exit 1 on errors
  roadmap schema
      print the JSON Schema of roadmap.yaml and initiative files";

/// Runs the command line with `args` (without the program name).
pub fn main(args: &[String]) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("schema") => {
            println!("{}", crate::core::schema::json_schema());
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check(args: &[String]) -> ExitCode {
    let mut dir: Option<PathBuf> = None;
    let mut format = "human".to_string();
    let mut deny_warnings = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--deny-warnings" => deny_warnings = true,
            "--format" => match it.next() {
                Some(f) => format = f.clone(),
                None => {
                    return usage_error("--format needs a value: human, json, gitlab or github")
                }
            },
            f if f.starts_with("--format=") => format = f["--format=".len()..].to_string(),
            f if f.starts_with('-') => return usage_error(&format!("unknown option {f}")),
            d if dir.is_none() => dir = Some(PathBuf::from(d)),
            d => return usage_error(&format!("unexpected argument {d}")),
        }
    }
    if !["human", "json", "gitlab", "github"].contains(&format.as_str()) {
        return usage_error(&format!(
            "unknown format {format}: use human, json, gitlab or github"
        ));
    }
    let dir = dir.unwrap_or_else(|| PathBuf::from("data"));
    let files = match data_dir::read(&dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    let (roadmap, diags) = load(&files, data_dir::today());
    let prefix = format!("{}/", dir.display().to_string().trim_end_matches('/'));
    let (errors, warnings, summary) = diagnostic::summary(&diags);
    match format.as_str() {
        "json" => println!("{}", diagnostic::to_json(&diags, &prefix)),
        "gitlab" => println!("{}", diagnostic::to_gitlab(&diags, &prefix)),
        "github" => {
            print!("{}", diagnostic::to_github(&diags, &prefix));
            println!("{summary}");
        }
        _ => {
            for d in &diags {
                println!("{}", d.render(&prefix, files.text(&d.file)));
            }
            let count = roadmap.initiatives.len();
            println!(
                "{summary} ({count} initiatives loaded from {})",
                dir.display()
            );
        }
    }
    if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("error: {msg}\n{USAGE}");
    ExitCode::from(2)
}
