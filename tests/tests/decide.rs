//! Golden decision answers: `nines improve|optimize|slo FILE --target 99.95 --month 2026-02
//! --json` and `nines slo … --openslo` for every example architecture and decision fixture,
//! byte for byte (`tests/golden/decide/`). `NINES_BLESS=1` rewrites them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use nines_core::decide::{improve, openslo_yaml, slo, DecideOptions, Optimizer, SloOptions};
use nines_core::{Availability, Catalog, Convention, Model};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn pretty<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap() + "\n"
}

/// Every decision output of one model, as `(file name, bytes)`.
fn outputs(name: &str, model: &Model) -> Vec<(String, String)> {
    let catalog = Catalog::bundled().unwrap();
    let convention = Convention::parse("2026-02").unwrap();
    let target = Availability::parse_percent("99.95").ok();
    let decide = DecideOptions { convention, target };
    let options = SloOptions {
        convention,
        target,
        ..SloOptions::default()
    };
    vec![
        (
            format!("{name}.improve.json"),
            pretty(&improve(model, &catalog, &decide).unwrap()),
        ),
        (
            format!("{name}.optimize.json"),
            pretty(&Optimizer::new(model, &catalog, &decide).unwrap().run()),
        ),
        (
            format!("{name}.slo.json"),
            pretty(&slo(model, &catalog, &options).unwrap()),
        ),
        (
            format!("{name}.openslo.yaml"),
            openslo_yaml(model, &catalog, &options).unwrap(),
        ),
    ]
}

#[test]
fn decision_answers_match_their_golden_files() {
    let bless = std::env::var_os("NINES_BLESS").is_some();
    let out = root().join("tests/golden/decide");
    std::fs::create_dir_all(&out).unwrap();
    let mut checked = 0;
    for dir in ["data/examples", "tests/fixtures/decide"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for path in files {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let model = Model::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for (file, actual) in outputs(&name, &model) {
                let golden = out.join(&file);
                if bless {
                    std::fs::write(&golden, &actual).unwrap();
                    continue;
                }
                let expected = std::fs::read_to_string(&golden).unwrap_or_else(|e| {
                    panic!("{}: {e} (NINES_BLESS=1 creates it)", golden.display())
                });
                assert!(
                    actual == expected,
                    "{} differs (NINES_BLESS=1 regenerates after review)",
                    golden.display()
                );
                checked += 1;
            }
        }
    }
    assert!(bless || checked >= 32, "{checked} golden files checked");
}
