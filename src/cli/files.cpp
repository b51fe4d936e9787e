#include "cli/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/text.hpp"

namespace okr::cli {
namespace {

// `what`, and the reason the last system call gave.
std::string failure(const std::string& what)
{
    return what + ": " + std::strerror(errno);
}

// Writing through a symbolic link replaces the file it points to, not the link.
std::string resolved(const std::string& path)
{
    std::error_code error;
    if (!std::filesystem::is_symlink(path, error))
        return path;
    const std::filesystem::path target = std::filesystem::canonical(path, error);
    return error ? path : target.string();
}

// A new file beside `target`, since rename() replaces atomically only within one file
// system. Its name is one no other writer holds; it gets the umask's permissions.
int create_beside(const std::string& target, std::string& temp_path)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        temp_path = target + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(attempt);
        const int fd = open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

std::optional<std::string> write_all(int fd, const std::string& temp_path, std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t written = write(fd, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            return failure("cannot write " + temp_path);
        bytes.remove_prefix(static_cast<size_t>(written));
    }
    return std::nullopt;
}

// The content, the permissions of the file it replaces, and a flush to the disk: without
// it, a crash soon after the rename can leave an empty file under the old name.
std::optional<std::string> fill(int fd, const std::string& target, const std::string& temp_path,
                                std::string_view bytes)
{
    if (auto error = write_all(fd, temp_path, bytes))
        return error;
    struct stat existing {};
    if (stat(target.c_str(), &existing) == 0 && fchmod(fd, existing.st_mode & 07777) != 0)
        return failure("cannot give " + temp_path + " the permissions of " + target);
    if (fsync(fd) != 0)
        return failure("cannot flush " + temp_path);
    return std::nullopt;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path)
{
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        return std::nullopt;
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return std::nullopt;
    std::ostringstream text;
    text << file.rdbuf();
    if (file.bad())
        return std::nullopt;
    return text.str();
}

std::variant<std::vector<std::string>, Output> read_files(std::initializer_list<std::string> paths)
{
    std::vector<std::string> contents;
    for (const std::string& path : paths) {
        auto bytes = read_file(path);
        if (!bytes)
            return cannot_read(path);
        contents.push_back(std::move(*bytes));
    }
    return contents;
}

std::optional<std::string> write_atomically(const std::string& path, std::string_view bytes)
{
    const std::string target = resolved(path);
    std::string temp_path;
    const int fd = create_beside(target, temp_path);
    if (fd < 0)
        return failure("cannot create a file beside " + target);

    std::optional<std::string> error = fill(fd, target, temp_path, bytes);
    if (close(fd) != 0 && !error)
        error = failure("cannot write " + temp_path);
    if (!error && std::rename(temp_path.c_str(), target.c_str()) != 0)
        error = failure("cannot replace " + target);
    if (error)
        unlink(temp_path.c_str());
    return error;
}

Output with_output_file(Output output, const std::string& output_path)
{
    if (output.exit_code != exit_ok || output_path.empty())
        return output;
    if (auto error = write_atomically(output_path, output.out))
        return {exit_usage, "", "okr: " + *error + "; nothing written\n"};
    output.out.clear();
    return output;
}

}  // namespace okr::cli
