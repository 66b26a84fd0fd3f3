#![allow(clippy::unwrap_used)]
#[path = "../benches/evaluate.rs"]
#[allow(dead_code, unused_imports)]
mod gen;
fn main() {
    let model = gen::model();
    let catalog = nines_core::Catalog::empty();
    for _ in 0..10 {
        let t = std::time::Instant::now();
        let a = nines_core::availability(&model, &catalog, &Default::default());
        assert!(a.is_ok());
        eprint!("{:?} ", t.elapsed());
    }
    eprintln!();
}
