//! Counting what the simulated months gave, chunk by chunk, and the statistics with their 95%
//! confidence intervals: Wilson's score interval for probabilities (an upper bound, never 0,
//! when nothing was seen), the normal interval of the mean for means.

/// The 97.5% standard normal quantile: 95% two-sided intervals.
pub(crate) const Z: f64 = 1.959_963_984_540_054;

/// One chunk's months, merged in chunk order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tally {
    pub(crate) trials: u64,
    /// The architecture's downtime in each month, milliseconds, in trial order.
    pub(crate) downtime_ms: Vec<u32>,
    /// How much of it fell in the business calendar's hours (empty without one).
    pub(crate) business_hours_ms: Vec<u32>,
    /// Months below each threshold (the target first, then each commitment).
    pub(crate) below: Vec<u64>,
    pub(crate) services: Vec<ServiceTally>,
    /// Credits of all services in a month, cents: sum and sum of squares.
    pub(crate) credit: Sums,
}

/// One service's months.
#[derive(Clone, Debug, Default)]
pub(crate) struct ServiceTally {
    /// Months in which it owed any credit.
    pub(crate) credited: u64,
    /// Its credit in a month, cents.
    pub(crate) credit: Sums,
    /// Instance-months by the credit percent they earned (bits of the percent, count).
    pub(crate) tiers: Vec<(u64, u64)>,
}

/// A running sum and sum of squares, for a mean and its interval.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Sums {
    pub(crate) sum: f64,
    pub(crate) squares: f64,
}

impl Sums {
    pub(crate) fn add(&mut self, x: f64) {
        self.sum += x;
        self.squares += x * x;
    }

    pub(crate) fn merge(&mut self, other: Sums) {
        self.sum += other.sum;
        self.squares += other.squares;
    }

    /// The mean of `n` values and its 95% interval `(estimate, low, high)`.
    pub(crate) fn mean(self, n: u64) -> (f64, f64, f64) {
        if n == 0 {
            return (0.0, 0.0, 0.0);
        }
        let n = n as f64;
        let mean = self.sum / n;
        let variance = ((self.squares / n - mean * mean) * n / (n - 1.0).max(1.0)).max(0.0);
        let half = Z * libm::sqrt(variance / n);
        (mean, (mean - half).max(0.0), mean + half)
    }
}

impl ServiceTally {
    pub(crate) fn tier(&mut self, percent: f64) {
        let bits = percent.to_bits();
        match self.tiers.iter_mut().find(|(b, _)| *b == bits) {
            Some((_, n)) => *n += 1,
            None => self.tiers.push((bits, 1)),
        }
    }
}

impl Tally {
    /// Adds `other`'s months after this one's.
    pub(crate) fn merge(&mut self, other: Tally) {
        self.trials += other.trials;
        self.downtime_ms.extend(other.downtime_ms);
        self.business_hours_ms.extend(other.business_hours_ms);
        if self.below.len() < other.below.len() {
            self.below.resize(other.below.len(), 0);
        }
        for (a, b) in self.below.iter_mut().zip(other.below) {
            *a += b;
        }
        if self.services.len() < other.services.len() {
            self.services
                .resize(other.services.len(), ServiceTally::default());
        }
        for (a, b) in self.services.iter_mut().zip(other.services) {
            a.credited += b.credited;
            a.credit.merge(b.credit);
            for (bits, n) in b.tiers {
                match a.tiers.iter_mut().find(|(x, _)| *x == bits) {
                    Some((_, m)) => *m += n,
                    None => a.tiers.push((bits, n)),
                }
            }
        }
        self.credit.merge(other.credit);
    }
}

/// Wilson's 95% score interval of `k` successes in `n` trials: `(estimate, low, high)`.
/// With `k = 0` the estimate is 0 and `high` the bound the trials allow (about 3.84/n).
pub(crate) fn wilson(k: u64, n: u64) -> (f64, f64, f64) {
    if n == 0 {
        return (0.0, 0.0, 1.0);
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = Z * Z;
    let center = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z / (1.0 + z2 / n) * libm::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    (p, (center - half).max(0.0), (center + half).min(1.0))
}

/// The `q`-quantile (0..=1) of `sorted` by the nearest-rank method.
pub(crate) fn quantile<T: Copy + Default>(sorted: &[T], q: f64) -> T {
    if sorted.is_empty() {
        return T::default();
    }
    let rank = libm::ceil(q * sorted.len() as f64).max(1.0) as usize;
    sorted[rank.min(sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_intervals() {
        // 0 of 100,000: the upper bound is about 3.84e-5, never 0.
        let (p, low, high) = wilson(0, 100_000);
        assert_eq!((p, low), (0.0, 0.0));
        assert!((high - 3.8414e-5).abs() < 1e-8, "{high}");
        // 20 of 100: the textbook Wilson interval [0.1333, 0.2888].
        let (p, low, high) = wilson(20, 100);
        assert_eq!(p, 0.2);
        assert!(
            (low - 0.1333).abs() < 1e-4 && (high - 0.2888).abs() < 1e-4,
            "{low} {high}"
        );
    }

    #[test]
    fn nearest_rank_quantiles() {
        let sorted: Vec<u32> = (1..=100).collect();
        assert_eq!(quantile(&sorted, 0.5), 50);
        assert_eq!(quantile(&sorted, 0.9), 90);
        assert_eq!(quantile(&sorted, 0.999), 100);
        assert_eq!(quantile(&sorted, 0.0), 1);
    }
}
