#include "ui/weekly_check_in_view.hpp"

#include <imgui.h>

#include <array>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <misc/cpp/imgui_stdlib.h>
#include <set>

#include "core/check_in_week.hpp"
#include "core/team_tree.hpp"
#include "core/progress.hpp"
#include "ui/typed_text.hpp"
#include "ui/format.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

constexpr float team_list_width = 240.0f;
constexpr float team_indent = 14.0f;

std::string day_and_month(Date date)
{
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::to_string(date.day()) + " " + months[date.month() - 1];
}

std::string week_label(Date today)
{
    const IsoWeek week = iso_week_of(today);
    const Date monday = start_of_iso_week(today);
    return "Week " + std::to_string(week.week) + " of " + std::to_string(week.year) + "  ·  " +
           day_and_month(monday) + " – " + day_and_month(monday.plus_days(6));
}

std::string count_text(int count, const char* one, const char* many)
{
    return std::to_string(count) + " " + (count == 1 ? one : many);
}


void error_text(const std::string& text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

// A badge on a line of framed fields sits on their text baseline.
void field_badge(const std::string& text, ImU32 tone, const std::string& probe_label)
{
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y - 1);
    badge(text.c_str(), tone, false);
    widget_probe_note_last_item((text + probe_label).c_str());
}

}  // namespace

namespace {
constexpr std::array screen_labels{"Cascade###screen-cascade", "Check-in###screen-check-in", "Map###screen-map",
                                    "Cycles###screen-cycles", "KPIs###screen-kpis"};
constexpr float screen_gap = 4;
}  // namespace

float screen_switch_width()
{
    const float padding = ImGui::GetStyle().FramePadding.x * 2;
    float width = -screen_gap;
    for (const char* label : screen_labels)
        width += ImGui::CalcTextSize(label, nullptr, true).x + padding + screen_gap;
    return width;
}

void draw_screen_switch(ViewState& view, const Workspace& workspace)
{
    const auto option = [&](const char* label, Screen screen) {
        const bool current = view.screen == screen;
        if (!(current ? primary_button(label) : ImGui::Button(label)))
            return;
        view.screen = screen;
        // Check-ins go to the active cycle: coming from a closed or draft one, show it.
        const Cycle* shown = find_by_id(workspace.cycles, view.cycle);
        const Cycle* active = find_by_id(workspace.cycles, default_cycle(workspace));
        if (screen == Screen::weekly_check_in && (!shown || shown->state != CycleState::active) && active &&
            active->state == CycleState::active)
            view.cycle = active->id;
    };
    constexpr std::array screens{Screen::cascade, Screen::weekly_check_in, Screen::alignment_map, Screen::cycles,
                                 Screen::kpis};
    for (size_t i = 0; i < screens.size(); ++i) {
        if (i > 0)
            ImGui::SameLine(0, screen_gap);
        option(screen_labels[i], screens[i]);
    }
}

void WeeklyCheckInView::draw(Session& session, Platform& platform, ViewState& view, const Fonts& fonts)
{
    const Workspace& workspace = session.workspace();
    const Cycle* cycle = find_by_id(workspace.cycles, view.cycle);
    if (!cycle || cycle->state != CycleState::active) {
        draw_not_active(view, workspace, cycle);
        return;
    }
    const Date today = platform.today();
    refresh(session, cycle->id, today);

    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Weekly check-in");
    ImGui::PopFont();
    ImGui::SameLine(0, 14);
    muted_text((week_label(today) + "  ·  " + cycle->name).c_str());
    if (today < cycle->start || today > cycle->end) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::yellow);
        ImGui::TextUnformatted(("Today is outside " + cycle->name + " (" + cycle->start.to_string() + " to " +
                                cycle->end.to_string() + "): check-ins recorded now will not count towards it.")
                                   .c_str());
        ImGui::PopStyleColor();
    }

    ImGui::BeginChild("weekly-teams", ImVec2(team_list_width, 0), true);
    draw_team_list(fonts);
    ImGui::EndChild();
    ImGui::SameLine(0, 12);
    ImGui::BeginChild("weekly-sheet", ImVec2(0, 0), false);
    if (const TeamSheet* sheet = chosen_sheet())
        draw_sheet(*sheet, *cycle, fonts);
    else
        muted_text("This workspace has no teams yet.");
    ImGui::EndChild();

    // Saving changes the workspace the rows point into, so it waits until they are drawn.
    if (save_requested_) {
        const Row row = *save_requested_;
        save_requested_.reset();
        save(session, platform, row);
    }
    if (!open_requested_.empty()) {
        go_to(view, session.workspace(), "key_results", open_requested_);
        open_requested_.clear();
    }
}

