//! Phase timings of a build on standard error, when `CONGKHAI_TIMINGS` is set: where the
//! time goes, for benchmarks and profiling (`scripts/bench.sh` prints them).

use std::time::Instant;

/// Prints the time since the previous mark at each [`Timings::mark`], when turned on.
#[derive(Debug)]
pub struct Timings {
    on: bool,
    last: std::sync::Mutex<Instant>,
}

impl Timings {
    /// On when the environment variable `CONGKHAI_TIMINGS` is set.
    pub fn from_env() -> Timings {
        Timings {
            on: std::env::var_os("CONGKHAI_TIMINGS").is_some(),
            last: std::sync::Mutex::new(Instant::now()),
        }
    }

    /// Ends the phase `name`: prints its duration.
    pub fn mark(&self, name: &str) {
        if !self.on {
            return;
        }
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        eprintln!("thời gian {name}: {:.3} s", last.elapsed().as_secs_f64());
        *last = Instant::now();
    }
}
