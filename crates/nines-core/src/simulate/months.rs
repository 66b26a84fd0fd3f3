//! One process's outages in a month: the intervals during which it is down, in milliseconds
//! from the start of the month, drawn from its alternating renewal process in equilibrium.

use super::random::Random;
use crate::plan::process::{Process, Shape};

/// Milliseconds in an hour: the processes are given in hours.
const MS_PER_HOUR: f64 = 3_600_000.0;

/// A process ready to draw months from.
#[derive(Clone, Debug)]
pub(crate) struct Sampler {
    /// Failures per millisecond of up time.
    rate: f64,
    /// Mean up time, milliseconds (`1/rate`).
    mean_up: f64,
    /// Mean outage, milliseconds.
    mean: f64,
    shape: Shape,
    /// `ln` of milliseconds for a lognormal (its `mu` in hours, moved to milliseconds).
    mu_ms: f64,
    /// Probability that a month has no failure: up at the start, no failure before its end
    /// (planned maintenance aside).
    pub(crate) quiet: f64,
    /// `−ln quiet`: a standard exponential divided by it, rounded down, is the number of quiet
    /// months before the next non-quiet one (infinite when every month is quiet, 0 when none).
    pub(crate) quiet_rate: f64,
    /// Probability of being up at the start and failing within the month.
    fails_in_month: f64,
    /// Planned maintenance at the start of every month, milliseconds.
    pub(crate) maintenance: i64,
    always_down: bool,
}

impl Sampler {
    /// The sampler of `process` for months of `month_ms` milliseconds.
    pub(crate) fn new(process: &Process, month_ms: i64) -> Self {
        let always_down = process.rate.is_infinite() || process.mean.is_infinite();
        let rate = process.rate / MS_PER_HOUR;
        let mean = process.mean * MS_PER_HOUR;
        let load = rate * mean;
        let down_at_start = if always_down {
            1.0
        } else {
            load / (1.0 + load)
        };
        let no_failure = libm::exp(-rate * month_ms as f64);
        let maintenance = (process.maintenance * MS_PER_HOUR).round() as i64;
        let mu_ms = match process.shape {
            Shape::Lognormal { mu, .. } => mu + libm::log(MS_PER_HOUR),
            _ => 0.0,
        };
        let quiet = if always_down {
            0.0
        } else {
            (1.0 - down_at_start) * no_failure
        };
        Self {
            rate,
            mean_up: 1.0 / rate,
            mean,
            shape: process.shape,
            mu_ms,
            quiet,
            // `0 − ln 1` is +0: a never-failing process never has a non-quiet month.
            quiet_rate: 0.0 - libm::log(quiet),
            fails_in_month: (1.0 - down_at_start) * (1.0 - no_failure),
            maintenance: maintenance.min(month_ms),
            always_down,
        }
    }

    /// Appends the month's down intervals `[start, end)` to `out`, and returns how many of
    /// them (first) are planned maintenance. `r` (uniform in `[0, 1)`) decides how the month
    /// starts: quiet below [`Sampler::quiet`], then a first failure in the month, then down at
    /// the start; the rest is drawn from `random`.
    pub(crate) fn sample(
        &self,
        r: f64,
        random: &mut Random,
        month_ms: i64,
        out: &mut Vec<(i64, i64)>,
    ) -> usize {
        let planned = usize::from(self.maintenance > 0);
        if planned > 0 {
            out.push((0, self.maintenance));
        }
        if self.always_down {
            out.push((0, month_ms));
            return planned;
        }
        if r < self.quiet || self.rate <= 0.0 {
            return planned;
        }
        let month = month_ms as f64;
        let mut t = if r - self.quiet < self.fails_in_month {
            self.first_failure(month, random)
        } else {
            // Down at the start, for the rest of an outage already under way.
            let rest = self.residual(random);
            push(out, 0.0, rest, month);
            self.next_failure(rest, month, random)
        };
        while t < month {
            let outage = self.duration(random);
            push(out, t, t + outage, month);
            t = self.next_failure(t + outage, month, random);
        }
        planned
    }

    /// The first failure of a month that starts up and has one: exponential with rate λ,
    /// conditioned on coming before the month's end `T`, by rejection. With `λT ≤ 1` (most
    /// processes) a uniform time `x` in the month is kept with probability `e^(−λx)`, that is
    /// when an exponential variate exceeds `λx`: at least 63% are kept. With `λT > 1` an
    /// exponential time is kept when it is within the month, also at least 63% of the time.
    fn first_failure(&self, month: f64, random: &mut Random) -> f64 {
        if self.rate * month <= 1.0 {
            loop {
                let x = random.uniform() * month;
                if random.exp1() > self.rate * x {
                    return x;
                }
            }
        }
        loop {
            let x = random.exponential(self.mean_up);
            if x < month {
                return x;
            }
        }
    }

    /// The time of the next failure after an outage ending at `t` (an exponential up time),
    /// or `month` when there is none before the month ends.
    fn next_failure(&self, t: f64, month: f64, random: &mut Random) -> f64 {
        if t >= month {
            return month;
        }
        (t + random.exponential(self.mean_up)).min(month)
    }

    /// An outage's length.
    fn duration(&self, random: &mut Random) -> f64 {
        match self.shape {
            Shape::Exponential => random.exponential(self.mean),
            Shape::Fixed => self.mean,
            Shape::Lognormal { sigma, .. } => {
                let x = self.mu_ms + sigma * random.normal();
                random.exp(x)
            }
        }
    }

    /// What is left of an outage under way at a random time: its length drawn in proportion to
    /// its length (the equilibrium of a renewal process), times a uniform fraction.
    fn residual(&self, random: &mut Random) -> f64 {
        match self.shape {
            Shape::Exponential => random.exponential(self.mean),
            Shape::Fixed => random.uniform() * self.mean,
            Shape::Lognormal { sigma, .. } => {
                // Length-biased lognormal: LN(mu + σ², σ).
                let x = self.mu_ms + sigma * sigma + sigma * random.normal();
                let length = random.exp(x);
                random.uniform() * length
            }
        }
    }
}

/// Pushes `[start, end)` clipped to the month, rounded to whole milliseconds.
fn push(out: &mut Vec<(i64, i64)>, start: f64, end: f64, month: f64) {
    let (start, end) = ((start + 0.5) as i64, (end.min(month) + 0.5) as i64);
    if start < end {
        out.push((start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::process::Given;

    /// The mean fraction of a month a process is down is its unavailability.
    #[test]
    fn months_average_to_the_unavailability() {
        let month = 30 * 24 * 3_600_000;
        for shape in [
            Shape::Exponential,
            Shape::Fixed,
            Shape::Lognormal {
                mu: libm::log(0.5),
                sigma: 1.0,
            },
        ] {
            let mean = match shape {
                // A lognormal's mean is exp(μ + σ²/2).
                Shape::Lognormal { mu, sigma } => libm::exp(mu + sigma * sigma / 2.0),
                _ => 3.0,
            };
            let process = Process::from_unavailability(1e-2, Given::Mean(mean, "test"), shape);
            let sampler = Sampler::new(&process, month);
            let mut random = Random::for_chunk(11, 0);
            let (mut down, mut out) = (0i64, Vec::new());
            let months = 40_000;
            for _ in 0..months {
                out.clear();
                let r = random.uniform();
                sampler.sample(r, &mut random, month, &mut out);
                down += out.iter().map(|(a, b)| b - a).sum::<i64>();
            }
            let u = down as f64 / (months as f64 * month as f64);
            assert!((u - 1e-2).abs() < 1e-3, "{shape:?}: {u}");
        }
    }
}
