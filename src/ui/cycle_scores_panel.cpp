#include "ui/cycle_scores_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <misc/cpp/imgui_stdlib.h>

#include "core/team_tree.hpp"
#include "core/cycle_workflow.hpp"
#include "core/progress.hpp"
#include "core/scoring.hpp"
#include "ui/typed_text.hpp"
#include "ui/cycle_support.hpp"
#include "ui/format.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

using cycles::count_text;

constexpr float band_bar_width = 220.0f;

std::string score_text(double score)
{
    return format_number(round_to_tenth(score));
}

// A badge beside framed widgets sits on their text baseline, as text aligned to them does.
void align_badge_to_frame()
{
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y - 1);
}

// A score as a badge in its grade colour, reported to tests as "<score>###<probe_id>".
void score_badge(std::optional<double> score, const std::string& probe_id, bool same_line = false)
{
    if (same_line)
        ImGui::SameLine(0, 8);
    if (!score) {
        muted_text("–");
    } else {
        badge(score_text(*score).c_str(), grade_colour(*score), false);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s: red below 0.4, yellow from 0.4, green from 0.7", to_string(grade_of(*score)));
    }
    widget_probe_note_last_item(((score ? score_text(*score) : std::string("none")) + "###" + probe_id).c_str());
}

void band_row(const char* name, int count, int total, ImU32 tone, const char* range)
{
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(name);
    ImGui::SameLine(90);
    const float share = total > 0 ? static_cast<float>(count) / static_cast<float>(total) : 0.0f;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float height = ImGui::GetTextLineHeight() * 0.7f;
    const float top = min.y + (ImGui::GetFrameHeight() - height) * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(min.x, top), ImVec2(min.x + band_bar_width, top + height), soft(tone), height);
    if (count > 0)
        draw->AddRectFilled(ImVec2(min.x, top), ImVec2(min.x + std::max(height, band_bar_width * share), top + height),
                            tone, height);
    ImGui::Dummy(ImVec2(band_bar_width, ImGui::GetFrameHeight()));
    ImGui::SameLine(0, 12);
    ImGui::Text("%d", count);
    widget_probe_note_last_item((std::to_string(count) + "###score-band-" + name).c_str());
    ImGui::SameLine(0, 12);
    muted_text(range);
}

}  // namespace

void CycleScoresPanel::draw(Session& session, Platform& platform, const Cycle& cycle, const Fonts& fonts)
{
    refresh(session, cycle.id);
    draw_heading(cycle, fonts);
    if (distribution_.total() == 0) {
        begin_card("scores-empty");
        ImGui::TextUnformatted(("No key results to score in " + cycle.name + ".").c_str());
        widget_probe_note_last_item("###scores-empty");
        muted_text("Scores come from key results: open the cycle in the cascade to write them.");
        end_card();
        return;
    }
    draw_distribution(fonts);
    for (const TeamScores& team : teams_)
        draw_team(team, cycle, fonts);

    // Saving changes the workspace the rows point into, so it waits until they are drawn.
    if (!save_requested_.empty()) {
        const Id key_result = save_requested_;
        save_requested_.clear();
        save_override(session, platform, key_result);
    }
}

void CycleScoresPanel::refresh(const Session& session, const Id& cycle)
{
    if (revision_ == session.revision() && cycle_ == cycle)
        return;
    if (cycle_ != cycle)
        overrides_.clear();
    revision_ = session.revision();
    cycle_ = cycle;
    teams_.clear();
    distribution_ = {};

    const Workspace& workspace = session.workspace();
    for (const auto& [team, depth] : teams_top_down(workspace, SiblingOrder::as_stored)) {
        TeamScores scores{team, {}};
        for (const Objective* objective : cycles::objectives_of(workspace, team->id, cycle)) {
            ObjectiveScore entry{objective, objective_final_score(workspace, *objective),
                                 committed_okr_missed(workspace, *objective), {}};
            for (const KeyResult* kr : key_results_of(workspace, objective->id)) {
                KeyResultScore row{kr, computed_final_score(workspace, *kr), final_score(workspace, *kr),
                                   score_overridden(*kr)};
                if (!row.counts)
                    ++distribution_.unscored;
                else if (const Grade grade = grade_of(*row.counts); grade == Grade::red)
                    ++distribution_.red;
                else
                    ++(grade == Grade::yellow ? distribution_.yellow : distribution_.green);
                entry.key_results.push_back(row);
            }
            scores.objectives.push_back(std::move(entry));
        }
        if (!scores.objectives.empty())
            teams_.push_back(std::move(scores));
    }
}

