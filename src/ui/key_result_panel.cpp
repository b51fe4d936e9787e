#include "ui/key_result_panel.hpp"

#include <imgui.h>

#include <cmath>
#include <misc/cpp/imgui_stdlib.h>

#include "core/check_in_week.hpp"
#include "core/progress.hpp"
#include "ui/cascade_view.hpp"
#include "ui/format.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {

void KeyResultPanel::draw(Session& session, Platform& platform, const Insights& insights, ViewState& view,
                          const Fonts& fonts)
{
    const Workspace& workspace = session.workspace();
    const KeyResult* kr = find_by_id(workspace.key_results, view.key_result);
    const KeyResultInsight* insight = kr ? insights.key_result(kr->id) : nullptr;
    if (!kr || !insight) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);
        muted_text("Select a key result to see its check-ins and record a new one.");
        ImGui::PopTextWrapPos();
        return;
    }
    if (form_.key_result != kr->id)
        reset_form(*kr, *insight, platform.today());
    follow_today(platform.today());

    ImGui::PushID(kr->id.c_str());
    draw_summary(workspace, insights, *kr, fonts);
    ImGui::Spacing();
    draw_page_switch(workspace, *kr);
    ImGui::Separator();
    ImGui::Spacing();
    switch (page_) {
    case Page::check_ins:
        draw_form(session, platform, *kr, fonts);
        ImGui::Spacing();
        ImGui::Separator();
        draw_history(workspace, *kr, fonts);
        break;
    case Page::chart: draw_chart_page(workspace, *kr, *insight, platform.today(), fonts); break;
    case Page::tasks: tasks_.draw(session, platform, *kr, fonts); break;
    case Page::dependencies: dependencies_.draw(session, platform, *kr, fonts); break;
    }
    ImGui::PopID();
}

void KeyResultPanel::draw_page_switch(const Workspace& workspace, const KeyResult& kr)
{
    const auto tasks = tasks_of(workspace, kr.id);
    int dependencies = 0;
    for (const Dependency& d : workspace.dependencies)
        dependencies += (d.from == kr.id || d.from == kr.objective || d.to == kr.id || d.to == kr.objective) ? 1 : 0;

    const auto option = [&](const std::string& label, Page page) {
        const bool current = page_ == page;
        if (current ? primary_button(label.c_str()) : ImGui::Button(label.c_str()))
            page_ = page;
        ImGui::SameLine(0, 4);
    };
    option("Check-ins###kr-page-check-ins", Page::check_ins);
    option("Chart###kr-page-chart", Page::chart);
    option("Tasks (" + std::to_string(tasks.size()) + ")###kr-page-tasks", Page::tasks);
    option("Dependencies (" + std::to_string(dependencies) + ")###kr-page-dependencies", Page::dependencies);
    ImGui::NewLine();
}

void KeyResultPanel::draw_chart_page(const Workspace& workspace, const KeyResult& kr, const KeyResultInsight& insight,
                                     Date today, const Fonts& fonts)
{
    chart_.draw(workspace, kr, insight, today, fonts);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    if (insight.progress.invalid_reason)
        muted_text(("The expected line needs a measurable key result: " + *insight.progress.invalid_reason + ".")
                       .c_str());
    else if (!insight.progress.latest && !driven_by_tasks(workspace, kr))
        muted_text("No check-ins yet: the first one starts the line of readings.");
    ImGui::PopTextWrapPos();
    const std::optional<Date> deadline = deadline_of(workspace, kr);
    const std::string due = deadline ? " (" + deadline->to_string() + ")" : std::string();
    ImGui::PushTextWrapPos(0);
    if (insight.forecast.value && insight.forecast.score)
        ImGui::TextWrapped("Forecast at the deadline%s: %s, %s of the way from baseline to target.", due.c_str(),
                           format_value(*insight.forecast.value, kr.unit).c_str(),
                           format_percent(*insight.forecast.score).c_str());
    else if (insight.forecast.value)
        ImGui::TextWrapped("Forecast at the deadline%s: %s.", due.c_str(),
                           format_value(*insight.forecast.value, kr.unit).c_str());
    else if (insight.forecast.reason)
        muted_text(("No forecast: " + *insight.forecast.reason + ".").c_str());
    ImGui::PushFont(fonts.small);
    muted_text("The forecast is a straight line through this cycle's check-ins, carried on to the deadline.");
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
}

