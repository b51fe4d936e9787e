#pragma once
// A cycle written up for the people who were not in the room: each team's objectives with
// their key results, progress, scores and grades (docs/okr-method.md, "Scores at the end
// of a cycle"), how the scores spread over the grades, and the teams' retrospectives.
// The same report reads as Markdown (for a wiki or a chat) and as a print-ready HTML page.

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/scoring.hpp"

namespace okr {

struct ReportKeyResult {
    std::string title;
    std::string owner;                // the person's name; empty when none
    std::optional<double> progress;   // now, clamped; null when the KR cannot be measured
    // The final score of a closed cycle; in a draft or active one, the score the KR would
    // get if the cycle closed today. Null when the KR cannot be scored.
    std::optional<double> score;
};

struct ReportObjective {
    std::string title;
    std::string owner;
    bool committed = false;
    std::optional<double> progress;
    std::optional<double> score;
    bool committed_missed = false;
    std::vector<ReportKeyResult> key_results;
};

struct ReportRetrospective {
    std::string learned;
    std::string change_next;
    std::vector<std::string> carried_forward;  // objective titles
};

struct ReportTeam {
    std::string name;
    std::vector<ReportObjective> objectives;
    std::optional<ReportRetrospective> retrospective;
};

struct GradeCounts {
    int green = 0;
    int yellow = 0;
    int red = 0;
    int unscored = 0;
};

struct CycleReport {
    std::string workspace;
    std::string cycle;
    Date start;
    Date end;
    CycleState state = CycleState::draft;
    // Teams with objectives or a retrospective in the cycle, from the company down, each
    // below the team it belongs to; objectives in id order.
    std::vector<ReportTeam> teams;
    GradeCounts key_result_grades;
    GradeCounts objective_grades;
};

// Null when the workspace has no such cycle.
std::optional<CycleReport> cycle_report(const Workspace& workspace, const Id& cycle);

// "0.6 (yellow)"; "–" without a score.
std::string score_and_grade(std::optional<double> score);

std::string report_markdown(const CycleReport& report);
// A whole HTML document with its own print styles; every text from the workspace escaped.
std::string report_html(const CycleReport& report);

}  // namespace okr
