#include "ui/form_fields.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <cstdio>
#include <cstdlib>

#include "ui/typed_text.hpp"
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
    const std::optional<double> value = typed_number(text);
    readable = value || trimmed(text).empty();
    return value;
}

std::string number_text(std::optional<double> value) { return value ? exact_number_text(*value) : std::string(); }

}  // namespace okr::ui
