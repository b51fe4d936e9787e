#include "ui/report_window.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cctype>

#include "core/cycle_report.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

// "2027 Q1" -> "2027-q1": letters and digits of any script kept, the rest single dashes.
std::string file_part(const std::string& text)
{
    std::string part;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || std::isalnum(byte))
            part += static_cast<char>(std::tolower(byte));
        else if (!part.empty() && part.back() != '-')
            part += '-';
    }
    while (!part.empty() && part.back() == '-')
        part.pop_back();
    return part.empty() ? std::string("cycle") : part;
}

}  // namespace

void ReportWindow::open(const Id& cycle)
{
    cycle_ = cycle;
    requested_ = true;
    written_ = false;
    notice_.clear();
}

void ReportWindow::draw(const Session& session, Platform& platform, const Fonts& fonts)
{
    const char* popup = "Cycle report###report-window";
    if (requested_) {
        ImGui::OpenPopup(popup);
        requested_ = false;
    }
    const ImVec2 viewport = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(860.0f, viewport.x - 40), std::min(680.0f, viewport.y - 40)),
                             ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar))
        return;
    widget_probe_note_window_title(popup);
    if (!session.has_workspace()) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const Workspace& workspace = session.workspace();

    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("Cycle report");
    ImGui::PopFont();
    muted_text("Objectives by team with their key results, scores, grades and retrospectives, as Markdown.");
    ImGui::Spacing();
    draw_cycle_picker(workspace);
    refresh(session);
    ImGui::Spacing();

    const float actions_height = ImGui::GetFrameHeightWithSpacing() + 12;
    ImGui::InputTextMultiline("###report-text", &markdown_, ImVec2(-1, ImGui::GetContentRegionAvail().y - actions_height),
                              ImGuiInputTextFlags_ReadOnly);
    ImGui::Spacing();
    draw_actions(workspace, platform);
    ImGui::EndPopup();
}

void ReportWindow::draw_cycle_picker(const Workspace& workspace)
{
    const Cycle* current = find_by_id(workspace.cycles, cycle_);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Cycle");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(220);
    const bool picking = ImGui::BeginCombo("###report-cycle", current ? current->name.c_str() : "No cycle");
    widget_probe_note_last_item("###report-cycle");
    if (picking) {
        for (const Cycle& cycle : workspace.cycles)
            if (ImGui::Selectable((cycle.name + " (" + to_string(cycle.state) + ")###report-cycle-" + cycle.id).c_str(),
                                  cycle.id == cycle_))
                cycle_ = cycle.id;
        ImGui::EndCombo();
    }
}

void ReportWindow::draw_actions(const Workspace& workspace, Platform& platform)
{
    const std::optional<CycleReport>& report = report_;
    ImGui::BeginDisabled(!report);
    if (primary_button("Copy Markdown###report-copy")) {
        ImGui::SetClipboardText(markdown_.c_str());
        notice_ = "Copied to the clipboard.";
    }
    ImGui::SameLine();
    const std::string base = file_part(workspace.info.name) + "-" + (report ? file_part(report->cycle) : "cycle");
    if (ImGui::Button("Download .md###report-download")) {
        platform.download(base + "-report.md", markdown_);
        notice_ = "Downloaded " + base + "-report.md.";
    }
    ImGui::SameLine();
    if (ImGui::Button("Print view###report-print") && report) {
        platform.print_document(report->workspace + ": " + report->cycle, report_html(*report));
        notice_ = "The print view opens in the browser's print dialog.";
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    muted_text(notice_.c_str());
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - 90));
    if (ImGui::Button("Close###report-close", ImVec2(90, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ImGui::CloseCurrentPopup();
}

void ReportWindow::refresh(const Session& session)
{
    if (written_ && revision_ == session.revision() && written_cycle_ == cycle_)
        return;
    written_ = true;
    revision_ = session.revision();
    written_cycle_ = cycle_;
    report_ = cycle_report(session.workspace(), cycle_);
    markdown_ = report_ ? report_markdown(*report_) : "Pick a cycle to report on.";
}

}  // namespace okr::ui
