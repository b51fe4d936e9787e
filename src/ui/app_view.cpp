#include "ui/app_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <initializer_list>
#include <misc/cpp/imgui_stdlib.h>

#include "core/csv_export.hpp"
#include "core/csv_import.hpp"
#include "core/export.hpp"
#include "core/team_part.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

constexpr float top_bar_row_height = 56.0f;

// How wide a run of buttons is, to tell whether it still fits on the row.
float buttons_width(std::initializer_list<const char*> labels, float gap)
{
    const float padding = ImGui::GetStyle().FramePadding.x * 2;
    float width = -gap;
    for (const char* label : labels)
        width += ImGui::CalcTextSize(label, nullptr, true).x + padding + gap;
    return width;
}

// The next group goes on this row when it fits before the bar's right edge, else it starts
// a new row: in a narrow window every button stays on the page.
void next_in_row(float width, float gap)
{
    ImGui::SameLine(0, gap);
    if (ImGui::GetCursorPosX() + width > ImGui::GetWindowContentRegionMax().x)
        ImGui::NewLine();
}

// "Kovač & Søn d.o.o." -> "kovač-søn-d-o-o": letters of any script are kept, other ASCII
// characters become single dashes.
std::string slug_of(const std::string& text)
{
    std::string name;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool keep = byte >= 0x80 || std::isalnum(byte);
        if (keep)
            name += static_cast<char>(std::tolower(byte));
        else if (!name.empty() && name.back() != '-')
            name += '-';
    }
    while (!name.empty() && name.back() == '-')
        name.pop_back();
    return name;
}

std::string base_name_for(const Workspace& workspace)
{
    const std::string name = slug_of(workspace.info.name);
    return name.empty() ? std::string("workspace") : name;
}

std::string file_name_for(const Workspace& workspace) { return base_name_for(workspace) + ".okr.json"; }

bool is_csv_name(const std::string& name)
{
    return name.size() >= 4 && std::equal(name.end() - 4, name.end(), ".csv", [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == b;
           });
}

// The person's own choice, else the system's appearance.
Theme chosen_theme(const Platform& platform)
{
    const std::string chosen = platform.setting("theme");
    if (chosen == "dark")
        return Theme::dark;
    if (chosen == "light")
        return Theme::light;
    return platform.prefers_dark_appearance() ? Theme::dark : Theme::light;
}

std::string cycle_label(const Cycle& cycle)
{
    return cycle.name + " (" + to_string(cycle.state) + ")###cycle-" + cycle.id;
}

}  // namespace

AppView::AppView(Session& session, Platform& platform, Fonts fonts)
    : session_(session), platform_(platform), fonts_(fonts)
{
    apply_theme(chosen_theme(platform_));
}

void AppView::draw()
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("OKR", nullptr, flags);

    if (session_.has_workspace()) {
        keep_valid(view_, session_.workspace());
        insights_.refresh(session_.workspace(), session_.revision(), platform_.today());
    }

    handle_shortcuts();
    draw_top_bar();
    draw_storage_banner();
    // Undo, redo or a cycle chosen in the top bar may have changed the workspace this frame:
    // the views below hold pointers into it, built from the insights' generation.
    if (session_.has_workspace()) {
        keep_valid(view_, session_.workspace());
        insights_.refresh(session_.workspace(), session_.revision(), platform_.today());
    }
    StorageRequests requests;
    if (session_.startup() == Startup::loading)
        draw_loading();
    else if (session_.has_workspace())
        draw_workspace();
    else if (session_.startup() == Startup::data_gone)
        storage_.draw_data_gone(session_, platform_, fonts_, requests);
    else
        draw_first_run();

    people_teams_.draw(session_, platform_, view_, fonts_, editor_);
    if (!people_teams_.is_open())
        editor_.draw(session_, platform_, view_, fonts_);
    problems_.draw();
    draw_merge_dialog();
    if (workspaces_.draw(session_, platform_, fonts_, new_workspace_requested_))
        view_ = ViewState{};
    if (new_workspace_requested_)
        new_workspace_name_.clear();
    draw_new_workspace_dialog();
    report_.draw(session_, platform_, fonts_);
    storage_.draw_dialogs(session_, platform_, fonts_, requests);
    carry_out(requests);
    draw_drop_hint();
    ImGui::End();
}