void KeyResultPanel::reset_form(const KeyResult& kr, const KeyResultInsight& insight, Date today)
{
    const KrProgress& progress = insight.progress;
    form_ = CheckInForm{};
    form_.key_result = kr.id;
    form_.date = today.to_string();
    form_.value = progress.current_value.value_or(kr.baseline.value_or(0.0));
    form_.confidence = progress.latest ? progress.latest->confidence : 0.5;
}

// The form takes the reading's figures, and saving it records a correction of it.
void KeyResultPanel::start_correction(const CheckIn& check_in)
{
    form_.date = check_in.date.to_string();
    form_.value = check_in.value;
    form_.confidence = check_in.confidence;
    form_.note = check_in.note.value_or("");
    form_.error.clear();
    form_.corrects = check_in.id;
}

// A form left open across midnight offers the new day, unless the person typed a date or
// is correcting a reading, whose date stays its own.
void KeyResultPanel::follow_today(Date today)
{
    if (!form_.date_typed && form_.corrects.empty())
        form_.date = today.to_string();
}

void KeyResultPanel::draw_summary(const Workspace& workspace, const Insights& insights, const KeyResult& kr,
                                  const Fonts& fonts)
{
    const KeyResultInsight& insight = *insights.key_result(kr.id);
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", kr.title.c_str());
    ImGui::PopFont();

    if (const Objective* objective = find_by_id(workspace.objectives, kr.objective)) {
        ImGui::PushFont(fonts.small);
        muted_text(("Objective: " + objective->title).c_str());
        ImGui::PopFont();
    }

    const auto number = [&](const std::optional<double>& v) { return v ? format_value(*v, kr.unit) : "–"; };
    ImGui::Text("%s  ·  from %s to %s  ·  due %s", to_string(kr.direction), number(kr.baseline).c_str(),
                number(kr.target).c_str(), kr.deadline ? kr.deadline->to_string().c_str() : "–");

    const KrProgress& progress = insight.progress;
    if (progress.invalid_reason) {
        invalid_badge(*progress.invalid_reason);
        ImGui::SameLine();
        ImGui::TextWrapped("%s", progress.invalid_reason->c_str());
        return;
    }
    progress_bar(progress.progress, -1, progress.raw);
    status_badges(insight);

    if (insight.expected)
        ImGui::Text("Expected by today: %s  ·  actual: %s", format_percent(*insight.expected).c_str(),
                    format_percent(progress.progress.value_or(0)).c_str());
    if (insight.forecast.value && insight.forecast.score)
        ImGui::TextWrapped("Forecast at the deadline: %s (%s of the target)",
                           format_value(*insight.forecast.value, kr.unit).c_str(),
                           format_percent(*insight.forecast.score).c_str());
    else if (insight.forecast.reason)
        muted_text(("No forecast: " + *insight.forecast.reason).c_str());
    if (insight.final_score)
        badge(("Final score " + format_number(round_to_tenth(*insight.final_score))).c_str(),
              grade_colour(*insight.final_score), false);

    const auto findings = insights.findings_for("key_results", kr.id);
    for (const Finding* finding : findings) {
        ImGui::PushTextWrapPos(0);
        ImGui::PushStyleColor(ImGuiCol_Text, finding->severity == Severity::error ? colour::red : colour::muted_text);
        ImGui::TextWrapped("Coach: %s", finding->message.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }
}

void KeyResultPanel::draw_form(Session& session, Platform& platform, const KeyResult& kr, const Fonts& fonts)
{
    const CheckIn* corrected = find_by_id(session.workspace().check_ins, form_.corrects);
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(corrected ? ("Correct the check-in of " + corrected->date.to_string()).c_str()
                                     : "New check-in");
    ImGui::PopFont();
    if (corrected) {
        ImGui::PushFont(fonts.small);
        muted_text("The earlier reading stays in the history, marked as superseded.");
        ImGui::PopFont();
    }

    const Cycle* cycle = cycle_of(session.workspace(), kr);
    if (cycle && cycle->state == CycleState::closed) {
        ImGui::PushTextWrapPos(0);
        muted_text(("The cycle " + cycle->name + " is closed: its scores are frozen and it takes no new check-ins.")
                       .c_str());
        ImGui::PopTextWrapPos();
        return;
    }

    // Enter in a one-line field records the check-in, as in any form. The fields apply
    // what is typed as it is typed, so leaving them by Tab or click loses nothing.
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    const bool submitted = enter && form_.one_line_field_active;
    ImGui::PushItemWidth(220);
    if (ImGui::InputText("Date###checkin-date", &form_.date))
        form_.date_typed = true;
    bool one_line_active = ImGui::IsItemActive();
    const std::string value_label = "Value" + (kr.unit ? " (" + *kr.unit + ")" : std::string()) + "###checkin-value";
    // Every digit a reading can carry: with fewer, editing 1234567.8 would save 1.23457e+06.
    ImGui::InputDouble(value_label.c_str(), &form_.value, 0.0, 0.0, "%.15g");
    one_line_active = one_line_active || ImGui::IsItemActive();
    form_.one_line_field_active = one_line_active;
    const double no_confidence = 0.0, full_confidence = 1.0;
    ImGui::SliderScalar("Confidence###checkin-confidence", ImGuiDataType_Double, &form_.confidence, &no_confidence,
                        &full_confidence, "%.2f", ImGuiSliderFlags_AlwaysClamp);
    ImGui::PopItemWidth();
    muted_text("Note");
    ImGui::InputTextMultiline("###checkin-note", &form_.note, ImVec2(-1, 60));

    const std::optional<Date> date = Date::parse(form_.date);
    if (date && cycle && (*date < cycle->start || *date > cycle->end)) {
        ImGui::PushTextWrapPos(0);
        ImGui::PushStyleColor(ImGuiCol_Text, colour::yellow);
        ImGui::TextUnformatted(("This date is outside " + cycle->name + " (" + cycle->start.to_string() + " to " +
                                cycle->end.to_string() + "); it will not count towards this cycle's progress.")
                                   .c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }

    if (corrected) {
        if (primary_button("Save correction###checkin-save-correction") || submitted)
            submit(session, platform, kr);
        ImGui::SameLine();
        if (ImGui::Button("Cancel###checkin-cancel-correction"))
            form_.key_result.clear();  // back to a new check-in next frame
    } else if (primary_button("Record check-in###checkin-record") || submitted) {
        submit(session, platform, kr);
    }
    if (!form_.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
        ImGui::TextWrapped("%s", form_.error.c_str());
        ImGui::PopStyleColor();
    }
}

void KeyResultPanel::submit(Session& session, Platform& platform, const KeyResult& kr)
{
    follow_today(platform.today());
    const std::optional<Date> date = Date::parse(form_.date);
    if (!date) {
        form_.error = "The date must be a day written as YYYY-MM-DD, for example " +
                      platform.today().to_string() + ".";
        return;
    }

    CheckInDraft draft;
    draft.key_result = kr.id;
    draft.date = *date;
    draft.value = form_.value;
    // The slider moves in hundredths; the file keeps the figure the person saw, not its
    // binary neighbour.
    draft.confidence = std::round(form_.confidence * 100.0) / 100.0;
    draft.note = form_.note;

    const Id new_id = "ci-" + platform.unique_suffix();
    EditResult result = form_.corrects.empty()
                            ? record_check_in(session.workspace(), draft, new_id, platform.now())
                            : record_correction(session.workspace(), form_.corrects, draft, new_id, platform.now());
    if (const auto* refused = std::get_if<EditRefused>(&result)) {
        form_.error = refused->message;
        return;
    }
    session.apply(std::get<ChangeSet>(std::move(result)), platform.now());
    form_.key_result.clear();  // refill from the new latest check-in next frame
}

void KeyResultPanel::draw_history(const Workspace& workspace, const KeyResult& kr, const Fonts& fonts)
{
    std::vector<const CheckIn*> history;
    for (const CheckIn& check_in : workspace.check_ins)
        if (check_in.key_result == kr.id)
            history.push_back(&check_in);
    std::sort(history.begin(), history.end(), [](const CheckIn* a, const CheckIn* b) {
        return a->date != b->date ? a->date > b->date : a->recorded_at > b->recorded_at;
    });

    ImGui::Text("Check-ins (%d)", static_cast<int>(history.size()));
    if (history.empty()) {
        muted_text("No check-ins yet.");
        return;
    }
    // A closed cycle's scores are frozen: its readings are no longer corrected.
    const Cycle* cycle = cycle_of(workspace, kr);
    const bool can_correct = !cycle || cycle->state != CycleState::closed;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("history", can_correct ? 5 : 4, flags, ImVec2(0, 0)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, 88);
    ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthFixed, 74);
    ImGui::TableSetupColumn("Conf.", ImGuiTableColumnFlags_WidthFixed, 44);
    ImGui::TableSetupColumn("Note", ImGuiTableColumnFlags_WidthStretch);
    if (can_correct)
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 58);
    ImGui::TableHeadersRow();
    for (const CheckIn* check_in : history)
        draw_history_row(workspace, kr, *check_in, can_correct, fonts);
    ImGui::EndTable();
}

