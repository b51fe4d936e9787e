#include "ui/cascade_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <set>

#include "ui/format.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

std::string alignment_text(const Workspace& workspace, const Objective& objective)
{
    if (!objective.parent)
        return {};
    const Objective* parent = find_by_id(workspace.objectives, *objective.parent);
    if (!parent)
        return "Aligns to " + *objective.parent + " (not in this workspace)";
    const Team* team = find_by_id(workspace.teams, parent->team);
    return "Aligns to " + (team ? team->name + ": " : std::string()) + parent->title;
}

void score_label(std::optional<double> score, float width)
{
    if (!score) {
        muted_text("no score");
        return;
    }
    const std::string text = "Score " + format_number(round_to_tenth(*score));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - ImGui::CalcTextSize(text.c_str()).x - 18);
    badge(text.c_str(), grade_colour(*score), false);
}

std::string forecast_text(const KeyResult& kr, const Forecast& forecast)
{
    if (!forecast.value)
        return "–";
    return format_value(*forecast.value, kr.unit);
}

constexpr float progress_width = 120.0f;
// Room kept between the objective's bar and the card's edge.
constexpr float card_inset = 14.0f;
// Blocks this far outside the visible part of the cascade are drawn too, so that a row
// half in view is complete.
constexpr float clip_margin = 40.0f;

// The height of a block never drawn yet: close enough for the scrollbar, corrected when
// the block first comes into view.
float estimated_height(size_t key_results, bool heading, bool empty_team)
{
    const float line = ImGui::GetTextLineHeightWithSpacing();
    if (heading)
        return (empty_team ? 3.0f : 1.6f) * line;
    return 4.0f * line + 2.0f * line * static_cast<float>(key_results);
}

}  // namespace

void status_badges(const KeyResultInsight& insight)
{
    if (insight.status) {
        static constexpr const char* labels[] = {"on track", "at risk", "off track"};
        badge(labels[static_cast<int>(*insight.status)], status_colour(*insight.status), false);
    }
    if (insight.pace == Pace::behind)
        badge("behind pace", colour::red, insight.status.has_value());
    if (insight.check_in_due)
        badge("check-in due", colour::accent, insight.status || insight.pace == Pace::behind);
}

