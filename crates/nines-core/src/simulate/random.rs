//! Random numbers for the simulation: xoshiro256++ from `rand_xoshiro`, one stream per chunk of
//! trials, seeded from the user's seed and the chunk's index, so that a chunk gives the same
//! numbers whichever thread runs it and whenever. Exponential and normal variates come from
//! ziggurats (Marsaglia & Tsang, "The ziggurat method for generating random variables", 2000,
//! as `rand_distr` does it): one 64-bit draw, a table look-up and a multiplication for 98.9%
//! (exponential) and 98.8% (normal) of them, and still exact, because the rest are decided by
//! rejection against the density. The tables are computed once, and every transcendental
//! function is `libm`'s, so native and wasm draw the same bits.

use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use std::sync::OnceLock;

/// A random stream.
pub(crate) struct Random {
    bits: Xoshiro256PlusPlus,
    exp: &'static Ziggurat,
    normal: &'static Ziggurat,
    powers: &'static [f64; 128],
}

/// The layers of a ziggurat under a decreasing density `f` on `[0, ∞)`: 256 of equal area,
/// the bottom one with the tail. `x[i]` is the right edge of layer `i` (`x[0]` the bottom
/// layer's width as a rectangle of that area, `x[1]` where the tail starts, `x[256] = 0`),
/// `f[i] = f(x[i])`.
struct Ziggurat {
    x: [f64; 257],
    f: [f64; 257],
}

impl Ziggurat {
    /// The layers for the tail start `r` and the layers' area `v` (Marsaglia & Tsang's
    /// constants for 256 layers).
    fn new(r: f64, v: f64, f: fn(f64) -> f64, f_inv: fn(f64) -> f64) -> Self {
        let mut x = [0.0; 257];
        x[0] = v / f(r);
        x[1] = r;
        for i in 2..256 {
            x[i] = f_inv(v / x[i - 1] + f(x[i - 1]));
        }
        Self { x, f: x.map(f) }
    }

    /// The unnormalised exponential density `e^(−x)`.
    fn exponential() -> &'static Self {
        static TABLE: OnceLock<Ziggurat> = OnceLock::new();
        TABLE.get_or_init(|| {
            let f: fn(f64) -> f64 = |x| libm::exp(-x);
            let f_inv: fn(f64) -> f64 = |y| -libm::log(y);
            Self::new(EXP_R, 0.003_949_659_822_581_557, f, f_inv)
        })
    }

    /// The unnormalised normal density `e^(−x²/2)`.
    fn normal() -> &'static Self {
        static TABLE: OnceLock<Ziggurat> = OnceLock::new();
        TABLE.get_or_init(|| {
            let f: fn(f64) -> f64 = |x| libm::exp(-x * x / 2.0);
            let f_inv: fn(f64) -> f64 = |y| libm::sqrt(-2.0 * libm::log(y));
            Self::new(NORMAL_R, 0.004_928_673_233_99, f, f_inv)
        })
    }
}

/// `2^(j/128)` for `j` in `0..128` (by `libm::exp`, which the package has anyway; `exp2`
/// would bring its own 4 KB table).
fn powers() -> &'static [f64; 128] {
    static TABLE: OnceLock<[f64; 128]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|j| libm::exp(j as f64 * (std::f64::consts::LN_2 / 128.0)))
    })
}

/// Where the exponential ziggurat's tail starts.
const EXP_R: f64 = 7.697_117_470_131_05;
/// Where the normal ziggurat's tail starts.
const NORMAL_R: f64 = 3.654_152_885_361_009;

