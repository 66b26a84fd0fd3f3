//! Random numbers for the simulation: xoshiro256++ from `rand_xoshiro`, one stream per chunk of
//! trials, seeded from the user's seed and the chunk's index, so that a chunk gives the same
//! numbers whichever thread runs it and whenever. Every transcendental function is `libm`'s, so
//! native and wasm draw the same bits.

use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// A random stream.
pub(crate) struct Random(Xoshiro256PlusPlus);

impl Random {
    /// The stream of chunk `chunk` of a simulation seeded with `seed`.
    pub(crate) fn for_chunk(seed: u64, chunk: u64) -> Self {
        // SplitMix64 (what `seed_from_u64` uses) of the seed and the chunk's index mixed, so that
        // neighbouring chunks get unrelated streams.
        let mixed = seed ^ chunk.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17);
        Self(Xoshiro256PlusPlus::seed_from_u64(mixed))
    }

    /// Uniform in `[0, 1)`, 53 random bits.
    pub(crate) fn uniform(&mut self) -> f64 {
        to_unit(self.bits())
    }

    /// 53 random bits: [`Random::uniform`] before the conversion, to compare with thresholds
    /// made by [`threshold`].
    pub(crate) fn bits(&mut self) -> u64 {
        self.0.next_u64() >> 11
    }

    /// Exponential with mean `mean` (by inversion: `−ln(1 − U)`, with `1 − U` in `(0, 1]`).
    pub(crate) fn exponential(&mut self, mean: f64) -> f64 {
        -libm::log(1.0 - self.uniform()) * mean
    }

    /// Standard normal (Box–Muller; one of the pair).
    pub(crate) fn normal(&mut self) -> f64 {
        let radius = libm::sqrt(-2.0 * libm::log(1.0 - self.uniform()));
        radius * libm::cos(std::f64::consts::TAU * self.uniform())
    }
}

/// 53 random bits as a uniform in `[0, 1)`.
pub(crate) fn to_unit(bits: u64) -> f64 {
    bits as f64 * (1.0 / (1u64 << 53) as f64)
}

/// The bits below which a uniform is below `p`: `bits < threshold(p)` ⇔ `to_unit(bits) < p`.
pub(crate) fn threshold(p: f64) -> u64 {
    libm::ceil(p * (1u64 << 53) as f64) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<f64> = {
            let mut r = Random::for_chunk(7, 3);
            (0..4).map(|_| r.uniform()).collect()
        };
        let b: Vec<f64> = {
            let mut r = Random::for_chunk(7, 3);
            (0..4).map(|_| r.uniform()).collect()
        };
        let c: Vec<f64> = {
            let mut r = Random::for_chunk(7, 4);
            (0..4).map(|_| r.uniform()).collect()
        };
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.iter().all(|x| (0.0..1.0).contains(x)));
    }

    #[test]
    fn moments_are_right() {
        let mut r = Random::for_chunk(1, 0);
        let n = 200_000;
        let mean_exp: f64 = (0..n).map(|_| r.exponential(2.0)).sum::<f64>() / f64::from(n);
        assert!((mean_exp - 2.0).abs() < 0.03, "{mean_exp}");
        let normals: Vec<f64> = (0..n).map(|_| r.normal()).collect();
        let mean = normals.iter().sum::<f64>() / f64::from(n);
        let var = normals.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / f64::from(n);
        assert!(
            mean.abs() < 0.01 && (var - 1.0).abs() < 0.02,
            "{mean} {var}"
        );
    }
}
