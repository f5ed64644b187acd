//! Calendar arithmetic and formatting shared by the date grammars.
//!
//! Values are written as recoupe prints them: dates `YYYY-MM-DD`, times `HH:MM:SS`,
//! date-times `YYYY-MM-DDTHH:MM:SS`, durations ISO 8601 (`P3D`, `PT2H30M`) with seconds.

use jiff::civil::{Date, DateTime, Time};

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
    // `try_days`: `n.days()` panics when `n` is out of jiff's range.
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

pub fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_months(n).ok()?).ok()
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
    let past = match this {
        Some(d) if d <= reference => Some(d),
        _ => Date::new(reference.year() - 1, month, day).ok().or(this),
    }?;
    // "le 28 octobre" written on 18 October: ten days ahead, not almost a year back.
    if past <= reference && reference.since(past).is_ok_and(|s| s.get_days() > 304) {
        if let Some(next) = Date::new(past.year().saturating_add(1), month, day)
            .ok()
            .filter(|n| *n > reference)
        {
            return Some(next);
        }
    }
    Some(past)
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

// ---- Shared by both grammars (added for the English grammar; French may use them too). ----

/// 1 = Monday … 7 = Sunday, as the word tables number weekdays.
pub fn weekday_num(d: Date) -> i8 {
    d.weekday().to_monday_one_offset()
}

/// The weekday `wd` (1 = Monday) of the ISO week holding `d`, moved by `weeks` weeks.
pub fn weekday_in_week(d: Date, wd: i8, weeks: i64) -> Option<Date> {
    add_days(week_start(d), weeks.checked_mul(7)? + i64::from(wd) - 1)
}

/// The last day with weekday `wd` strictly before `d`: a bare weekday in news is usually past.
pub fn weekday_before(d: Date, wd: i8) -> Option<Date> {
    let back = (i64::from(weekday_num(d)) - i64::from(wd)).rem_euclid(7);
    add_days(d, if back == 0 { -7 } else { -back })
}

/// The first day with weekday `wd` strictly after `d` ("this coming Friday").
pub fn weekday_after(d: Date, wd: i8) -> Option<Date> {
    let fwd = (i64::from(wd) - i64::from(weekday_num(d))).rem_euclid(7);
    add_days(d, if fwd == 0 { 7 } else { fwd })
}

/// First day of a month, and of the next one.
pub fn month_span(y: i32, m: i32) -> Option<(Date, Date)> {
    let s = ymd(y, m, 1)?;
    Some((s, add_months(s, 1)?))
}

pub fn year_span(y: i32) -> Option<(Date, Date)> {
    Some((ymd(y, 1, 1)?, ymd(y.checked_add(1)?, 1, 1)?))
}

/// A month without a year: the most recent one, the reference's own month included.
pub fn month_near(reference: Date, m: i32) -> i32 {
    let y = i32::from(reference.year());
    if m <= i32::from(reference.month()) {
        y
    } else {
        y - 1
    }
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month, day)
}

/// The `n`-th weekday `wd` of a month (`n` = -1: the last one).
pub fn nth_weekday(y: i32, m: i32, wd: i8, n: i32) -> Option<Date> {
    if n < 0 {
        let (_, next) = month_span(y, m)?;
        return weekday_before(next, wd);
    }
    let first = ymd(y, m, 1)?;
    let fwd = (i64::from(wd) - i64::from(weekday_num(first))).rem_euclid(7);
    add_days(first, fwd + 7 * (i64::from(n) - 1))
}

/// Adds a signed amount of a calendar unit (`Y`, `M`, `W`, `D`, `H`, `MIN`, `S`) to a date-time.
pub fn add_unit(dt: DateTime, unit: &str, n: i64) -> Option<DateTime> {
    let s = jiff::Span::new();
    let span = match unit {
        "Y" => s.try_years(n),
        "M" => s.try_months(n),
        "W" => s.try_weeks(n),
        "D" => s.try_days(n),
        "H" => s.try_hours(n),
        "MIN" => s.try_minutes(n),
        "S" => s.try_seconds(n),
        _ => return None,
    }
    .ok()?;
    dt.checked_add(span).ok()
}

/// ISO 8601 duration for `n` units (`Y`, `M`, `W`, `D`, `H`, `MIN`, `S`): `P3D`, `PT1.5H`.
pub fn iso_part(n: f64, unit: &str) -> String {
    let num = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    };
    match unit {
        "H" => format!("PT{num}H"),
        "MIN" => format!("PT{num}M"),
        "S" => format!("PT{num}S"),
        u => format!("P{num}{u}"),
    }
}

/// Duration candidate.
pub fn duration(i: usize, j: usize, iso: String, seconds: f64) -> Cand {
    Cand {
        i,
        j,
        kind: Kind::Duration,
        value: Value::Time(TimeValue::Duration { iso, seconds }),
    }
}

/// Recurrence candidate.
pub fn set(i: usize, j: usize, timex: String) -> Cand {
    Cand {
        i,
        j,
        kind: Kind::Set,
        value: Value::Time(TimeValue::Set { timex }),
    }
}
