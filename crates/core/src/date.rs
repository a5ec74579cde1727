//! Points in time and calendar dates without a date crate: the [`Timestamp`] callers pass in, parsing
//! `YYYY-MM-DD`, German and ISO formatting, adding days and months, and the UTC date and time of a timestamp.
//!
//! The core has no clock: "now" and "today" always come in as arguments. Which day it is depends on where the user
//! is, so callers pass the user's local date where a person sees "today"; UTC is used only where a format asks for it
//! (iCalendar stamps). A few lines of arithmetic (Howard Hinnant's days-from-civil algorithms) replace a dependency
//! the wasm would have to carry.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch (UTC), as the caller's clock reported them.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// Whether the time is unknown (0), as for everything saved before it was recorded.
    pub fn is_unknown(&self) -> bool {
        self.0 == 0
    }
}

const MILLISECONDS_PER_DAY: i64 = 86_400_000;

/// A day of the proleptic Gregorian calendar.
///
/// The field order makes the derived ordering chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2026.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

/// Whether a year has 29 February.
pub fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// How many days a month has; 0 for a month outside 1–12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if such a day exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (exactly four, two and two digits), rejecting days the month does not have.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (Some(year), Some(month), Some(day), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        // `parse` alone would accept a leading `+`, so the digits are checked first.
        let number = |part: &str, digits: usize| {
            (part.len() == digits && part.bytes().all(|byte| byte.is_ascii_digit()))
                .then(|| part.parse::<u16>().ok())
                .flatten()
        };
        let year = i32::from(number(year, 4)?);
        let month = u8::try_from(number(month, 2)?).ok()?;
        let day = u8::try_from(number(day, 2)?).ok()?;
        Date::new(year, month, day)
    }

    /// The date as `YYYY-MM-DD`, the form saved in measures.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date as Germans write it, `DD.MM.YYYY`.
    pub fn german(self) -> String {
        format!("{:02}.{:02}.{:04}", self.day, self.month, self.year)
    }

    /// The date as `YYYYMMDD`, the iCalendar DATE form.
    pub fn compact(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }

    /// The following day, across month and year ends.
    pub fn next_day(self) -> Date {
        self.plus_days(1)
    }

    /// The day a number of days later (earlier, for a negative number).
    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// How many days lie from this day to another: 1 for tomorrow, -1 for yesterday.
    pub fn days_until(self, other: Date) -> i64 {
        other.days_since_epoch() - self.days_since_epoch()
    }

    /// The same day some months later (or earlier, for a negative count); a day the target month lacks becomes
    /// its last day, so 31 January plus one month is the last day of February.
    pub fn add_months(self, months: i32) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = i32::try_from(index.div_euclid(12)).unwrap_or(self.year);
        // 1–12 by construction.
        let month = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// The UTC date of a timestamp.
    pub fn from_timestamp(timestamp: Timestamp) -> Date {
        Date::from_days_since_epoch(timestamp.0.div_euclid(MILLISECONDS_PER_DAY))
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        // Days are counted in years that start on 1 March, so that February's varying length comes last.
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date a number of days after 1970-01-01.
    ///
    /// Every `i64` millisecond timestamp maps to a year well inside `i32`, so the narrowing cannot fail for
    /// dates that come from timestamps; beyond that the year saturates.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let days = days + 719_468;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX }),
            // Both are in range by construction: month 1–12, day 1–31.
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }
}

impl fmt::Display for Date {
    /// Shows the ISO form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// The earliest year a date entered for a plan may have.
///
/// A browser's date field fills its year digit by digit and reports each step as a date: typing 2027 gives
/// 0002, 0020, 0202 and only then 2027. A year before 1000 is a year still being typed, never a plan.
pub const EARLIEST_ENTERED_YEAR: i32 = 1000;

/// What a date field holds, as a plan takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateEntry {
    /// Nothing: the date is cleared.
    Empty,
    /// A whole date, to be saved.
    Complete(Date),
    /// Something that is not (yet) a whole date: shown as typed and not saved.
    Incomplete,
}