void AppView::draw_drop_hint()
{
    if (!file_dragged_over_)
        return;

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const ImVec2 from = viewport->Pos;
    const ImVec2 to(from.x + viewport->Size.x, from.y + viewport->Size.y);
    draw->AddRectFilled(from, to, colour::overlay);
    draw->AddRect(ImVec2(from.x + 16, from.y + 16), ImVec2(to.x - 16, to.y - 16), colour::accent, 12.0f, 0, 3.0f);

    const bool merges = session_.has_workspace() && !session_.workspace().objectives.empty();
    const char* title = "Drop the file to open it";
    const char* detail = merges ? "You will see what it changes before anything is merged into this workspace."
                                : "It becomes the workspace stored in this browser.";
    const ImVec2 centre(from.x + viewport->Size.x * 0.5f, from.y + viewport->Size.y * 0.5f);
    const ImVec2 title_size = fonts_.title->CalcTextSizeA(fonts_.title->FontSize, FLT_MAX, 0.0f, title);
    draw->AddText(fonts_.title, fonts_.title->FontSize, ImVec2(centre.x - title_size.x * 0.5f, centre.y - title_size.y),
                  colour::text, title);
    const ImVec2 detail_size = ImGui::CalcTextSize(detail);
    draw->AddText(ImVec2(centre.x - detail_size.x * 0.5f, centre.y + 10), colour::muted_text, detail);
}

// Ctrl (Cmd on macOS) + Z undoes; + Shift + Z or + Y redoes. Inside a text field the
// keys belong to the field's own undo.
void AppView::handle_shortcuts()
{
    const ImGuiIO& io = ImGui::GetIO();
    if (!session_.has_workspace() || io.WantTextInput || !(io.KeyCtrl || io.KeySuper))
        return;
    // Under an open form or confirmation, an undo would change what the dialog is about.
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        return;
    const bool z = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false);
    const bool y = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false);
    if (z && !io.KeyShift)
        session_.undo(platform_.now());
    else if ((z && io.KeyShift) || y)
        session_.redo(platform_.now());
}

void AppView::draw_undo_buttons()
{
    ImGui::BeginDisabled(!session_.can_undo());
    if (ImGui::Button("Undo###undo"))
        session_.undo(platform_.now());
    if (session_.can_undo() && ImGui::IsItemHovered())
        ImGui::SetTooltip("Undo: %s (Ctrl+Z)", session_.undo_summary().c_str());
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!session_.can_redo());
    if (ImGui::Button("Redo###redo"))
        session_.redo(platform_.now());
    if (session_.can_redo() && ImGui::IsItemHovered())
        ImGui::SetTooltip("Redo: %s (Ctrl+Shift+Z)", session_.redo_summary().c_str());
    ImGui::EndDisabled();
}

