#include "ui/kpi_board.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>

#include "core/kpi_health.hpp"
#include "ui/typed_text.hpp"
#include "ui/format.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

constexpr float sparkline_width = 160.0f;
constexpr float sparkline_height = 40.0f;
constexpr float figures_width = 150.0f;

std::string health_label(KpiHealth health)
{
    switch (health) {
    case KpiHealth::healthy: return "Healthy";
    case KpiHealth::breached: return "Below floor";
    case KpiHealth::unknown: return "No reading yet";
    }
    return "";
}

ImU32 health_colour(KpiHealth health)
{
    switch (health) {
    case KpiHealth::healthy: return colour::green;
    case KpiHealth::breached: return colour::red;
    case KpiHealth::unknown: return colour::muted_text;
    }
    return colour::muted_text;
}

// "Floor 95% · higher is better": what healthy means for this KPI.
std::string floor_text(const Kpi& kpi)
{
    const char* side = kpi.direction == KpiDirection::higher_is_better ? "higher is better" : "lower is better";
    return "Floor " + format_value(kpi.floor, kpi.unit) + " · " + side;
}

std::vector<const KpiReading*> readings_by_date(const Kpi& kpi)
{
    std::vector<const KpiReading*> readings;
    if (!kpi.readings)
        return readings;
    for (const KpiReading& reading : *kpi.readings)
        readings.push_back(&reading);
    std::stable_sort(readings.begin(), readings.end(),
                     [](const KpiReading* a, const KpiReading* b) { return a->date < b->date; });
    return readings;
}

// The readings in date order as a line, with the floor as a dashed rule: where the line
// dips below the rule is where the KPI was breached.
void sparkline(const Kpi& kpi)
{
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(sparkline_width, sparkline_height));
    const std::vector<const KpiReading*> readings = readings_by_date(kpi);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (readings.empty()) {
        draw->AddLine(ImVec2(origin.x, origin.y + sparkline_height * 0.5f),
                      ImVec2(origin.x + sparkline_width, origin.y + sparkline_height * 0.5f), colour::card_border);
        return;
    }
    double low = kpi.floor, high = kpi.floor;
    for (const KpiReading* reading : readings) {
        low = std::min(low, reading->value);
        high = std::max(high, reading->value);
    }
    const double span = high - low > 0 ? high - low : 1.0;
    const auto y_of = [&](double value) {
        return origin.y + 4 + static_cast<float>((high - value) / span) * (sparkline_height - 8);
    };
    const float step = readings.size() > 1 ? sparkline_width / static_cast<float>(readings.size() - 1) : 0;
    for (float x = 0; x < sparkline_width; x += 8)
        draw->AddLine(ImVec2(origin.x + x, y_of(kpi.floor)), ImVec2(origin.x + x + 4, y_of(kpi.floor)),
                      colour::muted_text);
    std::vector<ImVec2> points;
    for (size_t i = 0; i < readings.size(); ++i)
        points.emplace_back(origin.x + step * static_cast<float>(i), y_of(readings[i]->value));
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour::accent, 0, 2.0f);
    draw->AddCircleFilled(points.back(), 3.5f, health_colour(kpi_health(kpi)));
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        for (const KpiReading* reading : readings)
            ImGui::Text("%s   %s", reading->date.to_string().c_str(), format_value(reading->value, kpi.unit).c_str());
        ImGui::EndTooltip();
    }
}

// A problem of the form under its field, in red.
void field_problem(const std::map<std::string, std::string>& problems, const std::string& field)
{
    const auto found = problems.find(field);
    if (found == problems.end())
        return;
    ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
    ImGui::TextWrapped("%s", found->second.c_str());
    ImGui::PopStyleColor();
    widget_probe_note_last_item((found->second + "###kpi-problem-" + field).c_str());
}

}  // namespace

void KpiBoard::draw(Session& session, Platform& platform, ViewState& view, const Fonts& fonts)
{
    const Workspace& workspace = session.workspace();
    draw_header(workspace, fonts);
    ImGui::BeginChild("kpi-board", ImVec2(0, 0), false);
    if (workspace.kpis.empty())
        draw_empty(fonts);
    for (const Kpi& kpi : workspace.kpis)
        draw_kpi(session, platform, view, fonts, kpi);
    ImGui::EndChild();
    view.kpi.clear();  // brought forward once

    draw_form(session, platform, fonts);
    draw_delete_confirmation(session, platform);
}

