#pragma once
// Calendar dates and timestamps of the OKR file format.
//
// A check-in date is a day in the person's own calendar, so it is kept as a count of days
// and never passes through a time zone. Timestamps (updated_at, recorded_at, deleted_at)
// are instants in UTC; they order edits during a merge.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace okr {

class Date {
public:
    constexpr Date() = default;
    static constexpr Date from_days(int32_t days_since_1970) { return Date(days_since_1970); }

    // Null for anything but an existing day written as YYYY-MM-DD (years 0001-9999).
    static std::optional<Date> parse(std::string_view text);
    static Date from_civil(int year, unsigned month, unsigned day);

    constexpr int32_t days() const { return days_; }
    int year() const;
    unsigned month() const;
    unsigned day() const;
    // 1 = Monday ... 7 = Sunday.
    unsigned iso_weekday() const;
    std::string to_string() const;

    constexpr Date plus_days(int32_t n) const { return Date(days_ + n); }
    friend constexpr int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }
    friend constexpr auto operator<=>(Date, Date) = default;

private:
    constexpr explicit Date(int32_t days) : days_(days) {}
    int32_t days_ = 0;
};

// ISO 8601 week: the week belongs to the year that holds its Thursday.
struct IsoWeek {
    int year = 0;
    unsigned week = 0;
    friend constexpr auto operator<=>(IsoWeek, IsoWeek) = default;
};
IsoWeek iso_week_of(Date date);
// The Monday that starts the ISO week holding `date`.
Date start_of_iso_week(Date date);

// An RFC 3339 instant as written in the file, plus its value in UTC milliseconds for ordering.
struct Timestamp {
    // As the file wrote it; empty when that was the canonical form, which most are, so that
    // a large workspace does not keep (and copy) a string per timestamp.
    std::string text;
    int64_t unix_ms = 0;

    // The text as written, or the canonical form.
    std::string to_text() const;

    // Accepts RFC 3339 with any offset and any number of fraction digits.
    static std::optional<Timestamp> parse(std::string_view text);
    // Canonical UTC form with milliseconds: 2027-02-26T09:12:00.000Z
    static Timestamp from_unix_ms(int64_t unix_ms);

    friend bool operator==(const Timestamp& a, const Timestamp& b) { return a.unix_ms == b.unix_ms; }
    friend auto operator<=>(const Timestamp& a, const Timestamp& b) { return a.unix_ms <=> b.unix_ms; }
};

}  // namespace okr