// A long name must not push the top bar's buttons off the page: it is cut to a share of
// the width, with an ellipsis, and shown whole on hover.
void AppView::draw_workspace_title(const std::string& name)
{
    const float room = std::max(120.0f, ImGui::GetMainViewport()->Size.x * 0.22f);
    if (ImGui::CalcTextSize(name.c_str()).x <= room) {
        ImGui::TextUnformatted(name.c_str());
        return;
    }
    std::string shown = name;
    while (!shown.empty() && ImGui::CalcTextSize((shown + "…").c_str()).x > room) {
        // One whole character at a time: continuation bytes, then the byte that starts it.
        while (!shown.empty()) {
            const auto last = static_cast<unsigned char>(shown.back());
            shown.pop_back();
            if ((last & 0xC0) != 0x80)
                break;
        }
    }
    shown += "…";
    ImGui::TextUnformatted(shown.c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", name.c_str());
}

void AppView::draw_top_bar()
{
    ImGui::BeginChild("top-bar", ImVec2(0, top_bar_height_), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 6);
    ImGui::PushFont(fonts_.title);
    draw_workspace_title(session_.has_workspace() ? session_.workspace().info.name : std::string("OKR"));
    ImGui::PopFont();

    if (session_.has_workspace()) {
        const Workspace& workspace = session_.workspace();
        next_in_row(190, 28);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
        ImGui::SetNextItemWidth(190);
        const Cycle* current = find_by_id(workspace.cycles, view_.cycle);
        const bool picking = ImGui::BeginCombo("###cycle-picker", current ? cycle_label(*current).c_str() : "No cycle");
        widget_probe_note_last_item("###cycle-picker");
        if (picking) {
            for (const Cycle& cycle : workspace.cycles)
                if (ImGui::Selectable(cycle_label(cycle).c_str(), cycle.id == view_.cycle))
                    view_.cycle = cycle.id;
            ImGui::EndCombo();
        }
        next_in_row(screen_switch_width(), 16);
        draw_screen_switch(view_, workspace);

        const float gap = ImGui::GetStyle().ItemSpacing.x;
        next_in_row(buttons_width({"Open…", "Export", "Workspaces", "History", "People & teams"}, gap), gap);
        if (ImGui::Button("Open…###open-file"))
            choose_file();
        ImGui::SameLine();
        draw_export_menu();
        ImGui::SameLine();
        if (ImGui::Button("Workspaces###workspaces-open"))
            workspaces_.open(session_);
        ImGui::SameLine();
        if (ImGui::Button("History###history-open"))
            storage_.open_history(session_);
        ImGui::SameLine();
        if (ImGui::Button("People & teams###people-teams-open"))
            people_teams_.open();

        next_in_row(buttons_width({"Undo", "Redo", "Light"}, gap) + 20, 20);
        draw_undo_buttons();
        ImGui::SameLine(0, 20);
        draw_theme_switch();
        next_in_row(ImGui::CalcTextSize("All changes saved  (kept by the browser)").x, 20);
        draw_save_status();
    }
    // Rows as drawn now: the next frame's bar is as tall as they need.
    top_bar_height_ = std::max(top_bar_row_height, ImGui::GetCursorPosY() + 10);
    ImGui::EndChild();
}

void AppView::draw_theme_switch()
{
    const bool dark = current_theme() == Theme::dark;
    if (!ImGui::Button(dark ? "Light###theme-switch" : "Dark###theme-switch"))
        return;
    apply_theme(dark ? Theme::light : Theme::dark);
    platform_.keep_setting("theme", dark ? "light" : "dark");
}

void AppView::draw_save_status()
{
    switch (session_.save_status()) {
    case SaveStatus::saved:
        muted_text("All changes saved");
        storage_.draw_persistence(session_);
        break;
    case SaveStatus::pending:
    case SaveStatus::saving: muted_text("Saving…"); break;
    case SaveStatus::failed:
        ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
        ImGui::TextUnformatted("Not saved");
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", session_.save_error().c_str());
        break;
    case SaveStatus::not_stored:
        ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
        ImGui::TextUnformatted("Not stored in this browser");
        ImGui::PopStyleColor();
        break;
    }
}

// Said plainly whenever edits are not reaching storage, with the way out beside it.
void AppView::draw_storage_banner()
{
    const bool unavailable = session_.startup() == Startup::storage_failed;
    const bool failing = session_.save_status() == SaveStatus::failed;
    if (!unavailable && !failing)
        return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colour::error_bg);
    ImGui::BeginChild("storage-banner", ImVec2(0, 64), true);
    if (session_.has_workspace()) {
        if (ImGui::Button("Export now###banner-export"))
            export_file();
        ImGui::SameLine();
    }
    if (unavailable)
        ImGui::TextWrapped("This browser's storage is not available, so nothing you do here is being saved. "
                           "Export your workspace to keep it. (%s)",
                           session_.storage_error().c_str());
    else
        ImGui::TextWrapped("Your latest changes could not be saved in this browser, so they live only in this "
                           "tab for now; the next change tries again. Export to keep a copy. (%s)",
                           session_.save_error().c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void AppView::carry_out(const StorageRequests& requests)
{
    if (requests.export_workspace && session_.has_workspace())
        export_file();
    if (requests.open_file)
        choose_file();
    if (requests.load_example)
        open_file_contents("the example", platform_.example_workspace());
    if (requests.start_new) {
        new_workspace_requested_ = true;
        new_workspace_name_.clear();
    }
}

void AppView::draw_loading()
{
    ImGui::Spacing();
    muted_text("Loading your workspace…");
    storage_.draw_loading_notice(session_);
}

void AppView::draw_first_run()
{
    const float width = std::min(560.0f, ImGui::GetContentRegionAvail().x);
    ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - width) * 0.5f, ImGui::GetCursorPosY() + 80));
    ImGui::BeginGroup();
    ImGui::PushFont(fonts_.title);
    ImGui::TextUnformatted("Your OKRs, on your own machine");
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    muted_text("Nothing is stored in this browser yet.");
    ImGui::TextWrapped("Open a cascade file a teammate shared (or drop it on this page), explore an example "
                       "company's quarter, or start an empty workspace. Everything stays in this browser until "
                       "you export it.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Spacing();
    if (primary_button("Open a file###first-open", 170, 40))
        choose_file();
    ImGui::SameLine();
    if (ImGui::Button("Load the example###first-example", ImVec2(170, 40)))
        open_file_contents("the example", platform_.example_workspace());
    ImGui::SameLine();
    if (ImGui::Button("New workspace###first-new", ImVec2(170, 40))) {
        new_workspace_requested_ = true;
        new_workspace_name_.clear();
    }
    ImGui::EndGroup();
}

