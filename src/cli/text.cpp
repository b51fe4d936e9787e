#include "cli/text.hpp"

namespace okr::cli {
namespace {

// "q1.json refused: 3 problems"
std::string refused_count(std::string_view name, const ImportResult& result)
{
    const size_t count = result.refusals.size();
    return std::string(name) + " refused: " + std::to_string(count) + (count == 1 ? " problem\n" : " problems\n");
}

}  // namespace

size_t columns(std::string_view text)
{
    // Continuation bytes of UTF-8 (10xxxxxx) do not start a character.
    size_t count = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    return count;
}

std::string padded(std::string_view text, size_t width)
{
    std::string result(text);
    const size_t used = columns(text);
    if (used < width)
        result.append(width - used, ' ');
    return result;
}

std::string finding_line(const Finding& finding)
{
    return padded(to_string(finding.severity), 8) + padded(finding.rule, 25) + finding.entity.collection + "/" +
           finding.entity.id + ": " + finding.message;
}

std::string problem_line(std::string_view label, const Problem& problem)
{
    return padded(label, 8) + to_string(problem);
}

Output refused(std::string_view name, const ImportResult& result)
{
    Output output;
    output.exit_code = exit_problems;
    for (const Problem& problem : result.refusals)
        output.out += problem_line("refused", problem) + "\n";
    output.err = refused_count(name, result);
    return output;
}

std::string refusal_lines(std::string_view name, const ImportResult& result)
{
    std::string lines;
    for (const Problem& problem : result.refusals)
        lines += std::string(name) + ": " + problem_line("refused", problem) + "\n";
    return lines + refused_count(name, result);
}

Output cannot_read(std::string_view path)
{
    return {exit_usage, "", "okr: cannot read " + std::string(path) + "\n"};
}

}  // namespace okr::cli