void KpiBoard::draw_header(const Workspace& workspace, const Fonts& fonts)
{
    ImGui::Spacing();
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("KPIs");
    ImGui::PopFont();
    if (!workspace.kpis.empty()) {
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - 110);
        if (primary_button("New KPI###kpi-new", 110))
            open_form(nullptr);
        int breached = 0;
        for (const Kpi& kpi : workspace.kpis)
            breached += kpi_health(kpi) == KpiHealth::breached ? 1 : 0;
        const std::string summary = std::to_string(workspace.kpis.size()) + " KPIs guard the floor while the OKRs "
                                    "raise the ceiling · " +
                                    (breached == 0 ? std::string("all at or above their floor")
                                                   : std::to_string(breached) + " below the floor");
        muted_text(summary.c_str());
    }
    ImGui::Spacing();
}

void KpiBoard::draw_empty(const Fonts& fonts)
{
    begin_card("kpi-empty");
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("No KPIs yet");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 560);
    ImGui::TextWrapped("A KPI is a health metric the business must keep while the OKRs push for change: "
                       "uptime, gross margin, churn. Give it a floor, record its readings, and link it to the "
                       "objectives it guards; the board shows at a glance when one slips below its floor.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (primary_button("New KPI###kpi-new-empty", 120))
        open_form(nullptr);
    end_card();
}

void KpiBoard::draw_kpi(Session& session, Platform& platform, ViewState& view, const Fonts& fonts, const Kpi& kpi)
{
    const Workspace& workspace = session.workspace();
    if (view.kpi == kpi.id)
        ImGui::SetScrollHereY(0.1f);
    begin_card(("kpi-" + kpi.id).c_str());
    ImGui::PushID(kpi.id.c_str());
    const float width = ImGui::GetContentRegionAvail().x;

    ImGui::BeginGroup();
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(kpi.name.c_str());
    ImGui::PopFont();
    const Team* team = kpi.team ? find_by_id(workspace.teams, *kpi.team) : nullptr;
    ImGui::PushFont(fonts.small);
    muted_text(((team ? team->name : std::string("No team")) + "  ·  " + floor_text(kpi)).c_str());
    ImGui::PopFont();
    draw_guarded(workspace, view, kpi);
    ImGui::EndGroup();

    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12, width - sparkline_width - figures_width - 24));
    sparkline(kpi);
    ImGui::SameLine(0, 24);
    draw_figures(kpi, fonts);

    ImGui::Spacing();
    draw_reading_entry(session, platform, kpi);
    ImGui::SameLine(0, 24);
    if (ImGui::Button(("Edit###kpi-edit-" + kpi.id).c_str()))
        open_form(&kpi);
    ImGui::SameLine();
    if (ImGui::Button(("Delete…###kpi-delete-" + kpi.id).c_str())) {
        deleting_ = plan_deletion(workspace, EntityKind::kpi, kpi.id);
        delete_requested_ = true;
        delete_error_.clear();
    }
    const ReadingEntry& entry = entries_[kpi.id];
    if (!entry.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
        ImGui::TextWrapped("%s", entry.error.c_str());
        ImGui::PopStyleColor();
        widget_probe_note_last_item((entry.error + "###kpi-reading-error-" + kpi.id).c_str());
    }
    ImGui::PopID();
    end_card();
}

// The latest reading, large, with the core's verdict on it.
void KpiBoard::draw_figures(const Kpi& kpi, const Fonts& fonts)
{
    ImGui::BeginGroup();
    const KpiReading* latest = latest_reading(kpi);
    const KpiHealth health = kpi_health(kpi);
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(latest ? format_value(latest->value, kpi.unit).c_str() : "–");
    ImGui::PopFont();
    badge(health_label(health).c_str(), health_colour(health), false);
    widget_probe_note_last_item((health_label(health) + "###kpi-health-" + kpi.id).c_str());
    if (latest) {
        ImGui::PushFont(fonts.small);
        muted_text(("on " + latest->date.to_string()).c_str());
        ImGui::PopFont();
    }
    ImGui::EndGroup();
}

