#include "ui/cycle_support.hpp"

#include <imgui.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>

#include "ui/theme.hpp"
#include "ui/widget_probe.hpp"

namespace okr::ui::cycles {

std::string as_sentence(const std::string& text)
{
    if (text.empty())
        return text;
    std::string sentence = text;
    sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    if (sentence.back() != '.')
        sentence += '.';
    return sentence;
}

std::string count_text(size_t count, const char* one, const char* many)
{
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::vector<const Objective*> objectives_of(const Workspace& workspace, const Id& team, const Id& cycle)
{
    std::vector<const Objective*> result;
    for (const Objective& objective : workspace.objectives)
        if (objective.team == team && objective.cycle == cycle)
            result.push_back(&objective);
    return result;
}

size_t objective_count(const Workspace& workspace, const Id& cycle)
{
    size_t count = 0;
    for (const Objective& objective : workspace.objectives)
        count += objective.cycle == cycle ? 1 : 0;
    return count;
}

void error_line(const std::string& text, const std::string& probe_id)
{
    ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    widget_probe_note_last_item((text + "###" + probe_id).c_str());
}

void field_problems(const std::vector<FieldProblem>& problems, const std::string& field,
                    const std::string& probe_prefix)
{
    for (const FieldProblem& problem : problems)
        if (problem.field == field)
            error_line(problem.message, probe_prefix + field);
}

}  // namespace okr::ui::cycles