// A superseded reading stays listed, greyed, so that a correction never hides what was
// first written.
void KeyResultPanel::draw_history_row(const Workspace& workspace, const KeyResult& kr, const CheckIn& check_in,
                                      bool can_correct, const Fonts& fonts)
{
    const CheckIn* correction = correction_of(workspace, check_in.id);
    ImGui::TableNextRow();
    if (form_.corrects == check_in.id)
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, soft(colour::accent));
    if (correction)
        ImGui::PushStyleColor(ImGuiCol_Text, colour::muted_text);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(check_in.date.to_string().c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_value(check_in.value, kr.unit).c_str());
    ImGui::TableNextColumn();
    if (correction)
        ImGui::Text("%s", format_number(check_in.confidence).c_str());
    else
        confidence_text(check_in.confidence);
    ImGui::TableNextColumn();
    ImGui::PushFont(fonts.small);
    if (correction) {
        badge("superseded", colour::muted_text, false);
        widget_probe_note_last_item(("superseded###history-superseded-" + check_in.id).c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Replaced by the correction recorded %s", correction->recorded_at.to_text().c_str());
    }
    if (check_in.corrects) {
        badge("correction", colour::accent, false);
        const CheckIn* original = find_by_id(workspace.check_ins, *check_in.corrects);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Replaces the reading %s",
                              original ? ("of " + original->date.to_string()).c_str() : check_in.corrects->c_str());
    }
    ImGui::PopFont();
    const std::string note = check_in.note.value_or("");
    if (!note.empty())
        ImGui::TextWrapped("%s", note.c_str());
    if (correction)
        ImGui::PopStyleColor();

    if (can_correct) {
        ImGui::TableNextColumn();
        if (!correction && ImGui::SmallButton(("Correct###correct-" + check_in.id).c_str()))
            start_correction(check_in);
    }
}

}  // namespace okr::ui