void AppView::draw_workspace()
{
    if (view_.screen == Screen::weekly_check_in) {
        weekly_check_in_.draw(session_, platform_, view_, fonts_);
        return;
    }
    if (view_.screen == Screen::alignment_map) {
        alignment_map_.draw(session_.workspace(), insights_, view_, fonts_);
        return;
    }
    if (view_.screen == Screen::cycles) {
        cycles_.draw(session_, platform_, view_, fonts_);
        return;
    }
    if (view_.screen == Screen::kpis) {
        kpi_board_.draw(session_, platform_, view_, fonts_);
        return;
    }
    const float detail_width = std::clamp(ImGui::GetContentRegionAvail().x * 0.34f, 320.0f, 500.0f);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(-detail_width - 12);
    finder_.draw(session_.workspace(), insights_, view_, fonts_);
    ImGui::PopItemWidth();
    ImGui::BeginChild("cascade", ImVec2(-detail_width - 12, 0), false);
    cascade_.draw(session_.workspace(), insights_, view_, fonts_, editor_);
    ImGui::EndChild();
    ImGui::EndGroup();
    ImGui::SameLine(0, 12);
    ImGui::BeginGroup();
    draw_side_panel();
    ImGui::EndGroup();
}

void AppView::draw_side_panel()
{
    const auto tab = [&](const std::string& label, SidePanel side) {
        const bool active = view_.side == side;
        if (active ? primary_button(label.c_str()) : ImGui::Button(label.c_str()))
            view_.side = side;
    };
    const auto findings = findings_in_cycle(session_.workspace(), insights_, view_.cycle);
    tab("Key result###side-kr", SidePanel::key_result);
    ImGui::SameLine();
    tab("Coach (" + std::to_string(findings.size()) + ")###side-coach", SidePanel::coach);

    ImGui::BeginChild("side-panel", ImVec2(0, 0), true);
    if (view_.side == SidePanel::coach)
        coach_.draw(session_.workspace(), insights_, view_, fonts_);
    else
        key_result_panel_.draw(session_, platform_, insights_, view_, fonts_);
    ImGui::EndChild();
}

void AppView::choose_file()
{
    platform_.pick_json_file(
        [this](std::string name, std::string bytes) { open_file_contents(name, bytes); });
}

