// The `okr` command-line tool: reads the local date and the time, runs the command, prints
// its output.

#include <chrono>
#include <ctime>
#include <iostream>

#include "cli/commands.hpp"

namespace {

okr::Date local_today()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return okr::Date::from_civil(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                                 static_cast<unsigned>(local.tm_mday));
}

okr::Timestamp now()
{
    const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    return okr::Timestamp::from_unix_ms(std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count());
}

}  // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    const okr::cli::Output output = okr::cli::run(args, local_today(), now());
    std::cout << output.out;
    std::cerr << output.err;
    return output.exit_code;
}
