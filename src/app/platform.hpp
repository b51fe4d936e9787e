#pragma once
// What the interface asks of its host without knowing what the host is: the calendar,
// files the person picks, and files handed back to them.

#include <cstdint>
#include <functional>
#include <string>

#include "core/date.hpp"

namespace okr {

class Platform {
public:
    virtual ~Platform() = default;

    // Today in the person's own calendar; never derived from a UTC midnight.
    virtual Date today() const = 0;
    virtual Timestamp now() const = 0;
    // A fresh id suffix, random enough that two teammates never pick the same one.
    virtual std::string unique_suffix() = 0;

    // Asks the person for a JSON file; `opened` runs later if they choose one.
    virtual void pick_json_file(std::function<void(std::string name, std::string bytes)> opened) = 0;
    virtual void download(const std::string& file_name, const std::string& text) = 0;
    // Shows a whole HTML document on its own and asks to print it (a report's print view).
    virtual void print_document(const std::string& title, const std::string& html) = 0;
    virtual std::string example_workspace() const = 0;

    // A moment as the person's own clock and locale write it ("3 Dec 2026, 19:40").
    virtual std::string local_time_text(int64_t unix_ms) const = 0;
    // A small setting kept by the host between visits, apart from the workspaces (the
    // theme); empty when never set or when the host cannot keep it.
    virtual std::string setting(const std::string& key) const = 0;
    virtual void keep_setting(const std::string& key, const std::string& value) = 0;
    // Whether the operating system is set to a dark appearance.
    virtual bool prefers_dark_appearance() const = 0;
    // Starts the page afresh (after a newer version of the app took over the storage).
    virtual void reload() = 0;
};

}  // namespace okr