void findings_marker(const std::vector<const Finding*>& findings)
{
    if (findings.empty())
        return;
    bool error = false;
    for (const Finding* f : findings)
        error = error || f->severity == Severity::error;
    const std::string text = std::to_string(findings.size()) + (findings.size() == 1 ? " tip" : " tips");
    badge(text.c_str(), error ? colour::red : colour::muted_text);
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        for (const Finding* f : findings)
            ImGui::TextWrapped("%s (%s): %s", to_string(f->severity), f->rule.c_str(), f->message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void CascadeView::draw(const Workspace& workspace, const Insights& insights, ViewState& view, const Fonts& fonts,
                       EntityEditor& editor)
{
    const Cycle* cycle = find_by_id(workspace.cycles, view.cycle);
    if (layout_.workspace != &workspace || layout_.generation != insights.generation() || layout_.cycle != view.cycle)
        rebuild(workspace, insights, view.cycle);
    const bool closed = cycle && cycle->state == CycleState::closed;
    if (!cycle || workspace.teams.empty() || (closed && layout_.objectives == 0)) {
        ImGui::Spacing();
        muted_text(!cycle ? "This workspace has no cycles yet. Open a teammate's file to bring in their OKRs."
                   : workspace.teams.empty() ? "Objectives belong to teams: add your organisation's teams under "
                                               "People & teams, then write their objectives here."
                                             : "This cycle closed without objectives.");
        return;
    }
    draw_blocks({workspace, insights, layout_, view, fonts, editor, *cycle, closed});
}

void CascadeView::rebuild(const Workspace& workspace, const Insights& insights, const Id& cycle)
{
    layout_ = Layout{&workspace, insights.generation(), cycle, 0, {}, {}};

    std::map<std::string_view, std::vector<const Team*>> children;  // by parent, in team order
    std::vector<const Team*> roots;
    for (const Team& team : workspace.teams) {
        const bool parent_known = team.parent && find_by_id(workspace.teams, *team.parent);
        if (parent_known)
            children[*team.parent].push_back(&team);
        else
            roots.push_back(&team);
    }
    std::map<std::string_view, std::vector<const Objective*>> objectives;  // by team, in id order
    for (const Objective& objective : workspace.objectives)
        if (objective.cycle == cycle)
            objectives[objective.team].push_back(&objective);

    // Teams are walked from the roots down, so the company's objectives come first and
    // each team sits below the team it belongs to.
    // A draft or active cycle lists every team, so that a team without objectives yet can
    // add one; a closed cycle is history and lists only the teams that had some.
    const Cycle* shown = find_by_id(workspace.cycles, cycle);
    const bool list_every_team = shown && shown->state != CycleState::closed;
    std::map<std::string_view, size_t> card_of;  // objective id -> block
    std::vector<std::pair<const Team*, int>> stack;
    for (auto it = roots.rbegin(); it != roots.rend(); ++it)
        stack.emplace_back(*it, 0);
    std::set<std::string_view> visited;
    while (!stack.empty()) {
        const auto [team, depth] = stack.back();
        stack.pop_back();
        if (!visited.insert(team->id).second)
            continue;
        if (const auto own = objectives.find(team->id); own == objectives.end()) {
            if (list_every_team)
                layout_.blocks.push_back(Block{team, depth, nullptr, {}, -1, true});
        } else {
            layout_.blocks.push_back(Block{team, depth, nullptr, {}, -1});
            for (const Objective* objective : own->second) {
                card_of[objective->id] = layout_.blocks.size();
                layout_.blocks.push_back(Block{nullptr, depth, objective, {}, -1});
                ++layout_.objectives;
            }
        }
        if (const auto below = children.find(team->id); below != children.end())
            for (auto it = below->second.rbegin(); it != below->second.rend(); ++it)
                stack.emplace_back(*it, depth + 1);
    }
    for (const KeyResult& kr : workspace.key_results)
        if (const auto card = card_of.find(kr.objective); card != card_of.end())
            layout_.blocks[card->second].key_results.push_back(&kr);
    for (const Task& task : workspace.tasks) {
        TaskCount& count = layout_.tasks[task.key_result];
        ++count.total;
        count.done += task.done ? 1 : 0;
    }
}

// Only the blocks in view are drawn; the others keep their place as empty space of the
// height they had when last drawn. ImGuiListClipper wants rows of one height, and cards
// grow with their key results and wrapped titles.
void CascadeView::draw_blocks(const Context& c)
{
    const float top = ImGui::GetCursorPosY();
    const float visible_from = ImGui::GetScrollY() - clip_margin;
    const float visible_to = ImGui::GetScrollY() + ImGui::GetWindowHeight() + clip_margin;

    // A row asked for by the coach or a search may lie in a block not drawn: scroll to its
    // block first, and the block brings the row itself into view once drawn.
    const Block* wanted = nullptr;
    if (!c.view.scroll_to.empty()) {
        for (const Block& block : layout_.blocks) {
            const bool holds = block.objective &&
                               (block.objective->id == c.view.scroll_to ||
                                std::any_of(block.key_results.begin(), block.key_results.end(),
                                            [&](const KeyResult* kr) { return kr->id == c.view.scroll_to; }));
            if (holds) {
                wanted = &block;
                break;
            }
        }
    }

    float y = top;
    for (Block& block : layout_.blocks) {
        if (c.view.filter.hides(block.team, block.objective))
            continue;
        if (block.height < 0)
            block.height = estimated_height(block.key_results.size(), block.team != nullptr, block.empty_team);
        if (&block == wanted && (y + block.height < visible_from || y > visible_to))
            ImGui::SetScrollY(y - ImGui::GetWindowHeight() * 0.1f);
        if (y + block.height < visible_from || y > visible_to) {
            y += block.height;
            continue;
        }
        ImGui::SetCursorPosY(y);
        if (block.team)
            draw_team(c, block);
        else
            draw_objective(c, block);
        block.height = ImGui::GetCursorPosY() - y;
        y += block.height;
    }
    ImGui::SetCursorPosY(y);
}

void CascadeView::draw_team(const Context& c, const Block& block)
{
    const Team& team = *block.team;
    ImGui::PushID(team.id.c_str());
    ImGui::Spacing();
    ImGui::PushFont(c.fonts.heading);
    ImGui::TextUnformatted(team.name.c_str());
    ImGui::PopFont();
    if (block.depth > 0) {
        const Team* parent = team.parent ? find_by_id(c.workspace.teams, *team.parent) : nullptr;
        if (parent) {
            ImGui::SameLine();
            muted_text(("in " + parent->name).c_str());
        }
    }
    if (!c.cycle_closed) {
        const char* add = "+ Objective";
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(add).x - 2 * card_inset);
        if (ImGui::SmallButton((std::string(add) + "###add-objective-" + team.id).c_str()))
            c.editor.new_objective(team.id, c.cycle.id);
    }
    if (block.empty_team) {
        muted_text(("No objectives for this team in " + c.cycle.name + " yet: add one with + Objective.").c_str());
        ImGui::Spacing();
    }
    ImGui::PopID();
}

void CascadeView::draw_objective(const Context& c, const Block& block)
{
    const Objective& objective = *block.objective;
    // The team's id scope, as when a team drew its own objectives: widget ids stay stable.
    ImGui::PushID(objective.team.c_str());
    ImGui::PushID(objective.id.c_str());
    if (c.view.scroll_to == objective.id) {
        ImGui::SetScrollHereY(0.1f);
        c.view.scroll_to.clear();
    }
    begin_card(objective.id.c_str());
    draw_objective_header(c, objective);
    draw_key_results(c, block);
    end_card();
    ImGui::PopID();
    ImGui::PopID();
}

void CascadeView::draw_objective_header(const Context& c, const Objective& objective)
{
    const ObjectiveInsight* insight = c.insights.objective(objective.id);
    const float right = ImGui::GetContentRegionAvail().x - card_inset;

    ImGui::PushFont(c.fonts.heading);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + right - progress_width - 24);
    ImGui::TextUnformatted(objective.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::SameLine(right - progress_width);
    if (c.cycle_closed)
        score_label(insight ? insight->final_score : std::nullopt, progress_width);
    else
        progress_bar(insight ? insight->progress : std::nullopt, progress_width);

    ImGui::PushFont(c.fonts.small);
    const bool committed = commitment_of(objective) == Commitment::committed;
    muted_text(committed ? "Committed" : "Aspirational");
    const std::string alignment = alignment_text(c.workspace, objective);
    if (!alignment.empty()) {
        ImGui::SameLine(0, 4);
        muted_text(("·  " + alignment).c_str());
    }
    if (insight && insight->committed_missed)
        badge("committed OKR missed", colour::red);
    findings_marker(c.insights.findings_for("objectives", objective.id));
    draw_objective_actions(c, objective);
    ImGui::PopFont();
}

// Quiet buttons at the end of the card's second line; a closed cycle takes no new KRs.
void CascadeView::draw_objective_actions(const Context& c, const Objective& objective)
{
    const float right = ImGui::GetContentRegionMax().x - card_inset;
    const ImGuiStyle& style = ImGui::GetStyle();
    const auto width_of = [&](const char* text) { return ImGui::CalcTextSize(text).x + style.FramePadding.x * 2; };
    float width = width_of("Edit") + width_of("Delete") + style.ItemSpacing.x;
    if (!c.cycle_closed)
        width += width_of("+ Key result") + style.ItemSpacing.x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right - width));

    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, colour::muted_text);
    if (!c.cycle_closed) {
        if (ImGui::SmallButton(("+ Key result###add-key-result-" + objective.id).c_str()))
            c.editor.new_key_result(c.workspace, objective);
        ImGui::SameLine();
    }
    if (ImGui::SmallButton(("Edit###edit-objective-" + objective.id).c_str()))
        c.editor.edit_objective(objective);
    ImGui::SameLine();
    if (ImGui::SmallButton(("Delete###delete-objective-" + objective.id).c_str()))
        c.editor.confirm_deletion(c.workspace, EntityKind::objective, objective.id);
    ImGui::PopStyleColor(2);
}

