//! Calendar arithmetic and formatting shared by the date grammars.
//!
//! Values are written as recoupe prints them: dates `YYYY-MM-DD`, times `HH:MM:SS`,
//! date-times `YYYY-MM-DDTHH:MM:SS`, durations ISO 8601 (`P3D`, `PT2H30M`) with seconds.

use jiff::civil::{Date, DateTime, Time};
use jiff::ToSpan;

use crate::{Cand, Kind, TimeValue, Value};

pub fn fmt_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub fn fmt_time(t: Time) -> String {
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

pub fn fmt_datetime(dt: DateTime) -> String {
    format!("{}T{}", fmt_date(dt.date()), fmt_time(dt.time()))
}

/// `y-m-d` when it is a real day.
pub fn ymd(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

pub fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

pub fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.months()).ok()
}

/// Monday of the ISO week holding `d`.
pub fn week_start(d: Date) -> Date {
    let back = i64::from(d.weekday().to_monday_zero_offset());
    add_days(d, -back).unwrap_or(d)
}

/// A day of the month without a year, resolved as news reads it: the most recent such day
/// on or before the reference, unless that is more than ~10 months back and the next one
/// is close (an announcement of what comes).
pub fn month_day_near(reference: Date, month: i8, day: i8) -> Option<Date> {
    let this = Date::new(reference.year(), month, day).ok();
    match this {
        Some(d) if d <= reference => Some(d),
        _ => Date::new(reference.year() - 1, month, day).ok().or(this),
    }
}

pub fn point(i: usize, j: usize, kind: Kind, v: String) -> Cand {
    Cand {
        i,
        j,
        kind,
        value: Value::Time(TimeValue::Point(v)),
    }
}

pub fn interval(i: usize, j: usize, kind: Kind, start: Option<String>, end: Option<String>) -> Cand {
    Cand {
        i,
        j,
        kind,
        value: Value::Time(TimeValue::Interval { start, end }),
    }
}

pub fn unresolved(i: usize, j: usize, kind: Kind, text: &str) -> Cand {
    Cand {
        i,
        j,
        kind,
        value: Value::Time(TimeValue::Unresolved {
            unresolved: text.to_string(),
        }),
    }
}