void AppView::open_file_contents(const std::string& name, const std::string& bytes)
{
    if (is_csv_name(name)) {
        open_check_ins_sheet(name, bytes);
        return;
    }
    // Into a workspace with content, a file is merged, after a preview; a refused file
    // never gets that far.
    const bool has_content = session_.has_workspace() && !session_.workspace().objectives.empty();
    if (!has_content) {
        open_now(name, bytes);
        return;
    }
    Session::MergePreview preview = session_.preview_merge(bytes);
    if (preview.import.refused() || !preview.merge) {
        show_refusal(name, std::move(preview.import.refusals));
        return;
    }
    merge_dialog_.open(name, bytes, std::move(*preview.merge));
}

void AppView::open_dropped_files(const std::string& first_name, const std::string& first_bytes, int count)
{
    file_dragged_over_ = false;
    if (session_.startup() == Startup::loading)
        return;  // the page is still reading storage; the person sees nothing happened and can drop again
    if (count > 1) {
        problems_.open("The files were not opened",
                       std::to_string(count) + " files were dropped; drop one at a time, so that each can be "
                       "previewed before it is merged. Your workspace is unchanged.",
                       {});
        return;
    }
    open_file_contents(first_name, first_bytes);
}

// The file's own name, marked as a copy when a workspace of that name is already here.
void AppView::open_separately(const std::string& file_name, const std::string& bytes)
{
    const ImportResult peek = import_workspace(bytes);
    if (peek.refused()) {
        show_refusal(file_name, peek.refusals);
        return;
    }
    std::string name = peek.workspace->info.name.empty() ? file_name : peek.workspace->info.name;
    if (session_.has_workspace() && session_.workspace().info.name == name)
        name += " (from " + file_name + ")";
    session_.open_file_as_new_workspace(bytes, "w-" + platform_.unique_suffix(), name, platform_.now());
    view_ = ViewState{};
}

void AppView::report_unreadable_file(const std::string& name, const std::string& reason)
{
    file_dragged_over_ = false;
    problems_.open("The file was not opened",
                   "\"" + name + "\" could not be read (" + reason + "). Your workspace is unchanged.", {});
}

// Check-ins from a spreadsheet join the open workspace through the same preview as a
// teammate's file; nothing is added before the person says Merge.
void AppView::open_check_ins_sheet(const std::string& name, const std::string& bytes)
{
    if (!session_.has_workspace()) {
        problems_.open("The spreadsheet was not opened",
                       "\"" + name + "\" holds check-ins, which are added to the key results of a workspace. "
                       "Open or create the workspace first, then open the spreadsheet again.",
                       {});
        return;
    }
    CheckInCsvImport sheet = import_check_ins_csv(session_.workspace(), bytes, platform_.now());
    if (sheet.refused()) {
        std::vector<Problem> problems;
        for (const CsvProblem& problem : sheet.refusals)
            problems.push_back({problem.row == 0 ? std::string()
                                                 : "row " + std::to_string(problem.row) +
                                                       (problem.column.empty() ? "" : ", column " + problem.column),
                                problem.message});
        show_refusal(name, std::move(problems));
        return;
    }
    merge_dialog_.open(name, bytes, merge_workspaces(session_.workspace(), *sheet.incoming), false);
}

void AppView::show_refusal(const std::string& name, std::vector<Problem> refusals)
{
    const std::string summary = "\"" + name + "\" was not opened: " + std::to_string(refusals.size()) +
                                (refusals.size() == 1 ? " problem" : " problems") + ". Your workspace is unchanged.";
    problems_.open("The file was not opened", summary, std::move(refusals));
}

void AppView::open_now(const std::string& name, const std::string& bytes)
{
    ImportResult result = session_.open_file(bytes);
    if (result.refused()) {
        show_refusal(name, std::move(result.refusals));
        return;
    }
    view_ = ViewState{};
    keep_valid(view_, session_.workspace());
    if (!result.warnings.empty()) {
        const std::string summary = "\"" + name + "\" was opened. " + std::to_string(result.warnings.size()) +
                                    " things are worth a look; nothing was dropped.";
        problems_.open("Opened, with notes", summary, std::move(result.warnings));
    }
}

void AppView::export_file()
{
    platform_.download(file_name_for(session_.workspace()), session_.export_text());
}

