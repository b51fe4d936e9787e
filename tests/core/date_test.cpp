// Calendar dates, ISO weeks and RFC 3339 timestamps of the file format (src/core/date.hpp).

#include <doctest/doctest.h>

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