void WeeklyCheckInView::draw_not_active(ViewState& view, const Workspace& workspace, const Cycle* cycle)
{
    ImGui::Spacing();
    const Cycle* active = find_by_id(workspace.cycles, default_cycle(workspace));
    if (active && active->state != CycleState::active)
        active = nullptr;
    const std::string why = cycle ? cycle->name + " is " + to_string(cycle->state) + ", " : std::string();
    muted_text(("Weekly check-ins happen in the active cycle; " + why +
                (active ? "and " + active->name + " is the active one." : "and no cycle is active yet."))
                   .c_str());
    if (active && primary_button(("Check in for " + active->name + "###weekly-show-active").c_str()))
        view.cycle = active->id;
}

void WeeklyCheckInView::refresh(const Session& session, const Id& cycle, Date today)
{
    if (revision_ == session.revision() && today_ == today && cycle_ == cycle)
        return;
    revision_ = session.revision();
    today_ = today;
    cycle_ = cycle;
    sheets_.clear();
    const Workspace& workspace = session.workspace();
    for (const auto& [team, depth] : teams_top_down(workspace, SiblingOrder::as_stored))
        sheets_.push_back(build_sheet(workspace, *team, depth, cycle, today));
}

WeeklyCheckInView::TeamSheet WeeklyCheckInView::build_sheet(const Workspace& workspace, const Team& team, int depth,
                                                          const Id& cycle, Date today)
{
    TeamSheet sheet{&team, depth, {}, 0, 0};
    for (const Objective& objective : workspace.objectives) {
        if (objective.team != team.id || objective.cycle != cycle)
            continue;
        ObjectiveGroup group{&objective, {}};
        for (const KeyResult* kr : key_results_of(workspace, objective.id)) {
            const auto readings = effective_check_ins(workspace, kr->id);
            Row row{kr, readings.empty() ? nullptr : readings.back(), check_in_of_week(workspace, kr->id, today),
                    kr->direction == Direction::milestone && driven_by_tasks(workspace, *kr)};
            sheet.total += 1;
            sheet.missing += row.missing() ? 1 : 0;
            group.rows.push_back(row);
        }
        sheet.groups.push_back(std::move(group));
    }
    return sheet;
}

// The team chosen before, else the first one with key results in the cycle.
const WeeklyCheckInView::TeamSheet* WeeklyCheckInView::chosen_sheet()
{
    const TeamSheet* first_with_rows = nullptr;
    for (const TeamSheet& sheet : sheets_) {
        if (sheet.team->id == team_)
            return &sheet;
        if (!first_with_rows && sheet.total > 0)
            first_with_rows = &sheet;
    }
    const TeamSheet* chosen = first_with_rows ? first_with_rows : (sheets_.empty() ? nullptr : &sheets_.front());
    team_ = chosen ? chosen->team->id : Id();
    return chosen;
}

