#include "ui/form_fields.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <cstdio>
#include <cstdlib>

#include "ui/theme.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

bool is_part_of(std::string_view problem_field, std::string_view field)
{
    if (problem_field == field)
        return true;
    return problem_field.size() > field.size() && problem_field.substr(0, field.size()) == field &&
           problem_field[field.size()] == '/';
}

}  // namespace

void field_label(const char* text)
{
    ImGui::Spacing();
    muted_text(text);
}

void field_problems(const std::vector<FieldProblem>& problems, std::string_view field)
{
    for (const FieldProblem& problem : problems) {
        if (!is_part_of(problem.field, field))
            continue;
        ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
        ImGui::TextUnformatted(problem.message.c_str());
        widget_probe_note_last_item((problem.message + "###problem-" + problem.field).c_str());
        ImGui::PopStyleColor();
    }
}

bool has_problem(const std::vector<FieldProblem>& problems, std::string_view field)
{
    for (const FieldProblem& problem : problems)
        if (is_part_of(problem.field, field))
            return true;
    return false;
}

bool one_line_field(const char* id, std::string& text, const char* hint)
{
    return ImGui::InputTextWithHint(id, hint, &text, ImGuiInputTextFlags_EnterReturnsTrue);
}

void person_picker(const char* id, const std::vector<Person>& people, std::optional<Id>& chosen, float width)
{
    const Person* current = chosen ? find_by_id(people, *chosen) : nullptr;
    const std::string shown = current ? current->name : chosen ? *chosen : std::string("No owner");
    if (width > 0)
        ImGui::SetNextItemWidth(width);
    const bool picking = ImGui::BeginCombo(id, shown.c_str());
    widget_probe_note_last_item(id);
    if (!picking)
        return;
    if (ImGui::Selectable((std::string("No owner") + id + "-none").c_str(), !chosen))
        chosen.reset();
    for (const Person& person : people) {
        const std::string label = person.name + id + "-" + person.id;
        if (ImGui::Selectable(label.c_str(), chosen == person.id))
            chosen = person.id;
    }
    ImGui::EndCombo();
}

std::optional<double> parsed_number(const std::string& text, bool& readable)
{
    readable = true;
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return std::nullopt;
    const size_t last = text.find_last_not_of(" \t");
    const std::string trimmed = text.substr(first, last - first + 1);
    char* end = nullptr;
    const double value = std::strtod(trimmed.c_str(), &end);
    if (end != trimmed.c_str() + trimmed.size()) {
        readable = false;
        return std::nullopt;
    }
    return value;
}

std::string number_text(std::optional<double> value)
{
    if (!value)
        return {};
    char text[64];
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(text, sizeof text, "%.*g", digits, *value);
        if (std::strtod(text, nullptr) == *value)
            break;
    }
    return text;
}

}  // namespace okr::ui