// The objectives listing this KPI, each a link into the cascade.
void KpiBoard::draw_guarded(const Workspace& workspace, ViewState& view, const Kpi& kpi)
{
    std::vector<const Objective*> guarded;
    for (const Objective& objective : workspace.objectives) {
        const auto& kpis = objective.kpis.value_or(std::vector<Id>{});
        if (std::find(kpis.begin(), kpis.end(), kpi.id) != kpis.end())
            guarded.push_back(&objective);
    }
    if (guarded.empty()) {
        muted_text("Guards no objective yet: list it on an objective that must not push it below its floor.");
        return;
    }
    muted_text("Guards");
    for (const Objective* objective : guarded) {
        const Cycle* cycle = find_by_id(workspace.cycles, objective->cycle);
        const std::string label = objective->title + (cycle ? "  (" + cycle->name + ")" : std::string()) +
                                  "###kpi-guards-" + kpi.id + "-" + objective->id;
        ImGui::PushStyleColor(ImGuiCol_Text, colour::accent);
        ImGui::Bullet();
        ImGui::SameLine();
        if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(ImGui::CalcTextSize(label.c_str(), nullptr, true).x, 0)))
            go_to(view, workspace, "objectives", objective->id);
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered())
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
}

void KpiBoard::draw_reading_entry(Session& session, Platform& platform, const Kpi& kpi)
{
    ReadingEntry& entry = entries_[kpi.id];
    if (entry.date.empty())
        entry.date = platform.today().to_string();
    ImGui::AlignTextToFramePadding();
    muted_text("New reading");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    const bool date_entered = ImGui::InputText(("###kpi-reading-date-" + kpi.id).c_str(), &entry.date,
                                               ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    if (entry.focus_value) {
        ImGui::SetKeyboardFocusHere();
        entry.focus_value = false;
    }
    const std::string hint = kpi.unit ? "value in " + *kpi.unit : std::string("value");
    const bool value_entered = ImGui::InputTextWithHint(("###kpi-reading-value-" + kpi.id).c_str(), hint.c_str(),
                                                        &entry.value, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button(("Add reading###kpi-reading-add-" + kpi.id).c_str()) || date_entered || value_entered)
        save_reading(session, platform, kpi);
}

// The reading joins the KPI's others through save_kpi, so the date is checked as the
// importer checks it; one saved reading is one undoable step.
void KpiBoard::save_reading(Session& session, Platform& platform, const Kpi& kpi)
{
    ReadingEntry& entry = entries_[kpi.id];
    const std::optional<double> value = typed_number(entry.value);
    const std::optional<Date> date = Date::parse(trimmed(entry.date));
    entry.error.clear();
    if (!date)
        entry.error = "Not saved. The date must be a day of the calendar written as YYYY-MM-DD, such as " +
                      platform.today().to_string() + ". ";
    if (!value)
        entry.error += std::string(entry.error.empty() ? "Not saved. " : "") + "The value must be a number, such as " +
                       format_number(kpi.floor) + ".";
    if (!entry.error.empty())
        return;

    KpiDraft draft = draft_from(kpi);
    draft.readings.push_back({date->to_string(), *value});
    EditResult result = save_kpi(session.workspace(), draft, kpi.id, "", platform.now());
    if (const auto* refused = std::get_if<EditRefused>(&result)) {
        entry.error = "Not saved. " + refused->message;
        return;
    }
    session.apply(std::get<ChangeSet>(std::move(result)), platform.now());
    entry.value.clear();
    entry.focus_value = true;  // the next reading can be typed straight away
}

void KpiBoard::open_form(const Kpi* kpi)
{
    form_ = Form{};
    form_.open = true;
    if (kpi) {
        form_.editing = kpi->id;
        form_.name = kpi->name;
        form_.team = kpi->team;
        form_.unit = kpi->unit.value_or("");
        form_.direction = kpi->direction;
        form_.floor = format_number(kpi->floor);
        // format_number keeps two decimals: a floor with more is written out in full.
        if (typed_number(form_.floor) != kpi->floor)
            form_.floor = std::to_string(kpi->floor);
    }
    form_requested_ = true;
}

void KpiBoard::draw_form(Session& session, Platform& platform, const Fonts& fonts)
{
    const char* popup = "KPI###kpi-form";
    if (form_requested_) {
        ImGui::OpenPopup(popup);
        form_requested_ = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    // As tall as its content, which grows when a problem shows under a field.
    ImGui::SetNextWindowSizeConstraints(ImVec2(480, 0), ImVec2(480, FLT_MAX));
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize;
    if (!ImGui::BeginPopupModal(popup, nullptr, flags))
        return;
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(form_.editing ? "Edit KPI" : "New KPI");
    ImGui::PopFont();
    ImGui::Spacing();
    draw_form_fields(session.workspace());
    if (!form_.refusal.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
        ImGui::TextWrapped("%s", form_.refusal.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    if (primary_button("Save###kpi-save", 100))
        save_form(session, platform);
    ImGui::SameLine();
    // Escape closes an open team list first, and a held key does not close the form too.
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) &&
                        !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (ImGui::Button("Cancel###kpi-cancel", ImVec2(100, 0)) || escape)
        form_.open = false;
    if (!form_.open)
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void KpiBoard::draw_form_fields(const Workspace& workspace)
{
    const auto label = [](const char* text) {
        ImGui::Spacing();
        ImGui::TextUnformatted(text);
    };
    label("Name");
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("###kpi-name", "Gross margin", &form_.name);
    field_problem(form_.problems, "name");

    label("Team");
    ImGui::SetNextItemWidth(-1);
    const Team* team = form_.team ? find_by_id(workspace.teams, *form_.team) : nullptr;
    const std::string shown = team ? team->name : form_.team ? *form_.team : std::string("No team");
    const bool picking = ImGui::BeginCombo("###kpi-team", shown.c_str());
    widget_probe_note_last_item("###kpi-team");
    if (picking) {
        if (ImGui::Selectable("No team###kpi-team-none", !form_.team))
            form_.team.reset();
        for (const Team& t : workspace.teams)
            if (ImGui::Selectable((t.name + "###kpi-team-" + t.id).c_str(), form_.team == t.id))
                form_.team = t.id;
        ImGui::EndCombo();
    }
    field_problem(form_.problems, "team");

    label("Unit");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("###kpi-unit", "%, h, EUR (optional)", &form_.unit);
    field_problem(form_.problems, "unit");

    label("Healthy when the reading is");
    if (ImGui::RadioButton("at or above the floor###kpi-higher", form_.direction == KpiDirection::higher_is_better))
        form_.direction = KpiDirection::higher_is_better;
    ImGui::SameLine();
    if (ImGui::RadioButton("at or below the floor###kpi-lower", form_.direction == KpiDirection::lower_is_better))
        form_.direction = KpiDirection::lower_is_better;

    label("Floor");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("###kpi-floor", "33", &form_.floor);
    field_problem(form_.problems, "floor");
}

// The form's numbers are checked here, since the draft holds a double; every other field
// is checked by save_kpi, and each problem shows under its field.
void KpiBoard::save_form(Session& session, Platform& platform)
{
    const Workspace& workspace = session.workspace();
    form_.problems.clear();
    form_.refusal.clear();
    const std::optional<double> floor = typed_number(form_.floor);

    KpiDraft draft;
    if (form_.editing)
        if (const Kpi* kpi = find_by_id(workspace.kpis, *form_.editing))
            draft = draft_from(*kpi);
    draft.name = trimmed(form_.name);
    draft.team = form_.team;
    draft.unit = trimmed(form_.unit);
    draft.direction = form_.direction;
    draft.floor = floor.value_or(0);

    EditResult result = save_kpi(workspace, draft, form_.editing, "k-" + platform.unique_suffix(), platform.now());
    if (const auto* refused = std::get_if<EditRefused>(&result)) {
        for (const FieldProblem& problem : refused->problems)
            form_.problems.emplace(problem.field, problem.message);
        if (refused->problems.empty())
            form_.refusal = refused->message;
    }
    if (!floor)
        form_.problems["floor"] = "Enter the floor as a number, such as 95 or 2.5.";
    if (!form_.problems.empty() || !form_.refusal.empty())
        return;
    session.apply(std::get<ChangeSet>(std::move(result)), platform.now());
    form_.open = false;
}

void KpiBoard::draw_delete_confirmation(Session& session, Platform& platform)
{
    const char* popup = "Delete KPI###kpi-delete-dialog";
    if (delete_requested_) {
        ImGui::OpenPopup(popup);
        delete_requested_ = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(460, 0), ImVec2(460, FLT_MAX));
    if (!ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
        return;
    widget_probe_note_window_title(popup);
    bool close = !deleting_;
    if (deleting_) {
        ImGui::TextWrapped("%s", deleting_->summary.c_str());
        widget_probe_note_last_item((deleting_->summary + "###kpi-delete-summary").c_str());
        if (!delete_error_.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
            ImGui::TextWrapped("%s", delete_error_.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Spacing();
        ImGui::BeginDisabled(!deleting_->allowed());
        if (primary_button("Delete###kpi-delete-confirm", 100)) {
            EditResult result = delete_entity(session.workspace(), *deleting_, platform.now());
            if (const auto* refused = std::get_if<EditRefused>(&result)) {
                delete_error_ = refused->message;
            } else {
                session.apply(std::get<ChangeSet>(std::move(result)), platform.now());
                close = true;
            }
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel###kpi-delete-cancel", ImVec2(100, 0)))
            close = true;
    }
    if (close) {
        deleting_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace okr::ui