// The whole workspace, one team's part for that team to work on and merge back, or
// spreadsheets of key results and check-ins.
void AppView::draw_export_menu()
{
    if (ImGui::Button("Export###export-menu"))
        ImGui::OpenPopup("export-choices");
    if (!ImGui::BeginPopup("export-choices"))
        return;

    const Workspace& workspace = session_.workspace();
    if (ImGui::MenuItem("Whole workspace (JSON)###export-file"))
        export_file();
    if (ImGui::BeginMenu("One team's part (JSON)###export-team", !workspace.teams.empty())) {
        for (const Team& team : workspace.teams) {
            const std::string label = team.name + "###export-team-" + team.id;
            if (ImGui::MenuItem(label.c_str()))
                export_team(team.id);
        }
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Key results (CSV)###export-key-results-csv"))
        platform_.download(base_name_for(workspace) + "-key-results.csv", key_results_csv(workspace));
    if (ImGui::MenuItem("Check-ins (CSV)###export-check-ins-csv"))
        platform_.download(base_name_for(workspace) + "-check-ins.csv", check_ins_csv(workspace));
    ImGui::Separator();
    if (ImGui::MenuItem("Cycle report…###export-cycle-report", nullptr, false, !workspace.cycles.empty()))
        report_.open(view_.cycle);
    ImGui::EndPopup();
}

void AppView::export_team(const Id& team_id)
{
    TeamPartResult part = team_part(session_.workspace(), team_id);
    if (const auto* error = std::get_if<TeamPartError>(&part)) {
        problems_.open("The team file was not written", error->message, {});
        return;
    }
    const Team* team = find_by_id(session_.workspace().teams, team_id);
    const std::string team_name = team ? slug_of(team->name) : team_id;
    platform_.download(base_name_for(session_.workspace()) + "-" + team_name + ".okr.json",
                       export_workspace(std::get<Workspace>(part)));
}

void AppView::draw_merge_dialog()
{
    if (!session_.has_workspace())
        return;
    switch (merge_dialog_.draw(session_.workspace(), fonts_)) {
    case MergeDialog::Choice::merge:
        merge_as_previewed_now();
        merge_dialog_.close();
        break;
    case MergeDialog::Choice::separate:
        open_separately(merge_dialog_.file_name(), merge_dialog_.bytes());
        merge_dialog_.close();
        break;
    case MergeDialog::Choice::cancel: merge_dialog_.close(); break;
    case MergeDialog::Choice::none: break;
    }
}

// The workspace may have moved on while the preview was open (another tab's save taken
// in): the merge is made again against what is open now, so nothing newer is reverted.
void AppView::merge_as_previewed_now()
{
    const std::string& name = merge_dialog_.file_name();
    const std::string& bytes = merge_dialog_.bytes();
    if (is_csv_name(name)) {
        CheckInCsvImport sheet = import_check_ins_csv(session_.workspace(), bytes, platform_.now());
        if (!sheet.refused())
            session_.apply_merge(merge_workspaces(session_.workspace(), *sheet.incoming), name, platform_.now());
        return;
    }
    Session::MergePreview preview = session_.preview_merge(bytes);
    if (preview.merge)
        session_.apply_merge(*preview.merge, name, platform_.now());
}

void AppView::draw_new_workspace_dialog()
{
    if (new_workspace_requested_) {
        ImGui::OpenPopup("New workspace###new-workspace");
        new_workspace_requested_ = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(460, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("New workspace###new-workspace", nullptr, ImGuiWindowFlags_NoSavedSettings))
        return;
    ImGui::TextUnformatted("What is your organisation called?");
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    const bool entered =
        ImGui::InputText("###new-workspace-name", &new_workspace_name_, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Spacing();
    const bool named = new_workspace_name_.find_first_not_of(" \t") != std::string::npos;
    ImGui::BeginDisabled(!named);
    if ((primary_button("Create###new-workspace-create") || entered) && named) {
        if (session_.create_workspace(new_workspace_name_, "w-" + platform_.unique_suffix(), platform_.now()))
            view_ = ViewState{};
        else
            problems_.open("No new workspace yet", session_.why_it_cannot_be_left(), {});
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel###new-workspace-cancel"))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace okr::ui
