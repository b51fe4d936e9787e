// okr-generate: writes a synthetic OKR cascade file for benchmarks and scale tests.
//
//   okr-generate --objectives N [--seed S] [-o FILE]
//
// The same N and S always give the same bytes. Without -o the file goes to standard output.

#include <charconv>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "core/export.hpp"
#include "generator/workspace_generator.hpp"

namespace {

constexpr const char* usage = "usage: okr-generate --objectives N [--seed S] [-o FILE]\n";

template <typename Number>
std::optional<Number> number_of(std::string_view text)
{
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

struct Arguments {
    okr::bench::GeneratorOptions options;
    std::string output;  // empty: standard output
};

std::optional<Arguments> parse(int argc, char** argv)
{
    Arguments args;
    bool have_count = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        const std::string_view value = argv[i + 1];
        if (flag == "--objectives") {
            const auto n = number_of<int>(value);
            if (!n || *n < 1)
                return std::nullopt;
            args.options.objectives = *n;
            have_count = true;
        } else if (flag == "--seed") {
            const auto seed = number_of<uint64_t>(value);
            if (!seed)
                return std::nullopt;
            args.options.seed = *seed;
        } else if (flag == "-o") {
            args.output = value;
        } else {
            return std::nullopt;
        }
    }
    if (argc % 2 == 0 || !have_count)
        return std::nullopt;
    return args;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::optional<Arguments> args = parse(argc, argv);
    if (!args) {
        std::cerr << usage;
        return 2;
    }

    const std::string text = okr::export_workspace(okr::bench::generate_workspace(args->options));
    if (args->output.empty()) {
        std::cout << text;
        return std::cout ? 0 : 2;
    }
    std::ofstream file(args->output, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) {
        std::cerr << "okr-generate: cannot write " << args->output << "\n";
        return 2;
    }
    std::cerr << "okr-generate: " << args->options.objectives << " objectives, seed " << args->options.seed
              << ", " << text.size() << " bytes to " << args->output << "\n";
    return 0;
}
