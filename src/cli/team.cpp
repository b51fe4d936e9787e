// `okr team`: one team's part of a cascade file (core/team_part.hpp), for the team to work
// in and to merge back later with `okr merge`.

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/text.hpp"
#include "core/export.hpp"
#include "core/import.hpp"
#include "core/team_part.hpp"

namespace okr::cli {
namespace {

TeamPartOptions options_for(const std::string& cycle)
{
    TeamPartOptions options;
    if (!cycle.empty())
        options.cycle = cycle;
    return options;
}

// "team t-sales of northwind-it.json: 1 own objective, 2 referred to"
std::string summary_line(std::string_view name, const Workspace& part, const std::string& team,
                         const std::string& cycle)
{
    const auto own = [&](const Objective& objective) {
        return objective.team == team && (cycle.empty() || objective.cycle == cycle);
    };
    const auto own_count = static_cast<size_t>(std::count_if(part.objectives.begin(), part.objectives.end(), own));

    std::string line = "team " + team + " of " + std::string(name);
    if (!cycle.empty())
        line += ", cycle " + cycle;
    line += ": " + std::to_string(own_count) + " own objective" + (own_count == 1 ? "" : "s") + ", ";
    return line + std::to_string(part.objectives.size() - own_count) + " referred to\n";
}

}  // namespace

Output team_command(std::string_view name, std::string_view bytes, const std::string& team,
                    const std::string& cycle)
{
    const ImportResult imported = import_workspace(bytes);
    if (imported.refused())
        return {exit_problems, "", refusal_lines(name, imported)};

    const TeamPartResult result = team_part(*imported.workspace, team, options_for(cycle));
    if (const auto* error = std::get_if<TeamPartError>(&result))
        return {exit_problems, "", "okr: " + std::string(name) + ": " + error->message + "\n"};

    const Workspace& part = std::get<Workspace>(result);
    return {exit_ok, export_workspace(part), summary_line(name, part, team, cycle)};
}

Output team_file(const std::string& path, const std::string& team, const std::string& cycle,
                 const std::string& output_path)
{
    const auto bytes = read_file(path);
    if (!bytes)
        return cannot_read(path);
    return with_output_file(team_command(path, *bytes, team, cycle), output_path);
}

}  // namespace okr::cli