impl Random {
    /// The stream of chunk `chunk` of a simulation seeded with `seed`.
    pub(crate) fn for_chunk(seed: u64, chunk: u64) -> Self {
        // SplitMix64 (what `seed_from_u64` uses) of the seed and the chunk's index mixed, so that
        // neighbouring chunks get unrelated streams.
        let mixed = seed ^ chunk.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17);
        Self {
            bits: Xoshiro256PlusPlus::seed_from_u64(mixed),
            exp: Ziggurat::exponential(),
            normal: Ziggurat::normal(),
            powers: powers(),
        }
    }

    /// Uniform in `[0, 1)`, 53 random bits.
    pub(crate) fn uniform(&mut self) -> f64 {
        (self.bits.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `(0, 1)`: never 0, for a logarithm.
    fn open(&mut self) -> f64 {
        ((self.bits.next_u64() >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
    }

    /// Standard exponential (mean 1).
    #[inline]
    pub(crate) fn exp1(&mut self) -> f64 {
        let (i, u) = self.layer(false);
        let x = u * self.exp.x[i];
        if x < self.exp.x[i + 1] {
            return x;
        }
        self.exp1_edge(i, x)
    }

    /// [`Random::exp1`] when its first draw fell outside its layer's core: the tail, or the
    /// wedge test against the density, and new draws until one is kept.
    #[cold]
    fn exp1_edge(&mut self, mut i: usize, mut x: f64) -> f64 {
        loop {
            if i == 0 {
                // The tail beyond r is r plus an exponential (memoryless).
                return EXP_R - libm::log(self.open());
            }
            let (f0, f1) = (self.exp.f[i], self.exp.f[i + 1]);
            if f1 + (f0 - f1) * self.uniform() < libm::exp(-x) {
                return x;
            }
            let (layer, u) = self.layer(false);
            (i, x) = (layer, u * self.exp.x[layer]);
            if x < self.exp.x[i + 1] {
                return x;
            }
        }
    }

    /// Exponential with mean `mean`.
    pub(crate) fn exponential(&mut self, mean: f64) -> f64 {
        self.exp1() * mean
    }

    /// `e^x`, for a lognormal's outage lengths: `libm::exp` was a tenth of the simulation (its
    /// division and out-of-line scaling), this is the table method of musl's newer `exp`
    /// (`x = (k·128 + j)·ln 2/128 + r`, `e^x = 2^k · 2^(j/128) · e^r`, `|r| ≤ ln 2/256`) with
    /// `e^r` by its Taylor series to `r⁵` (the rest below 6·10⁻¹⁹), within 2 ulp of `libm::exp`
    /// (tested): additions and multiplications only, so the same bits on every platform.
    /// Beyond ±700, NaN and infinities go to `libm::exp`.
    pub(crate) fn exp(&self, x: f64) -> f64 {
        if x.is_nan() || x.abs() >= 700.0 {
            return libm::exp(x);
        }
        let inv_ln2_n = f64::from_bits(0x4067_1547_652b_82fe); // 128/ln 2
        let neg_ln2_hi_n = f64::from_bits(0xbf76_2e42_fefa_0000); // −ln 2/128, exact with k
        let neg_ln2_lo_n = f64::from_bits(0xbd0c_f79a_bc9e_3b3a); // the rest of −ln 2/128
        let shift = 6_755_399_441_055_744.0; // 1.5·2⁵²: adding it rounds to an integer
        let n = x * inv_ln2_n + shift - shift;
        let r = x + n * neg_ln2_hi_n + n * neg_ln2_lo_n;
        let n = n as i64;
        let (k, j) = (n >> 7, (n & 127) as usize);
        let r2 = r * r;
        let tail = r + r2 * (0.5 + r * (1.0 / 6.0)) + r2 * r2 * (1.0 / 24.0 + r * (1.0 / 120.0));
        let scale = f64::from_bits(((k + 1023) as u64) << 52) * self.powers[j];
        scale + scale * tail
    }

    /// Standard normal.
    pub(crate) fn normal(&mut self) -> f64 {
        loop {
            let (i, u) = self.layer(true);
            let x = u * self.normal.x[i];
            if x.abs() < self.normal.x[i + 1] {
                return x;
            }
            if i == 0 {
                return self.normal_tail(u < 0.0);
            }
            let (f0, f1) = (self.normal.f[i], self.normal.f[i + 1]);
            if f1 + (f0 - f1) * self.uniform() < libm::exp(-x * x / 2.0) {
                return x;
            }
        }
    }

    /// The normal's tail beyond `NORMAL_R` (Marsaglia's method), on the side given.
    fn normal_tail(&mut self, negative: bool) -> f64 {
        loop {
            let x = libm::log(self.open()) / NORMAL_R;
            let y = libm::log(self.open());
            if -2.0 * y >= x * x {
                return if negative { x - NORMAL_R } else { NORMAL_R - x };
            }
        }
    }

    /// One 64-bit draw split into a layer (its low 8 bits) and a uniform from its top 52 bits:
    /// in `(0, 1)`, or in `[−1, 1)` when `signed`.
    fn layer(&mut self, signed: bool) -> (usize, f64) {
        let bits = self.bits.next_u64();
        let fraction = (bits >> 12) as f64 * (1.0 / (1u64 << 52) as f64);
        let u = if signed {
            2.0 * fraction - 1.0
        } else {
            fraction + 0.5 / (1u64 << 52) as f64
        };
        ((bits & 0xff) as usize, u)
    }
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

    /// The layers computed here are `rand`'s published tables (rand 0.7
    /// `distributions/ziggurat_tables.rs`, generated in higher precision).
    #[test]
    fn ziggurat_layers_match_the_published_tables() {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-14 * b.max(1.0);
        let exp = Ziggurat::exponential();
        assert!(close(exp.x[0], 8.697_117_470_131_053), "{}", exp.x[0]);
        assert!(close(exp.x[2], 6.941_033_629_377_213), "{}", exp.x[2]);
        assert!(
            close(exp.x[255], 0.063_852_163_815_001_57),
            "{}",
            exp.x[255]
        );
        assert_eq!((exp.x[256], exp.f[256]), (0.0, 1.0));
        let normal = Ziggurat::normal();
        assert!(close(normal.x[0], 3.910_757_959_537_09), "{}", normal.x[0]);
        assert!(
            close(normal.x[2], 3.449_278_298_560_964_5),
            "{}",
            normal.x[2]
        );
        assert!(
            close(normal.x[255], 0.215_241_895_913_273_8),
            "{}",
            normal.x[255]
        );
    }

    /// Tail shares of a million draws within 4.5 standard errors of the exact ones, out to
    /// the ziggurats' tails (beyond 7.7 for the exponential, 3.65 for the normal).
    #[test]
    fn ziggurat_variates_have_the_exact_tails() {
        let mut r = Random::for_chunk(3, 9);
        let n = 1_000_000;
        let check = |name: &str, count: usize, p: f64| {
            let expected = p * n as f64;
            let sd = (expected * (1.0 - p)).sqrt();
            assert!(
                (count as f64 - expected).abs() < 4.5 * sd,
                "{name}: {count} vs {expected:.1}"
            );
        };
        let exp: Vec<f64> = (0..n).map(|_| r.exp1()).collect();
        for t in [0.1, 0.5, 1.0, 2.0, 4.0, 7.0, 8.0, 10.0] {
            check("exp", exp.iter().filter(|&&x| x > t).count(), libm::exp(-t));
        }
        assert!(exp.iter().all(|&x| x > 0.0 && x.is_finite()));
        let normal: Vec<f64> = (0..n).map(|_| r.normal()).collect();
        // P(N > t) = erfc(t/√2)/2.
        for t in [-2.0, -0.5, 0.0, 0.3, 1.0, 2.5, 3.7, 4.0] {
            let p = libm::erfc(t / std::f64::consts::SQRT_2) / 2.0;
            check("normal", normal.iter().filter(|&&x| x > t).count(), p);
        }
        let below = libm::erfc(3.7 / std::f64::consts::SQRT_2) / 2.0;
        check(
            "normal",
            normal.iter().filter(|&&x| x < -3.7).count(),
            below,
        );
    }

    /// Within 2 ulp of `libm::exp` over its range, and exactly `libm::exp` beyond ±700.
    #[test]
    fn exp_is_libm_exp_to_two_ulp() {
        let r = Random::for_chunk(1, 1);
        let mut worst: f64 = 0.0;
        for i in 0..=2_000_000 {
            let x = -700.0 + 1400.0 * f64::from(i) / 2_000_000.0 + 1e-7;
            let (ours, libm) = (r.exp(x), libm::exp(x));
            worst = worst.max((ours - libm).abs() / libm);
        }
        assert!(worst <= 2.0 * f64::EPSILON, "{worst:e}");
        for x in [0.0, 1.0, -1.0, 1e-300, 15.3, 709.0, -745.0] {
            let ulp = (r.exp(x) - libm::exp(x)).abs() / libm::exp(x).max(f64::MIN_POSITIVE);
            assert!(ulp <= 2.0 * f64::EPSILON, "{x}: {}", r.exp(x));
        }
        assert_eq!(r.exp(1.0), std::f64::consts::E);
        assert!(r.exp(f64::NAN).is_nan());
        assert_eq!(r.exp(f64::INFINITY), f64::INFINITY);
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
