//! Phase timings of a build on standard error, when `CONGKHAI_TIMINGS` is set: where the
//! time and memory go, for benchmarks and profiling.

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
        eprintln!(
            "thời gian {name}: {:.3} s{}",
            last.elapsed().as_secs_f64(),
            memory_text()
        );
        *last = Instant::now();
    }

    /// Prints the time `spent` on `name` in all, over phases that interleave.
    pub fn report(&self, name: &str, spent: std::time::Duration) {
        if self.on {
            eprintln!("thời gian {name}: {:.3} s (cộng dồn)", spent.as_secs_f64());
        }
    }
}

/// The resident and peak resident memory of this process, from `/proc/self/status` (Linux),
/// as " (bộ nhớ X MB, đỉnh Y MB)"; empty where that file does not exist.
fn memory_text() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let megabytes = |key: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(key))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map(|kb| kb / 1024)
    };
    match (megabytes("VmRSS:"), megabytes("VmHWM:")) {
        (Some(now), Some(peak)) => format!(" (bộ nhớ {now} MB, đỉnh {peak} MB)"),
        _ => String::new(),
    }
}