void CascadeView::draw_key_results(const Context& c, const Block& block)
{
    if (block.key_results.empty()) {
        ImGui::Spacing();
        muted_text(c.cycle_closed ? "This objective had no key results."
                                  : "No key results yet: add two to four outcomes that show it was reached.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("key-results", 7, flags))
        return;
    ImGui::TableSetupColumn("Key result", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(c.cycle_closed ? "Score" : "Progress", ImGuiTableColumnFlags_WidthFixed, progress_width);
    ImGui::TableSetupColumn("Latest", ImGuiTableColumnFlags_WidthFixed, 92);
    ImGui::TableSetupColumn("Target", ImGuiTableColumnFlags_WidthFixed, 92);
    ImGui::TableSetupColumn("Conf.", ImGuiTableColumnFlags_WidthFixed, 44);
    ImGui::TableSetupColumn("Forecast", ImGuiTableColumnFlags_WidthFixed, 96);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 24);
    ImGui::TableHeadersRow();

    for (const KeyResult* kr : block.key_results)
        draw_key_result_row(c, *kr);
    ImGui::EndTable();
}

void CascadeView::draw_key_result_row(const Context& c, const KeyResult& kr)
{
    const KeyResultInsight* insight = c.insights.key_result(kr.id);
    if (!insight)
        return;
    const auto findings = c.insights.findings_for("key_results", kr.id);
    const bool has_badges = insight->status || insight->pace == Pace::behind || insight->check_in_due ||
                            !findings.empty();

    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (c.view.scroll_to == kr.id) {
        ImGui::SetScrollHereY(0.3f);
        c.view.scroll_to.clear();
    }

    // The row is one selectable as tall as the wrapped title and its badges; the cells
    // are drawn over it.
    const float title_width = ImGui::GetContentRegionAvail().x;
    const float title_height = ImGui::CalcTextSize(kr.title.c_str(), nullptr, false, title_width).y;
    const float badges_height = has_badges ? ImGui::GetTextLineHeight() + 6 : 0;
    const ImVec2 start = ImGui::GetCursorPos();
    const std::string label = "###kr-" + kr.id;
    if (ImGui::Selectable(label.c_str(), c.view.key_result == kr.id,
                          ImGuiSelectableFlags_SpanAllColumns,
                          ImVec2(0, title_height + badges_height))) {
        c.view.key_result = kr.id;
        c.view.side = SidePanel::key_result;
    }
    ImGui::SetItemAllowOverlap();  // the row's menu button sits on it
    ImGui::SetCursorPos(start);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + title_width);
    ImGui::TextUnformatted(kr.title.c_str());
    ImGui::PopTextWrapPos();
    if (has_badges) {
        ImGui::PushFont(c.fonts.small);
        status_badges(*insight);
        findings_marker(findings);
        ImGui::PopFont();
    }

    ImGui::TableNextColumn();
    const KrProgress& progress = insight->progress;
    if (progress.invalid_reason)
        invalid_badge(*progress.invalid_reason);
    else if (c.cycle_closed)
        score_label(insight->final_score, progress_width);
    else
        progress_bar(progress.progress, -1, progress.raw);

    ImGui::TableNextColumn();
    // A milestone driven by tasks reads as tasks done; other KRs as their latest value.
    const auto tasks = c.layout.tasks.find(kr.id);
    if (kr.direction == Direction::milestone && tasks != c.layout.tasks.end())
        ImGui::Text("%d of %d tasks", tasks->second.done, tasks->second.total);
    else
        ImGui::TextUnformatted(progress.latest ? format_value(progress.latest->value, kr.unit).c_str() : "–");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(kr.target ? format_value(*kr.target, kr.unit).c_str() : "–");
    ImGui::TableNextColumn();
    if (progress.latest)
        confidence_text(progress.latest->confidence);
    else
        muted_text("–");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(forecast_text(kr, insight->forecast).c_str());
    if (ImGui::IsItemHovered()) {
        if (insight->forecast.reason)
            ImGui::SetTooltip("%s", insight->forecast.reason->c_str());
        else if (insight->forecast.score)
            ImGui::SetTooltip("Projected at the deadline from a straight line through this cycle's "
                              "check-ins: %s of the target.",
                              format_percent(*insight->forecast.score).c_str());
    }
    ImGui::TableNextColumn();
    draw_key_result_menu(c, kr);
}

// One quiet "…" per row keeps the rows calm; editing and deleting are behind it.
void CascadeView::draw_key_result_menu(const Context& c, const KeyResult& kr)
{
    const std::string popup = "kr-actions-" + kr.id;
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, colour::muted_text);
    if (ImGui::SmallButton(("…###kr-menu-" + kr.id).c_str()))
        ImGui::OpenPopup(popup.c_str());
    ImGui::PopStyleColor(2);
    if (!ImGui::BeginPopup(popup.c_str()))
        return;
    if (ImGui::MenuItem(("Edit key result###edit-key-result-" + kr.id).c_str()))
        c.editor.edit_key_result(kr);
    if (ImGui::MenuItem(("Delete key result…###delete-key-result-" + kr.id).c_str()))
        c.editor.confirm_deletion(c.workspace, EntityKind::key_result, kr.id);
    ImGui::EndPopup();
}

}  // namespace okr::ui
