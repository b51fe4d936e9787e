// Calendar dates, ISO weeks and RFC 3339 timestamps of the file format (src/core/date.hpp).

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "core/date.hpp"

using namespace okr;

TEST_CASE("a date parses only as an existing day written YYYY-MM-DD")
{
    struct Row {
        const char* text;
        bool valid;
    };
    const Row rows[] = {
        {"2027-01-01", true},  {"2024-02-29", true},  {"2000-02-29", true},   {"2100-02-29", false},
        {"2027-02-29", false}, {"2027-02-30", false}, {"2027-04-31", false},  {"2027-12-31", true},
        {"2027-13-01", false}, {"2027-00-10", false}, {"2027-01-00", false},  {"0000-01-01", false},
        {"0001-01-01", true},  {"9999-12-31", true},  {"2027-1-01", false},   {"2027/01/01", false},
        {"2027-01-01T", false}, {" 2027-01-01", false}, {"", false},          {"2027-0a-01", false},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(Date::parse(row.text).has_value() == row.valid);
    }
}

TEST_CASE("a parsed date writes back as the same text")
{
    for (const char* text : {"2027-03-31", "2024-02-29", "0001-01-01", "9999-12-31", "1969-12-31"}) {
        CAPTURE(text);
        CHECK(Date::parse(text)->to_string() == text);
    }
}

TEST_CASE("dates count days from 1970-01-01 and order by them")
{
    CHECK(Date::parse("1970-01-01")->days() == 0);
    CHECK(Date::parse("1969-12-31")->days() == -1);
    CHECK(*Date::parse("2027-03-01") - *Date::parse("2027-02-28") == 1);
    CHECK(*Date::parse("2024-03-01") - *Date::parse("2024-02-28") == 2);
    CHECK(*Date::parse("2026-12-31") < *Date::parse("2027-01-01"));
    CHECK(Date::from_civil(2027, 3, 31) == *Date::parse("2027-03-31"));
    CHECK(Date::parse("2027-01-04")->plus_days(-4).to_string() == "2026-12-31");
}

TEST_CASE("iso_weekday counts Monday as 1 and Sunday as 7")
{
    CHECK(Date::parse("2027-01-04")->iso_weekday() == 1);
    CHECK(Date::parse("2027-01-01")->iso_weekday() == 5);
    CHECK(Date::parse("2027-01-03")->iso_weekday() == 7);
    CHECK(Date::parse("1970-01-01")->iso_weekday() == 4);
    CHECK(Date::parse("1969-12-28")->iso_weekday() == 7);
}

TEST_CASE("an ISO week belongs to the year of its Thursday, across year ends")
{
    struct Row {
        const char* date;
        IsoWeek week;
    };
    const Row rows[] = {
        {"2026-12-31", {2026, 53}}, {"2027-01-01", {2026, 53}}, {"2027-01-03", {2026, 53}},
        {"2027-01-04", {2027, 1}},  {"2024-12-30", {2025, 1}},  {"2021-01-03", {2020, 53}},
        {"2021-01-04", {2021, 1}},  {"2027-03-31", {2027, 13}}, {"2020-12-31", {2020, 53}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.date);
        const IsoWeek week = iso_week_of(*Date::parse(row.date));
        CHECK(week.year == row.week.year);
        CHECK(week.week == row.week.week);
    }
    CHECK(start_of_iso_week(*Date::parse("2027-01-01")).to_string() == "2026-12-28");
}

// ---- ISO weeks and leap days, checked against computations written apart from the core ---

namespace {

bool leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned month_length(int year, unsigned month)
{
    if (month == 2)
        return leap_year(year) ? 29 : 28;
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
}

// Sakamoto's rule, from the Gregorian calendar alone: 1 = Monday ... 7 = Sunday.
unsigned weekday_by_rule(int year, unsigned month, unsigned day)
{
    static constexpr int offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    const int y = month < 3 ? year - 1 : year;
    const int sunday_first = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + static_cast<int>(day)) % 7;
    return sunday_first == 0 ? 7 : static_cast<unsigned>(sunday_first);
}

unsigned day_of_year(int year, unsigned month, unsigned day)
{
    unsigned ordinal = day;
    for (unsigned m = 1; m < month; ++m)
        ordinal += month_length(year, m);
    return ordinal;
}

// A year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year.
unsigned iso_weeks_in(int year)
{
    const unsigned january_first = weekday_by_rule(year, 1, 1);
    return january_first == 4 || (january_first == 3 && leap_year(year)) ? 53 : 52;
}

