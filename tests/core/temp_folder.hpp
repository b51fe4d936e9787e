#pragma once
// A temporary folder for tests of commands that read and write files.

#include <doctest/doctest.h>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "method_support.hpp"

namespace okr::test {

// A new folder under the system's temporary one, removed with its files at the end.
class Folder {
public:
    Folder()
    {
        std::string name = (std::filesystem::temp_directory_path() / "okr-cli-XXXXXX").string();
        REQUIRE(mkdtemp(name.data()) != nullptr);
        path_ = name;
    }
    ~Folder()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    Folder(const Folder&) = delete;
    Folder& operator=(const Folder&) = delete;

    // The path of `name` in the folder, holding `content` unless that is null.
    std::string file(const char* name, const char* content = nullptr) const
    {
        const std::string path = (path_ / name).string();
        if (content)
            std::ofstream(path, std::ios::binary) << content;
        return path;
    }
    std::string sample(const char* name) const { return file(name, read_sample(name).c_str()); }

    // Every file name in the folder, sorted: shows that no temporary file was left behind.
    std::vector<std::string> names() const
    {
        std::vector<std::string> result;
        for (const auto& entry : std::filesystem::directory_iterator(path_))
            result.push_back(entry.path().filename().string());
        std::sort(result.begin(), result.end());
        return result;
    }

private:
    std::filesystem::path path_;
};

}  // namespace okr::test
