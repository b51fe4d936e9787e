// The `okr` command-line tool: reads the local date, runs the command, prints its output.

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

}  // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    const okr::cli::Output output = okr::cli::run(args, local_today());
    std::cout << output.out;
    std::cerr << output.err;
    return output.exit_code;
}
