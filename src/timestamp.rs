//! Dates in the names of backup folders: the local date and time an
//! animator reads at a glance (`2026-12-01_14-05-09`), which also sort in
//! time order as plain text; the local time of day serve's terminal lines
//! show.

use std::time::SystemTime;

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// `now` as `YYYY-MM-DD_HH-MM-SS` in this PC's time zone (UTC when it has
/// none).
pub fn folder_stamp(now: SystemTime) -> String {
    folder_stamp_in(now, &TimeZone::system())
}

/// [`folder_stamp`] in a given time zone.
pub fn folder_stamp_in(now: SystemTime, zone: &TimeZone) -> String {
    let instant = Timestamp::try_from(now).unwrap_or(Timestamp::UNIX_EPOCH);
    instant
        .to_zoned_datetime(zone.clone())
        .strftime("%Y-%m-%d_%H-%M-%S")
        .to_string()
}

/// True when `name` is a [`folder_stamp`], possibly followed by `-N` (a
/// second backup in the same second).
pub fn is_folder_stamp(name: &str) -> bool {
    let (stamp, extra) = name.split_at(name.len().min(19));
    let shape = stamp.len() == 19
        && stamp.char_indices().all(|(i, c)| match i {
            4 | 7 | 13 | 16 => c == '-',
            10 => c == '_',
            _ => c.is_ascii_digit(),
        });
    shape
        && (extra.is_empty()
            || extra
                .strip_prefix('-')
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
}

/// `now` as `HH:MM:SS` in this PC's time zone (UTC when it has none):
/// when something happened.
pub fn clock(now: SystemTime) -> String {
    clock_in(now, &TimeZone::system())
}

/// [`clock`] in a given time zone.
pub fn clock_in(now: SystemTime, zone: &TimeZone) -> String {
    let instant = Timestamp::try_from(now).unwrap_or(Timestamp::UNIX_EPOCH);
    instant
        .to_zoned_datetime(zone.clone())
        .strftime("%H:%M:%S")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn stamps_are_calendar_dates_in_the_zone() {
        let leap_day = UNIX_EPOCH + Duration::from_secs(951_782_400 + 3_723);
        assert_eq!(
            folder_stamp_in(leap_day, &TimeZone::UTC),
            "2000-02-29_01-02-03"
        );
        let paris = TimeZone::get("Europe/Paris").unwrap_or(TimeZone::fixed(jiff::tz::offset(1)));
        assert_eq!(folder_stamp_in(leap_day, &paris), "2000-02-29_02-02-03");
    }

    #[test]
    fn the_clock_is_the_time_of_day_in_the_zone() {
        let leap_day = UNIX_EPOCH + Duration::from_secs(951_782_400 + 3_723);
        assert_eq!(clock_in(leap_day, &TimeZone::UTC), "01:02:03");
        let paris = TimeZone::get("Europe/Paris").unwrap_or(TimeZone::fixed(jiff::tz::offset(1)));
        assert_eq!(clock_in(leap_day, &paris), "02:02:03");
    }

    #[test]
    fn stamps_are_recognised() {
        assert!(is_folder_stamp("2026-12-01_14-05-09"));
        assert!(is_folder_stamp("2026-12-01_14-05-09-2"));
        for other in [
            "1733000000000",
            "broken-2026",
            "2026-12-01_14-05-0x",
            "2026-12-01_14-05-09-",
        ] {
            assert!(!is_folder_stamp(other), "{other}");
        }
    }
}