void WeeklyCheckInView::draw_team_list(const Fonts& fonts)
{
    ImGui::PushFont(fonts.small);
    muted_text("TEAMS");
    ImGui::PopFont();
    const float right = ImGui::GetContentRegionMax().x;
    for (const TeamSheet& sheet : sheets_) {
        const Id& id = sheet.team->id;
        const float indent = team_indent * static_cast<float>(sheet.depth);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
        if (ImGui::Selectable((sheet.team->name + "###weekly-team-" + id).c_str(), id == team_))
            team_ = id;

        ImGui::PushFont(fonts.small);
        const std::string count = sheet.total == 0 ? "no KRs"
                                  : sheet.missing == 0 ? "done"
                                                       : std::to_string(sheet.missing) + " missing";
        const ImU32 tone = sheet.total == 0 ? colour::muted_text : sheet.missing == 0 ? colour::green : colour::accent;
        ImGui::SameLine();
        ImGui::SetCursorPosX(right - ImGui::CalcTextSize(count.c_str()).x - 16);
        badge(count.c_str(), tone, false);
        widget_probe_note_last_item((count + "###weekly-count-" + id).c_str());
        ImGui::PopFont();
    }
}

void WeeklyCheckInView::draw_sheet(const TeamSheet& sheet, const Cycle& cycle, const Fonts& fonts)
{
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(sheet.team->name.c_str());
    ImGui::PopFont();
    if (sheet.total == 0) {
        ImGui::Spacing();
        begin_card("weekly-empty");
        ImGui::TextUnformatted(("Nothing to check in: " + sheet.team->name + " has no key results in " + cycle.name +
                                ".")
                                   .c_str());
        widget_probe_note_last_item("###weekly-empty");
        muted_text("Pick a team with key results on the left. Teams without their own OKRs are "
                   "listed because they may hold them in another cycle.");
        end_card();
        return;
    }

    if (sheet.missing == 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::green);
        ImGui::TextUnformatted(("All " + count_text(sheet.total, "key result has", "key results have") +
                                " this week's check-in.")
                                   .c_str());
        ImGui::PopStyleColor();
    } else {
        ImGui::Text("%d of %s still missing this week's check-in.", sheet.missing,
                    count_text(sheet.total, "key result", "key results").c_str());
    }
    ImGui::PushFont(fonts.small);
    muted_text("Tab moves between fields. Enter saves the row and goes to the next one still missing. "
               "Changing a row already checked in records a correction; the earlier reading is kept.");
    ImGui::PopFont();
    ImGui::Spacing();

    for (const ObjectiveGroup& group : sheet.groups)
        draw_group(group, fonts);
}

void WeeklyCheckInView::draw_group(const ObjectiveGroup& group, const Fonts& fonts)
{
    begin_card(group.objective->id.c_str());
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", group.objective->title.c_str());
    ImGui::PopFont();
    if (group.rows.empty()) {
        muted_text("This objective has no key results yet.");
        end_card();
        return;
    }

    // No clipping, so that a row's error line can run across the field columns below it.
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX | ImGuiTableFlags_NoClip;
    if (ImGui::BeginTable("check-in-rows", 6, flags)) {
        ImGui::TableSetupColumn("Key result", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn("Last check-in", ImGuiTableColumnFlags_WidthFixed, 132);
        ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthFixed, 150);
        ImGui::TableSetupColumn("Confidence", ImGuiTableColumnFlags_WidthFixed, 92);
        ImGui::TableSetupColumn("Note", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("This week", ImGuiTableColumnFlags_WidthFixed, 132);
        ImGui::TableHeadersRow();
        for (const Row& row : group.rows)
            draw_row(row, fonts);
        ImGui::EndTable();
    }
    end_card();
}

void WeeklyCheckInView::draw_row(const Row& row, const Fonts& fonts)
{
    const KeyResult& kr = *row.key_result;
    ImGui::PushID(kr.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s", kr.title.c_str());
    // The title leads to the KR's history, where earlier readings are corrected.
    widget_probe_note_last_item(("###weekly-open-" + kr.id).c_str());
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("Open its check-in history");
    }
    if (ImGui::IsItemClicked())
        open_requested_ = kr.id;

    ImGui::TableNextColumn();
    draw_last_reading(row, fonts);

    RowDraft& draft = draft_for(row);
    if (row.from_tasks) {
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        muted_text("Its progress comes from its tasks: no check-in needed.");
        ImGui::TableSetColumnIndex(5);
        field_badge("from tasks", colour::muted_text, "###weekly-status-" + kr.id);
    } else {
        draw_fields(row, draft);
        draw_status(row, draft);
    }

    if (!draft.error.empty()) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(2);
        error_text(draft.error);
        widget_probe_note_last_item((draft.error + "###weekly-error-" + kr.id).c_str());
    }
    ImGui::PopID();
}