// ISO 8601's own recipe: week = (ordinal day - weekday + 10) / 7, then fix the ends.
IsoWeek iso_week_by_rule(int year, unsigned month, unsigned day)
{
    const int week = (static_cast<int>(day_of_year(year, month, day)) -
                      static_cast<int>(weekday_by_rule(year, month, day)) + 10) / 7;
    if (week < 1)
        return {year - 1, iso_weeks_in(year - 1)};
    if (static_cast<unsigned>(week) > iso_weeks_in(year))
        return {year + 1, 1};
    return {year, static_cast<unsigned>(week)};
}

// glibc's strftime("%G-W%V"), a third opinion natively. Emscripten 3.1.6's is wrong on some
// year ends, which is why the core never asks the C library for weeks.
std::string iso_week_by_glibc(int year, unsigned month, unsigned day)
{
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = static_cast<int>(month) - 1;
    tm.tm_mday = static_cast<int>(day);
    tm.tm_wday = static_cast<int>(weekday_by_rule(year, month, day) % 7);
    tm.tm_yday = static_cast<int>(day_of_year(year, month, day)) - 1;
    char text[32];
    std::strftime(text, sizeof text, "%G-W%V", &tm);
    return text;
}

std::string to_text(IsoWeek week)
{
    char text[32];
    std::snprintf(text, sizeof text, "%04d-W%02u", week.year, week.week);
    return text;
}

}  // namespace

TEST_CASE("every day from 1990 to 2040 has the weekday and ISO week the calendar's rules give")
{
    int days_checked = 0, mismatches = 0;
    std::string first_mismatch;
    for (int year = 1990; year <= 2040; ++year) {
        for (unsigned month = 1; month <= 12; ++month) {
            for (unsigned day = 1; day <= month_length(year, month); ++day) {
                const Date date = Date::from_civil(year, month, day);
                const std::string core = to_text(iso_week_of(date)) + " day " + std::to_string(date.iso_weekday());
                const std::string rule = to_text(iso_week_by_rule(year, month, day)) + " day " +
                                         std::to_string(weekday_by_rule(year, month, day));
                const std::string glibc = iso_week_by_glibc(year, month, day);
                ++days_checked;
                if (core != rule || core.substr(0, glibc.size()) != glibc) {
                    if (mismatches++ == 0)
                        first_mismatch = date.to_string() + ": core " + core + ", rule " + rule + ", glibc " + glibc;
                }
            }
        }
    }
    CHECK(days_checked == 18628);
    CHECK_MESSAGE(mismatches == 0, first_mismatch);
}

TEST_CASE("every year end from 1990 to 2040: the last and first days land in the right weeks")
{
    for (int year = 1990; year <= 2040; ++year) {
        CAPTURE(year);
        // December 28 always lies in the last week of its year, January 4 in the first.
        CHECK(iso_week_of(Date::from_civil(year, 12, 28)) == IsoWeek{year, iso_weeks_in(year)});
        CHECK(iso_week_of(Date::from_civil(year, 1, 4)) == IsoWeek{year, 1});
        for (unsigned day = 25; day <= 31; ++day)
            CHECK(iso_week_of(Date::from_civil(year, 12, day)) == iso_week_by_rule(year, 12, day));
        for (unsigned day = 1; day <= 7; ++day)
            CHECK(iso_week_of(Date::from_civil(year, 1, day)) == iso_week_by_rule(year, 1, day));
        // A week starts on the Monday, even when that Monday is in the year before.
        CHECK(start_of_iso_week(Date::from_civil(year, 1, 4)).iso_weekday() == 1);
        CHECK(Date::from_civil(year, 1, 4) - start_of_iso_week(Date::from_civil(year, 1, 4)) < 7);
    }
}

TEST_CASE("the year ends that trip up week calculations")
{
    struct Row {
        const char* date;
        IsoWeek week;
        unsigned weekday;
    };
    const Row rows[] = {
        {"2020-12-31", {2020, 53}, 4}, {"2021-01-03", {2020, 53}, 7}, {"2026-12-28", {2026, 53}, 1},
        {"2027-01-01", {2026, 53}, 5}, {"2027-01-04", {2027, 1}, 1},  {"2008-12-29", {2009, 1}, 1},
        {"2010-01-03", {2009, 53}, 7}, {"2015-12-31", {2015, 53}, 4}, {"2016-01-03", {2015, 53}, 7},
        {"1992-12-31", {1992, 53}, 4}, {"2032-12-31", {2032, 53}, 5}, {"2033-01-02", {2032, 53}, 7},
        {"2037-12-31", {2037, 53}, 4}, {"2019-12-30", {2020, 1}, 1},  {"2024-12-30", {2025, 1}, 1},
        {"2025-12-29", {2026, 1}, 1},  {"2004-12-31", {2004, 53}, 5}, {"2005-01-02", {2004, 53}, 7},
        {"1998-12-31", {1998, 53}, 4}, {"1999-01-03", {1998, 53}, 7}, {"2040-12-31", {2041, 1}, 1},
    };
    for (const Row& row : rows) {
        CAPTURE(row.date);
        const Date date = *Date::parse(row.date);
        CHECK(to_text(iso_week_of(date)) == to_text(row.week));
        CHECK(date.iso_weekday() == row.weekday);
    }
    CHECK(start_of_iso_week(*Date::parse("2021-01-03")).to_string() == "2020-12-28");
    CHECK(start_of_iso_week(*Date::parse("2026-12-28")).to_string() == "2026-12-28");
    CHECK(start_of_iso_week(*Date::parse("2041-01-06")).to_string() == "2040-12-31");
}