void CycleScoresPanel::draw_heading(const Cycle& cycle, const Fonts& fonts)
{
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Scores");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    if (cycle.state == CycleState::closed)
        muted_text("Final scores were frozen when the cycle closed. Grading is a judgement: override a score "
                   "with a note saying why it differs from the computed one.");
    else
        muted_text("A preview: these are the scores closing the cycle would freeze, computed from the last "
                   "check-in on or before each deadline. An override set now is kept when it closes.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
}

void CycleScoresPanel::draw_distribution(const Fonts& fonts)
{
    const Distribution& d = distribution_;
    const int scored = d.red + d.yellow + d.green;
    begin_card("score-distribution");
    ImGui::PushFont(fonts.small);
    muted_text("GRADES OF THE CYCLE'S KEY RESULTS");
    ImGui::PopFont();
    band_row("green", d.green, scored, colour::green, "0.7 and above");
    band_row("yellow", d.yellow, scored, colour::yellow, "0.4 to 0.6");
    band_row("red", d.red, scored, colour::red, "below 0.4");
    if (d.unscored > 0)
        muted_text((count_text(static_cast<size_t>(d.unscored), "key result cannot", "key results cannot") +
                    " be measured (missing or contradicting numbers) and has no score.")
                       .c_str());
    end_card();
}

void CycleScoresPanel::draw_team(const TeamScores& team, const Cycle& cycle, const Fonts& fonts)
{
    begin_card(("score-team-" + team.team->id).c_str());
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(team.team->name.c_str());
    ImGui::PopFont();
    for (const ObjectiveScore& objective : team.objectives)
        draw_objective(objective, cycle, fonts);
    end_card();
}

void CycleScoresPanel::draw_objective(const ObjectiveScore& objective, const Cycle& cycle, const Fonts& fonts)
{
    const Objective& o = *objective.objective;
    ImGui::Spacing();
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", o.title.c_str());
    ImGui::PopFont();
    muted_text("Objective score");
    score_badge(objective.score, "score-objective-" + o.id, true);
    if (o.commitment == "committed")
        badge("committed", colour::muted_text);
    if (objective.committed_missed && cycle.state == CycleState::closed)
        badge("committed OKR missed", colour::red);
    if (objective.key_results.empty()) {
        muted_text("No key results: nothing to score.");
        return;
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    // Inside the card's padding on the right too.
    const ImVec2 size(ImGui::GetContentRegionAvail().x - 14, 0);
    if (!ImGui::BeginTable(("score-rows-" + o.id).c_str(), 4, flags, size))
        return;
    ImGui::TableSetupColumn("Key result", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Computed", ImGuiTableColumnFlags_WidthFixed, 90);
    ImGui::TableSetupColumn(cycle.state == CycleState::closed ? "Final" : "Final (at close)",
                            ImGuiTableColumnFlags_WidthFixed, 120);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 150);
    ImGui::TableHeadersRow();
    for (const KeyResultScore& row : objective.key_results)
        draw_key_result(row, cycle);
    ImGui::EndTable();
}

void CycleScoresPanel::draw_key_result(const KeyResultScore& row, const Cycle& cycle)
{
    const KeyResult& kr = *row.key_result;
    ImGui::PushID(kr.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s", kr.title.c_str());
    if (row.overridden) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::muted_text);
        ImGui::TextWrapped("Overridden: %s", kr.score_note->c_str());
        ImGui::PopStyleColor();
        widget_probe_note_last_item(("Overridden: " + *kr.score_note + "###score-reason-" + kr.id).c_str());
    }

    ImGui::TableNextColumn();
    align_badge_to_frame();
    score_badge(row.computed, "score-computed-" + kr.id);
    if (!row.computed && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", "It cannot be measured: its numbers are missing or contradict its direction.");

    ImGui::TableNextColumn();
    align_badge_to_frame();
    // Before closing, only a person's grade is stored: the rest is frozen at close.
    const bool stored = cycle.state == CycleState::closed || kr.final_score;
    score_badge(stored ? kr.final_score : std::nullopt, "score-final-" + kr.id);
    // On the same line as the score badge, which already sits on the baseline.
    if (row.overridden)
        badge("override", colour::accent);

    ImGui::TableNextColumn();
    const bool open = overrides_.count(kr.id) > 0;
    if (!open && ImGui::Button(("Override###score-override-" + kr.id).c_str())) {
        OverrideForm form;
        form.score = row.counts ? score_text(*row.counts) : std::string();
        form.note = kr.score_note.value_or("");
        overrides_[kr.id] = form;
    }
    if (open)
        draw_override_form(row);
    ImGui::PopID();
}

void CycleScoresPanel::draw_override_form(const KeyResultScore& row)
{
    const Id& id = row.key_result->id;
    OverrideForm& form = overrides_[id];
    bool enter = false;

    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (form.focus) {
        ImGui::SetKeyboardFocusHere();
        form.focus = false;
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    enter = ImGui::InputTextWithHint(("###score-note-" + id).c_str(), "Why the score differs from the computed one",
                                     &form.note, ImGuiInputTextFlags_EnterReturnsTrue) ||
            enter;
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    enter = ImGui::InputTextWithHint(("###score-value-" + id).c_str(), "0 to 1", &form.score,
                                     ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll) ||
            enter;
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    if (primary_button(("Save###score-save-" + id).c_str()))
        enter = true;
    ImGui::SameLine();
    if (ImGui::Button(("Cancel###score-cancel-" + id).c_str())) {
        overrides_.erase(id);
        return;
    }
    if (enter)
        save_requested_ = id;

    if (!form.error.empty()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        cycles::error_line(form.error, "score-error-" + id);
    }
}

void CycleScoresPanel::save_override(Session& session, Platform& platform, const Id& key_result)
{
    OverrideForm& form = overrides_[key_result];
    const std::optional<double> score = typed_number(form.score);
    if (!score) {
        form.error = "Not saved. The score must be a number from 0 to 1, such as 0.6.";
        return;
    }
    EditResult result = override_final_score(session.workspace(), key_result, *score, form.note, platform.now());
    if (const auto* refused = std::get_if<EditRefused>(&result)) {
        form.error = "Not saved. " + cycles::as_sentence(refused->message);
        return;
    }
    session.apply(std::get<ChangeSet>(std::move(result)), platform.now());
    overrides_.erase(key_result);
}

}  // namespace okr::ui
