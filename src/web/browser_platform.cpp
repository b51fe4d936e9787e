#include "web/browser_platform.hpp"

#include <cstdio>
#include <memory>

#include "web/browser_calls.hpp"

namespace okr::web {

Date BrowserPlatform::today() const
{
    int year = 0, month = 0, day = 0;
    okr_local_date(&year, &month, &day);
    return Date::from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Timestamp BrowserPlatform::now() const { return Timestamp::from_unix_ms(static_cast<int64_t>(okr_now_ms())); }

std::string BrowserPlatform::unique_suffix()
{
    // 64 random bits from the browser's CSPRNG, in base 36: short, and safe from clashes
    // between teammates who create entities offline at the same time.
    static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    uint64_t bits = (static_cast<uint64_t>(okr_random_u32()) << 32) | okr_random_u32();
    std::string suffix;
    while (bits) {
        suffix += digits[bits % 36];
        bits /= 36;
    }
    return suffix.empty() ? "0" : suffix;
}

void BrowserPlatform::pick_json_file(std::function<void(std::string, std::string)> opened)
{
    const int request = next_request_++;
    picks_[request] = std::move(opened);
    okr_pick_file(request);
}

void BrowserPlatform::file_opened(int request_id, std::string name, std::string bytes)
{
    const auto it = picks_.find(request_id);
    if (it == picks_.end())
        return;
    auto opened = std::move(it->second);
    picks_.erase(it);
    opened(std::move(name), std::move(bytes));
}

void BrowserPlatform::download(const std::string& file_name, const std::string& text)
{
    okr_download(file_name.c_str(), text.data(), static_cast<int>(text.size()));
}

void BrowserPlatform::print_document(const std::string& title, const std::string& html)
{
    okr_print_document(title.c_str(), html.c_str());
}

std::string BrowserPlatform::example_workspace() const
{
    // stdio rather than iostreams: a stream here would bring their whole machinery into the page.
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen("/assets/example.json", "rb"), std::fclose);
    std::string bytes;
    if (!file)
        return bytes;
    char chunk[16384];
    for (size_t read; (read = std::fread(chunk, 1, sizeof chunk, file.get())) > 0;)
        bytes.append(chunk, read);
    return bytes;
}

std::string BrowserPlatform::local_time_text(int64_t unix_ms) const
{
    char text[96] = {};
    okr_local_time_text(static_cast<double>(unix_ms), text, sizeof text);
    return text;
}

std::string BrowserPlatform::setting(const std::string& key) const
{
    char value[256] = {};
    okr_setting_read(key.c_str(), value, sizeof value);
    return value;
}

void BrowserPlatform::keep_setting(const std::string& key, const std::string& value)
{
    okr_setting_write(key.c_str(), value.c_str());
}

bool BrowserPlatform::prefers_dark_appearance() const { return okr_prefers_dark() != 0; }

void BrowserPlatform::reload() { okr_reload_page(); }

}  // namespace okr::web