void WeeklyCheckInView::draw_last_reading(const Row& row, const Fonts& fonts)
{
    ImGui::AlignTextToFramePadding();
    if (!row.latest) {
        muted_text("none yet");
        return;
    }
    const CheckIn& latest = *row.latest;
    ImGui::TextUnformatted(format_value(latest.value, row.key_result->unit).c_str());
    ImGui::SameLine(0, 6);
    ImGui::PushFont(fonts.small);
    muted_text(("wk " + std::to_string(iso_week_of(latest.date).week)).c_str());
    ImGui::PopFont();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s, confidence %s%s%s", latest.date.to_string().c_str(),
                          format_number(latest.confidence).c_str(), latest.note ? ": " : "",
                          latest.note.value_or("").c_str());
}

void WeeklyCheckInView::draw_fields(const Row& row, RowDraft& draft)
{
    const KeyResult& kr = *row.key_result;
    const ImGuiInputTextFlags number_flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll;
    bool enter = false;
    const auto field = [&](bool invalid, const auto& input) {
        if (invalid)
            ImGui::PushStyleColor(ImGuiCol_FrameBg, soft(colour::red));
        enter = input() || enter;
        draft.edited = ImGui::IsItemEdited() || draft.edited;
        if (invalid)
            ImGui::PopStyleColor();
    };

    ImGui::TableNextColumn();
    if (focus_ == kr.id) {
        ImGui::SetScrollHereY(0.5f);
        ImGui::SetKeyboardFocusHere();
        focus_.clear();
    }
    const std::string unit = kr.unit.value_or("");
    const float unit_width = unit.empty() ? 0 : ImGui::CalcTextSize(unit.c_str()).x + 6;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - unit_width);
    field(draft.value_invalid, [&] {
        return ImGui::InputText(("###weekly-value-" + kr.id).c_str(), &draft.value, number_flags);
    });
    if (!unit.empty()) {
        ImGui::SameLine(0, 6);
        muted_text(unit.c_str());
    }

    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    field(draft.confidence_invalid, [&] {
        return ImGui::InputTextWithHint(("###weekly-confidence-" + kr.id).c_str(), "0 to 1", &draft.confidence,
                                        number_flags);
    });

    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    field(false, [&] {
        return ImGui::InputTextWithHint(("###weekly-note-" + kr.id).c_str(), "What moved, what is in the way",
                                        &draft.note, ImGuiInputTextFlags_EnterReturnsTrue);
    });
    if (enter)
        save_requested_ = row;
}

void WeeklyCheckInView::draw_status(const Row& row, const RowDraft& draft)
{
    const KeyResult& kr = *row.key_result;
    ImGui::TableNextColumn();
    const ImVec2 start = ImGui::GetCursorPos();
    if (row.this_week) {
        field_badge("done", colour::green, "###weekly-status-" + kr.id);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Checked in on %s%s. Change the fields and press Enter to correct it.",
                              row.this_week->date.to_string().c_str(),
                              row.this_week->corrects ? " (a correction)" : "");
    } else {
        field_badge("missing", colour::accent, "###weekly-status-" + kr.id);
    }
    if (draft.edited) {
        ImGui::SetCursorPos(ImVec2(ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 8, start.y));
        if (ImGui::Button(("Save###weekly-save-" + kr.id).c_str()))
            save_requested_ = row;
    }
}

