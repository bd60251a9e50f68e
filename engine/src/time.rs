//! Simulated time: a count of nanoseconds since the start of a run.
//!
//! The engine never reads a wall clock. Every timestamp in a trace is a
//! `SimTime`, so the same scenario gives the same trace on every machine.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, Sub};

/// Nanoseconds since the start of the simulation.
///
/// Every constructor and `+` saturate at `u64::MAX` ns rather than wrap or
/// panic, so no input can make time go backwards; validation keeps real runs
/// far below that cap (see `scenario::limits`).
///
/// A `u64` of nanoseconds covers 584 years, far beyond any lab run, and keeps
/// ordering and arithmetic exact (no floating point in the event queue).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct SimTime(pub u64);

impl SimTime {
    /// Time zero, the start of every run.
    pub const ZERO: SimTime = SimTime(0);

    pub const fn from_nanos(ns: u64) -> SimTime {
        SimTime(ns)
    }
    pub const fn from_micros(us: u64) -> SimTime {
        SimTime(us.saturating_mul(1_000))
    }
    pub const fn from_millis(ms: u64) -> SimTime {
        SimTime(ms.saturating_mul(1_000_000))
    }
    pub const fn from_secs(s: u64) -> SimTime {
        SimTime(s.saturating_mul(1_000_000_000))
    }
    pub const fn as_nanos(self) -> u64 {
        self.0
    }
    /// Whole microseconds (truncated), the resolution of `struct timeval`.
    pub const fn as_micros(self) -> u64 {
        self.0 / 1_000
    }
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / 1e9
    }
    /// `self - earlier`, or zero if `earlier` is later.
    pub const fn saturating_sub(self, earlier: SimTime) -> SimTime {
        SimTime(self.0.saturating_sub(earlier.0))
    }
}

impl Add for SimTime {
    type Output = SimTime;
    fn add(self, rhs: SimTime) -> SimTime {
        SimTime(self.0.saturating_add(rhs.0))
    }
}

impl Sub for SimTime {
    type Output = SimTime;
    fn sub(self, rhs: SimTime) -> SimTime {
        self.saturating_sub(rhs)
    }
}

/// Seconds with microsecond precision, as Wireshark's relative time: `1.000012 s`.
impl fmt::Display for SimTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let us = self.0 / 1_000;
        write!(f, "{}.{:06} s", us / 1_000_000, us % 1_000_000)
    }
}

#[cfg(test)]
mod tests {
    use super::SimTime;

    #[test]
    fn displays_seconds_with_microseconds() {
        assert_eq!(SimTime::from_micros(1_000_012).to_string(), "1.000012 s");
        assert_eq!(SimTime::ZERO.to_string(), "0.000000 s");
        assert_eq!(SimTime::from_secs(300).to_string(), "300.000000 s");
    }

    #[test]
    fn huge_values_saturate_instead_of_wrapping() {
        assert_eq!(SimTime::from_micros(u64::MAX), SimTime(u64::MAX));
        assert_eq!(SimTime::from_millis(u64::MAX / 2), SimTime(u64::MAX));
        assert_eq!(SimTime::from_secs(u64::MAX), SimTime(u64::MAX));
        assert_eq!(SimTime(u64::MAX - 1) + SimTime(5), SimTime(u64::MAX));
    }

    #[test]
    fn converts_units() {
        assert_eq!(SimTime::from_millis(2).as_nanos(), 2_000_000);
        assert_eq!(SimTime::from_secs(1).as_micros(), 1_000_000);
        assert_eq!(SimTime::from_millis(1500).as_secs_f64(), 1.5);
        assert_eq!(SimTime::from_secs(1) - SimTime::from_secs(2), SimTime::ZERO);
    }
}

/// A Unix time in whole seconds, broken down in UTC for the programs that print
/// a date (dig's `WHEN:` line, a web server's `Date:` header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UtcDate {
    pub year: i64,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
    /// 0 = Sunday … 6 = Saturday.
    pub weekday: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

/// Three-letter English names, as C's `%a`/`%b` and RFC 9110 write them.
pub const WEEKDAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
pub const MONTH_NAMES: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl UtcDate {
    /// Breaks `secs` since 1970-01-01 00:00:00 UTC down (Howard Hinnant's
    /// `civil_from_days`, exact for every date the proleptic Gregorian calendar has).
    pub fn from_unix(secs: u64) -> UtcDate {
        let days = secs / 86_400;
        let rem = secs % 86_400;
        let z = days as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        UtcDate {
            year: yoe + era * 400 + i64::from(month <= 2),
            month,
            day,
            // 1970-01-01 was a Thursday.
            weekday: ((days + 4) % 7) as u32,
            hour: (rem / 3600) as u32,
            minute: (rem / 60 % 60) as u32,
            second: (rem % 60) as u32,
        }
    }

    pub fn weekday_name(&self) -> &'static str {
        WEEKDAY_NAMES[self.weekday as usize]
    }

    pub fn month_name(&self) -> &'static str {
        MONTH_NAMES[(self.month - 1) as usize]
    }
}

#[cfg(test)]
mod date_tests {
    use super::UtcDate;

    #[test]
    fn unix_times_break_down_in_utc() {
        let d = UtcDate::from_unix(0);
        assert_eq!((d.year, d.month, d.day, d.weekday_name()), (1970, 1, 1, "Thu"));
        // 2000-02-29 12:34:56 UTC, a leap day and a Tuesday.
        let d = UtcDate::from_unix(951_827_696);
        assert_eq!((d.year, d.month_name(), d.day, d.weekday_name()), (2000, "Feb", 29, "Tue"));
        assert_eq!((d.hour, d.minute, d.second), (12, 34, 56));
    }
}