impl DateEntry {
    /// Reads the value of a date field (`YYYY-MM-DD`, or empty). A year before [`EARLIEST_ENTERED_YEAR`] is
    /// still being typed.
    pub fn read(text: &str) -> DateEntry {
        let text = text.trim();
        if text.is_empty() {
            return DateEntry::Empty;
        }
        match Date::parse_iso(text) {
            Some(date) if date.year >= EARLIEST_ENTERED_YEAR => DateEntry::Complete(date),
            _ => DateEntry::Incomplete,
        }
    }

    /// The date, where the entry is a whole one.
    pub fn date(self) -> Option<Date> {
        match self {
            DateEntry::Complete(date) => Some(date),
            DateEntry::Empty | DateEntry::Incomplete => None,
        }
    }
}

/// A timestamp in UTC as `YYYYMMDDTHHMMSSZ`, the iCalendar form of DTSTAMP.
pub fn utc_stamp(timestamp: Timestamp) -> String {
    let date = Date::from_timestamp(timestamp);
    let seconds = timestamp.0.rem_euclid(MILLISECONDS_PER_DAY) / 1000;
    format!(
        "{}T{:02}{:02}{:02}Z",
        date.compact(),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2024));
        assert!(!is_leap_year(2023));
        assert!(!is_leap_year(1900), "century years are not leap years");
        assert!(is_leap_year(2000), "unless divisible by 400");
        assert_eq!(Date::parse_iso("2024-02-29"), Some(date(2024, 2, 29)));
        assert_eq!(Date::parse_iso("2023-02-29"), None);
        assert_eq!(Date::parse_iso("1900-02-29"), None);
        assert_eq!(Date::parse_iso("2000-02-29"), Some(date(2000, 2, 29)));
    }

    #[test]
    fn parsing_rejects_everything_but_four_two_two_digits_of_a_real_day() {
        for text in [
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "2026-1-05",
            "26-01-05",
            "2026-01-05-",
            "2026-01",
            "+026-01-05",
            "2026-+1-05",
            "05.01.2026",
            "",
            "２０２６-01-05",
        ] {
            assert_eq!(Date::parse_iso(text), None, "{text}");
        }
        assert_eq!(Date::parse_iso("2026-12-31"), Some(date(2026, 12, 31)));
    }

    #[test]
    fn formats_iso_german_and_compact() {
        let day = date(2026, 3, 5);
        assert_eq!(day.iso(), "2026-03-05");
        assert_eq!(day.german(), "05.03.2026");
        assert_eq!(day.compact(), "20260305");
        assert_eq!(day.to_string(), "2026-03-05");
    }

    #[test]
    fn next_day_crosses_month_year_and_leap_day() {
        assert_eq!(date(2024, 2, 28).next_day(), date(2024, 2, 29));
        assert_eq!(date(2024, 2, 29).next_day(), date(2024, 3, 1));
        assert_eq!(date(2023, 2, 28).next_day(), date(2023, 3, 1));
        assert_eq!(date(2026, 4, 30).next_day(), date(2026, 5, 1));
        assert_eq!(date(2026, 12, 31).next_day(), date(2027, 1, 1));
    }

    #[test]
    fn adding_months_keeps_the_day_or_takes_the_month_end() {
        assert_eq!(date(2026, 12, 1).add_months(24), date(2028, 12, 1));
        assert_eq!(date(2028, 12, 1).add_months(-3), date(2028, 9, 1));
        assert_eq!(date(2026, 1, 31).add_months(1), date(2026, 2, 28));
        assert_eq!(date(2024, 2, 29).add_months(24), date(2026, 2, 28));
        assert_eq!(date(2024, 2, 29).add_months(48), date(2028, 2, 29));
        assert_eq!(date(2026, 3, 31).add_months(-1), date(2026, 2, 28));
        assert_eq!(date(2026, 1, 15).add_months(-1), date(2025, 12, 15));
        assert_eq!(date(2026, 5, 15).add_months(0), date(2026, 5, 15));
    }

    #[test]
    fn timestamps_map_to_utc_dates() {
        assert_eq!(Date::from_timestamp(Timestamp(0)), date(1970, 1, 1));
        assert_eq!(Date::from_timestamp(Timestamp(-1)), date(1969, 12, 31));
        // 2024-02-29T23:59:59.999Z and one millisecond later.
        assert_eq!(
            Date::from_timestamp(Timestamp(1_709_251_199_999)),
            date(2024, 2, 29)
        );
        assert_eq!(
            Date::from_timestamp(Timestamp(1_709_251_200_000)),
            date(2024, 3, 1)
        );
        // The extremes do not panic.
        let _ = Date::from_timestamp(Timestamp(i64::MIN));
        let _ = Date::from_timestamp(Timestamp(i64::MAX));
    }

    #[test]
    fn days_since_epoch_and_its_inverse_agree_with_counting_day_by_day() {
        let mut day = date(1899, 12, 25);
        let mut days = day.days_since_epoch();
        assert_eq!(Date::from_days_since_epoch(0), date(1970, 1, 1));
        while day.year < 2101 {
            assert_eq!(Date::from_days_since_epoch(days), day);
            assert_eq!(day.days_since_epoch(), days);
            // Counting by hand: the next day by month lengths alone.
            let following = if day.day < days_in_month(day.year, day.month) {
                date(day.year, day.month, day.day + 1)
            } else if day.month < 12 {
                date(day.year, day.month + 1, 1)
            } else {
                date(day.year + 1, 1, 1)
            };
            assert_eq!(day.next_day(), following);
            day = following;
            days += 1;
        }
    }

    #[test]
    fn an_entered_date_is_whole_only_with_a_four_digit_year() {
        // Typing 15.02.2027 digit by digit: what the field reports after each digit of the year.
        assert_eq!(DateEntry::read("0002-02-15"), DateEntry::Incomplete);
        assert_eq!(DateEntry::read("0020-02-15"), DateEntry::Incomplete);
        assert_eq!(DateEntry::read("0202-02-15"), DateEntry::Incomplete);
        assert_eq!(
            DateEntry::read("2027-02-15"),
            DateEntry::Complete(date(2027, 2, 15))
        );
        // One digit too many, as a five-digit year.
        assert_eq!(DateEntry::read("20271-02-15"), DateEntry::Incomplete);
        assert_eq!(DateEntry::read("2027-02-30"), DateEntry::Incomplete);
        assert_eq!(DateEntry::read(""), DateEntry::Empty);
        assert_eq!(DateEntry::read("  "), DateEntry::Empty);
        assert_eq!(DateEntry::read("1000-01-01").date(), Some(date(1000, 1, 1)));
        assert_eq!(DateEntry::read("0999-12-31").date(), None);
    }

    #[test]
    fn days_are_added_and_counted_across_months_and_years() {
        assert_eq!(date(2026, 12, 25).plus_days(14), date(2027, 1, 8));
        assert_eq!(date(2027, 1, 8).plus_days(-14), date(2026, 12, 25));
        assert_eq!(date(2024, 2, 20).days_until(date(2024, 3, 1)), 10);
        assert_eq!(date(2024, 3, 1).days_until(date(2024, 2, 20)), -10);
    }

    #[test]
    fn utc_stamp_is_the_icalendar_form() {
        assert_eq!(utc_stamp(Timestamp(0)), "19700101T000000Z");
        // 2026-03-15T13:04:05.678Z
        assert_eq!(utc_stamp(Timestamp(1_773_579_845_678)), "20260315T130405Z");
        assert_eq!(utc_stamp(Timestamp(-1000)), "19691231T235959Z");
    }
}