TEST_CASE("leap days exist every four years except in centuries not divisible by 400")
{
    for (const char* text : {"1996-02-29", "2000-02-29", "2020-02-29", "2024-02-29", "2400-02-29"}) {
        CAPTURE(text);
        REQUIRE(Date::parse(text));
        CHECK(Date::parse(text)->to_string() == text);
    }
    for (const char* text : {"1900-02-29", "2023-02-29", "2100-02-29", "2200-02-29", "2024-02-30"}) {
        CAPTURE(text);
        CHECK_FALSE(Date::parse(text));
    }
    CHECK(Date::parse("2024-02-28")->plus_days(1).to_string() == "2024-02-29");
    CHECK(Date::parse("2024-02-29")->plus_days(1).to_string() == "2024-03-01");
    CHECK(Date::parse("2023-02-28")->plus_days(1).to_string() == "2023-03-01");
    CHECK(Date::parse("2100-02-28")->plus_days(1).to_string() == "2100-03-01");
    CHECK(*Date::parse("2025-01-01") - *Date::parse("2024-01-01") == 366);
    CHECK(*Date::parse("2101-01-01") - *Date::parse("2100-01-01") == 365);
    CHECK(*Date::parse("2001-01-01") - *Date::parse("2000-01-01") == 366);
    // Leap days take their week from their own calendar position.
    CHECK(to_text(iso_week_of(*Date::parse("2024-02-29"))) == "2024-W09");
    CHECK(Date::parse("2024-02-29")->iso_weekday() == 4);
    CHECK(to_text(iso_week_of(*Date::parse("2020-02-29"))) == "2020-W09");
    CHECK(Date::parse("2020-02-29")->iso_weekday() == 6);
    CHECK(to_text(iso_week_of(*Date::parse("2000-02-29"))) == "2000-W09");
}

TEST_CASE("the first and last days the format allows have weeks too")
{
    CHECK(Date::parse("0001-01-01")->iso_weekday() == 1);
    CHECK(to_text(iso_week_of(*Date::parse("0001-01-01"))) == "0001-W01");
    CHECK(to_text(iso_week_of(*Date::parse("9999-12-31"))) == "9999-W52");
    CHECK(Date::parse("9999-12-31")->iso_weekday() == 5);
}

// ---- dates near midnight: a calendar date never goes through a time zone ------------------

