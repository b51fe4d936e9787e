#pragma once
// Platform for the browser: the local calendar, the file picker, downloads.

#include <map>

#include "app/platform.hpp"

namespace okr::web {

class BrowserPlatform final : public Platform {
public:
    Date today() const override;
    Timestamp now() const override;
    std::string unique_suffix() override;
    void pick_json_file(std::function<void(std::string name, std::string bytes)> opened) override;
    void download(const std::string& file_name, const std::string& text) override;
    void print_document(const std::string& title, const std::string& html) override;
    std::string example_workspace() const override;
    std::string local_time_text(int64_t unix_ms) const override;
    std::string setting(const std::string& key) const override;
    void keep_setting(const std::string& key, const std::string& value) override;
    bool prefers_dark_appearance() const override;
    void reload() override;

    // Called from browser.js when the person chose a file.
    void file_opened(int request_id, std::string name, std::string bytes);

private:
    int next_request_ = 1;
    std::map<int, std::function<void(std::string, std::string)>> picks_;
};

}  // namespace okr::web