WeeklyCheckInView::RowDraft& WeeklyCheckInView::draft_for(const Row& row)
{
    // This week's reading when there is one (a change corrects it), else the last one.
    const CheckIn* source = row.this_week ? row.this_week : row.latest;
    const Id basis = source ? source->id : Id();
    const auto [found, added] = drafts_.try_emplace(row.key_result->id);
    RowDraft& draft = found->second;
    // The person's text wins over data that changed under it (undo, a merge).
    if (!added && (draft.basis == basis || draft.edited))
        return draft;

    draft = RowDraft{};
    draft.basis = basis;
    const std::optional<double> value = source ? std::optional(source->value) : row.key_result->baseline;
    draft.value = value ? exact_number_text(*value) : std::string();
    // No confidence is made up for a first check-in: the person says it.
    draft.confidence = source ? exact_number_text(source->confidence) : std::string();
    draft.note = row.this_week ? row.this_week->note.value_or("") : std::string();
    return draft;
}

void WeeklyCheckInView::save(Session& session, Platform& platform, const Row& row)
{
    const Id& id = row.key_result->id;
    RowDraft& draft = drafts_[id];
    const std::optional<double> value = typed_number(draft.value);
    const std::optional<double> confidence = typed_number(draft.confidence);
    draft.value_invalid = !value;
    draft.confidence_invalid = !confidence || *confidence < 0 || *confidence > 1;
    draft.error.clear();
    if (draft.value_invalid)
        draft.error = "The value must be a number, such as " + exact_number_text(row.latest ? row.latest->value : 42) + ". ";
    if (draft.confidence_invalid)
        draft.error += "Confidence is a number from 0 to 1, such as 0.7 (fairly sure). ";
    if (!draft.error.empty()) {
        draft.error = "Not saved. " + trimmed(draft.error);
        return;
    }

    CheckInDraft check_in;
    check_in.key_result = id;
    check_in.date = today_;
    check_in.value = *value;
    check_in.confidence = *confidence;
    check_in.note = trimmed(draft.note);
    const Id next = next_missing_after(id);

    EditResult result;
    if (row.this_week) {
        const CheckIn& current = *row.this_week;
        if (current.value == check_in.value && current.confidence == check_in.confidence &&
            current.note.value_or("") == check_in.note) {
            draft.edited = false;  // nothing to correct
            focus_ = next;
            return;
        }
        // A correction replaces that reading, so it keeps its day.
        check_in.date = current.date;
        result = record_correction(session.workspace(), current.id, check_in, "ci-" + platform.unique_suffix(),
                                   platform.now());
    } else {
        result = record_check_in(session.workspace(), check_in, "ci-" + platform.unique_suffix(), platform.now());
    }
    if (const auto* refused = std::get_if<EditRefused>(&result)) {
        draft.error = "Not saved. " + refused->message;
        return;
    }
    session.apply(std::get<ChangeSet>(std::move(result)), platform.now());
    drafts_.erase(id);  // refilled from the new reading
    focus_ = next;
}

// The next row of the chosen team still missing this week's check-in, after `key_result`
// and round to the top; empty when it was the last one.
Id WeeklyCheckInView::next_missing_after(const Id& key_result) const
{
    std::vector<Id> order;
    size_t position = 0;
    for (const TeamSheet& sheet : sheets_) {
        if (sheet.team->id != team_)
            continue;
        for (const ObjectiveGroup& group : sheet.groups)
            for (const Row& row : group.rows) {
                if (row.key_result->id == key_result)
                    position = order.size();
                else if (row.missing())
                    order.push_back(row.key_result->id);
            }
    }
    if (order.empty())
        return {};
    return order[position % order.size()];
}

}  // namespace okr::ui