namespace {

// Sets TZ for the scope of one check and puts the previous value back.
class TimeZone {
public:
    explicit TimeZone(const char* zone)
    {
        if (const char* old = std::getenv("TZ"))
            previous_ = old;
        setenv("TZ", zone, 1);
        tzset();
    }
    ~TimeZone()
    {
        if (previous_)
            setenv("TZ", previous_->c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }
    TimeZone(const TimeZone&) = delete;
    TimeZone& operator=(const TimeZone&) = delete;

private:
    std::optional<std::string> previous_;
};

}  // namespace

TEST_CASE("a date reads, writes and counts the same under every time zone")
{
    const Date new_year_eve = *Date::parse("2026-12-31");
    for (const char* zone : {"Pacific/Kiritimati", "Pacific/Auckland", "Asia/Kolkata", "Europe/Berlin",
                             "America/Los_Angeles", "Pacific/Pago_Pago", "America/Santiago"}) {
        CAPTURE(zone);
        const TimeZone in_zone(zone);
        CHECK(Date::parse("2026-12-31") == new_year_eve);
        CHECK(new_year_eve.to_string() == "2026-12-31");
        CHECK(to_text(iso_week_of(new_year_eve)) == "2026-W53");
        CHECK(new_year_eve.plus_days(1).to_string() == "2027-01-01");
        CHECK(Timestamp::parse("2027-01-01T00:01:00+14:00")->unix_ms == 1798711260000);
    }
}

TEST_CASE("a minute either side of local midnight, the instant follows the offset written")
{
    struct Row {
        const char* local;
        const char* utc;
    };
    const Row rows[] = {
        {"2026-12-31T23:59:00+14:00", "2026-12-31T09:59:00.000Z"},  // Kiritimati
        {"2027-01-01T00:01:00+14:00", "2026-12-31T10:01:00.000Z"},
        {"2026-12-31T23:59:00+13:00", "2026-12-31T10:59:00.000Z"},  // Auckland, summer time
        {"2027-01-01T00:01:00+05:30", "2026-12-31T18:31:00.000Z"},  // Kolkata
        {"2026-12-31T23:59:00-08:00", "2027-01-01T07:59:00.000Z"},  // Los Angeles
        {"2027-01-01T00:01:00-08:00", "2027-01-01T08:01:00.000Z"},
        {"2026-09-05T23:59:00-04:00", "2026-09-06T03:59:00.000Z"},  // Santiago: midnight is skipped
        {"2026-09-06T01:01:00-03:00", "2026-09-06T04:01:00.000Z"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.local);
        CHECK(Timestamp::from_unix_ms(Timestamp::parse(row.local)->unix_ms).text == row.utc);
    }
    // New Year's Day in Kiritimati comes before New Year's Eve ends in Los Angeles.
    CHECK(*Timestamp::parse("2027-01-01T00:01:00+14:00") < *Timestamp::parse("2026-12-31T23:59:00-08:00"));
}

TEST_CASE("timestamps parse RFC 3339 with any offset and fraction")
{
    struct Row {
        const char* text;
        bool valid;
    };
    const Row rows[] = {
        {"2027-02-26T09:12:00.000Z", true},      {"2027-02-26T09:12:00Z", true},
        {"2027-02-26T09:12:00.123456+01:00", true}, {"2027-02-26t09:12:00z", true},
        {"2027-02-26T09:12:60Z", true},          {"2027-02-26 09:12:00Z", false},
        {"2027-02-26T09:12:00", false},          {"2027-02-26T24:00:00Z", false},
        {"2027-02-30T09:12:00Z", false},         {"2027-02-26T09:12:00.Z", false},
        {"2027-02-26T09:12:00+0100", false},     {"2027-02-26T09:12:00Zjunk", false},
        {"yesterday", false},                    {"", false},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(Timestamp::parse(row.text).has_value() == row.valid);
    }
}

TEST_CASE("timestamps order by instant, whatever their offsets")
{
    const Timestamp utc = *Timestamp::parse("2027-02-26T09:00:00Z");
    const Timestamp zurich = *Timestamp::parse("2027-02-26T10:00:00+01:00");
    const Timestamp new_york = *Timestamp::parse("2027-02-26T03:30:00-05:00");
    CHECK(utc == zurich);
    CHECK(new_york < utc);
    CHECK(*Timestamp::parse("2027-02-26T09:00:00.001Z") > zurich);
    CHECK(*Timestamp::parse("2027-02-27T00:30:00+01:00") < *Timestamp::parse("2027-02-26T23:45:00Z"));
    CHECK(zurich.text == "2027-02-26T10:00:00+01:00");
}

TEST_CASE("a timestamp from milliseconds is written in canonical UTC form")
{
    CHECK(Timestamp::from_unix_ms(0).text == "1970-01-01T00:00:00.000Z");
    CHECK(Timestamp::from_unix_ms(-1).text == "1969-12-31T23:59:59.999Z");
    const Timestamp parsed = *Timestamp::parse("2027-02-26T10:12:00.5+01:00");
    CHECK(Timestamp::from_unix_ms(parsed.unix_ms).text == "2027-02-26T09:12:00.500Z");
}

TEST_CASE("a timestamp in canonical form keeps no text of its own; any other form is kept as written")
{
    const auto canonical = Timestamp::parse("2027-02-26T09:12:00.500Z");
    REQUIRE(canonical);
    CHECK(canonical->text.empty());
    CHECK(canonical->to_text() == "2027-02-26T09:12:00.500Z");

    for (const char* written : {"2027-02-26T09:12:00Z", "2027-02-26T10:12:00.500+01:00", "2027-02-26t09:12:00.500Z",
                                "2027-02-26T09:12:00.5000Z", "2016-12-31T23:59:60.000Z"}) {
        const auto kept = Timestamp::parse(written);
        REQUIRE(kept);
        CHECK(kept->text == written);
        CHECK(kept->to_text() == written);
    }
}
