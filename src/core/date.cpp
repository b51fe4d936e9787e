#include "core/date.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace okr {
namespace {

// Days from 1970-01-01 in the proleptic Gregorian calendar, counted in 400-year eras
// so that the arithmetic stays exact for every year the format allows.
int32_t days_from_civil(int year, unsigned month, unsigned day)
{
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
    const unsigned shifted_month = month > 2 ? month - 3 : month + 9;
    const unsigned day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<int32_t>(day_of_era) - 719468;
}

struct Civil {
    int year;
    unsigned month;
    unsigned day;
};

Civil civil_from_days(int32_t days)
{
    days += 719468;
    const int era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned day_of_era = static_cast<unsigned>(days - era * 146097);
    const unsigned year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned shifted_month = (5 * day_of_year + 2) / 153;
    const unsigned day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    const unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
    const int year = static_cast<int>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
    return {year, month, day};
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(int year, unsigned month)
{
    static constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : lengths[month - 1];
}

// Reads exactly `width` ASCII digits at `pos`.
std::optional<int> digits(std::string_view text, size_t pos, size_t width)
{
    if (pos + width > text.size())
        return std::nullopt;
    int value = 0;
    for (size_t i = pos; i < pos + width; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const auto year = digits(text, 0, 4);
    const auto month = digits(text, 5, 2);
    const auto day = digits(text, 8, 2);
    if (!year || !month || !day || *year < 1 || *month < 1 || *month > 12 || *day < 1)
        return std::nullopt;
    if (static_cast<unsigned>(*day) > days_in_month(*year, static_cast<unsigned>(*month)))
        return std::nullopt;
    return from_civil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
}

Date Date::from_civil(int year, unsigned month, unsigned day)
{
    return Date(days_from_civil(year, month, day));
}

int Date::year() const { return civil_from_days(days_).year; }
unsigned Date::month() const { return civil_from_days(days_).month; }
unsigned Date::day() const { return civil_from_days(days_).day; }

unsigned Date::iso_weekday() const
{
    // 1970-01-01 was a Thursday (4).
    const int32_t from_monday = ((days_ + 3) % 7 + 7) % 7;
    return static_cast<unsigned>(from_monday) + 1;
}

std::string Date::to_string() const
{
    const Civil c = civil_from_days(days_);
    // Sized for any int the compiler can imagine, so -Wformat-truncation stays quiet.
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", c.year, c.month, c.day);
    return buffer;
}

Date start_of_iso_week(Date date) { return date.plus_days(-static_cast<int32_t>(date.iso_weekday() - 1)); }

IsoWeek iso_week_of(Date date)
{
    const Date thursday = start_of_iso_week(date).plus_days(3);
    const int year = thursday.year();
    const Date first_of_year = Date::from_civil(year, 1, 1);
    return {year, static_cast<unsigned>((thursday - first_of_year) / 7 + 1)};
}

std::optional<Timestamp> Timestamp::parse(std::string_view text)
{
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
    if (text.size() < 20)
        return std::nullopt;
    const auto date = Date::parse(text.substr(0, 10));
    if (!date || (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    const auto hour = digits(text, 11, 2);
    const auto minute = digits(text, 14, 2);
    const auto second = digits(text, 17, 2);
    if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60)
        return std::nullopt;

    size_t pos = 19;
    int64_t millis = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        const size_t first = pos;
        int64_t scale = 100;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            millis += (text[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == first)
            return std::nullopt;
    }

    int64_t offset_minutes = 0;
    if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
        ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const auto off_hour = digits(text, pos + 1, 2);
        const auto off_minute = digits(text, pos + 4, 2);
        if (!off_hour || !off_minute || pos + 3 >= text.size() || text[pos + 3] != ':' || *off_hour > 23 ||
            *off_minute > 59)
            return std::nullopt;
        offset_minutes = (*off_hour * 60 + *off_minute) * (text[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != text.size())
        return std::nullopt;

    // A leap second is ordered as the last millisecond of its minute's 59th second.
    const int64_t seconds = std::min(*second, 59);
    const int64_t local_ms =
        ((static_cast<int64_t>(date->days()) * 24 + *hour) * 60 + *minute) * 60000 + seconds * 1000 + millis;
    const bool canonical = text.size() == 24 && text[10] == 'T' && text[19] == '.' && text[23] == 'Z' &&
                           *second <= 59;
    return Timestamp{canonical ? std::string() : std::string(text), local_ms - offset_minutes * 60000};
}

std::string Timestamp::to_text() const { return text.empty() ? from_unix_ms(unix_ms).text : text; }

Timestamp Timestamp::from_unix_ms(int64_t unix_ms)
{
    const int64_t day_ms = 86400000;
    const int64_t days = (unix_ms >= 0 ? unix_ms : unix_ms - (day_ms - 1)) / day_ms;
    const int64_t in_day = unix_ms - days * day_ms;
    const Date date = Date::from_days(static_cast<int32_t>(days));
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d.%03dZ", date.to_string().c_str(),
                  static_cast<int>(in_day / 3600000), static_cast<int>(in_day / 60000 % 60),
                  static_cast<int>(in_day / 1000 % 60), static_cast<int>(in_day % 1000));
    return Timestamp{buffer, unix_ms};
}

}  // namespace okr
