#include "core/cycle_report.hpp"

#include <cmath>
#include <cstdio>

#include "core/progress.hpp"
#include "core/team_tree.hpp"

namespace okr {
namespace {

std::string person_name(const Workspace& workspace, const std::optional<Id>& person)
{
    if (!person)
        return {};
    const Person* found = find_by_id(workspace.people, *person);
    return found ? found->name : *person;
}

std::vector<const Team*> teams_top_down(const Workspace& workspace)
{
    std::vector<const Team*> ordered;
    for (const TeamInTree& place : okr::teams_top_down(workspace, SiblingOrder::as_stored))
        ordered.push_back(place.team);
    return ordered;
}

void count_grade(GradeCounts& counts, std::optional<double> score)
{
    if (!score) {
        ++counts.unscored;
        return;
    }
    switch (grade_of(*score)) {
    case Grade::green: ++counts.green; break;
    case Grade::yellow: ++counts.yellow; break;
    case Grade::red: ++counts.red; break;
    }
}

ReportObjective report_objective(const Workspace& workspace, const Objective& objective, GradeCounts& kr_grades)
{
    ReportObjective line;
    line.title = objective.title;
    line.owner = person_name(workspace, objective.owner);
    line.committed = commitment_of(objective) == Commitment::committed;
    line.progress = objective_progress(workspace, objective);
    line.score = objective_final_score(workspace, objective);
    line.committed_missed = committed_okr_missed(workspace, objective);
    for (const KeyResult* kr : key_results_of(workspace, objective.id)) {
        const std::optional<double> score = final_score(workspace, *kr);
        line.key_results.push_back(
            {kr->title, person_name(workspace, kr->owner), key_result_progress(workspace, *kr).progress, score});
        count_grade(kr_grades, score);
    }
    return line;
}

ReportRetrospective report_retrospective(const Workspace& workspace, const Retrospective& retrospective)
{
    ReportRetrospective line{retrospective.learned.value_or(""), retrospective.change_next.value_or(""), {}};
    for (const Id& id : retrospective.carry_forward.value_or(std::vector<Id>{})) {
        const Objective* objective = find_by_id(workspace.objectives, id);
        line.carried_forward.push_back(objective ? objective->title : id);
    }
    return line;
}

std::string percent(std::optional<double> fraction)
{
    return fraction ? std::to_string(static_cast<int>(std::lround(*fraction * 100))) + " %" : "–";
}

std::string one_decimal(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", round_to_tenth(value));
    return text;
}

const char* state_words(CycleState state)
{
    switch (state) {
    case CycleState::draft: return "draft";
    case CycleState::active: return "active";
    case CycleState::closed: return "closed";
    }
    return "";
}

// Scores of a cycle still open are what the KRs would get if it closed today.
const char* score_heading(const CycleReport& report)
{
    return report.state == CycleState::closed ? "Score" : "Score so far";
}

// Once a cycle is closed its scores are what counts; progress "now" would read as a
// contradiction beside a score a person set at the close.
bool shows_progress(const CycleReport& report) { return report.state != CycleState::closed; }

std::string progress_part(const CycleReport& report, std::optional<double> progress)
{
    return shows_progress(report) ? " · Progress " + percent(progress) : std::string();
}

// ---- Markdown -------------------------------------------------------------------------

// Text inside a table cell or a line of its own: a pipe would end the cell, a line break
// the row, and the characters Markdown reads as emphasis or markup are taken literally.
std::string md(const std::string& text)
{
    std::string escaped;
    for (char c : text) {
        if (c == '\n' || c == '\r')
            escaped += ' ';
        else if (c == '|' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' ||
                 c == '\\' || c == '#')
            escaped += std::string("\\") + c;
        else
            escaped += c;
    }
    return escaped;
}

std::string or_dash(const std::string& text) { return text.empty() ? "–" : md(text); }

std::string md_grades(const CycleReport& report)
{
    const GradeCounts& k = report.key_result_grades;
    const GradeCounts& o = report.objective_grades;
    const auto row = [](const char* grade, int krs, int objectives) {
        return std::string("| ") + grade + " | " + std::to_string(krs) + " | " + std::to_string(objectives) + " |\n";
    };
    return std::string("## Grades\n\n| Grade | Key results | Objectives |\n|---|---:|---:|\n") +
           row("Green (0.7 to 1.0)", k.green, o.green) + row("Yellow (0.4 to 0.6)", k.yellow, o.yellow) +
           row("Red (0.0 to 0.3)", k.red, o.red) + row("No score", k.unscored, o.unscored) + "\n";
}

std::string md_objective(const CycleReport& report, const ReportObjective& objective)
{
    std::string text = "### " + md(objective.title) + "\n\n";
    text += (objective.committed ? "Committed" : "Aspirational") + std::string(" · Owner: ") +
            or_dash(objective.owner) + progress_part(report, objective.progress) + " · " + score_heading(report) + " " +
            score_and_grade(objective.score) + "\n";
    if (objective.committed_missed)
        text += "\n**Committed OKR missed.**\n";
    if (objective.key_results.empty())
        return text + "\nNo key results.\n\n";
    const bool open = shows_progress(report);
    text += std::string("\n| Key result | Owner | ") + (open ? "Progress | " : "") + score_heading(report) + " |\n" +
            (open ? "|---|---|---:|---|\n" : "|---|---|---|\n");
    for (const ReportKeyResult& kr : objective.key_results)
        text += "| " + md(kr.title) + " | " + or_dash(kr.owner) + " | " + (open ? percent(kr.progress) + " | " : "") +
                score_and_grade(kr.score) + " |\n";
    return text + "\n";
}

std::string md_retrospective(const ReportRetrospective& retrospective)
{
    std::string text = "### Retrospective\n\n";
    text += "- Learned: " + or_dash(retrospective.learned) + "\n";
    text += "- Change next: " + or_dash(retrospective.change_next) + "\n";
    if (!retrospective.carried_forward.empty()) {
        text += "- Carried forward:";
        for (size_t i = 0; i < retrospective.carried_forward.size(); ++i)
            text += (i == 0 ? " " : "; ") + md(retrospective.carried_forward[i]);
        text += "\n";
    }
    return text + "\n";
}

// ---- HTML -----------------------------------------------------------------------------

std::string html(const std::string& text)
{
    std::string escaped;
    for (char c : text) {
        switch (c) {
        case '&': escaped += "&amp;"; break;
        case '<': escaped += "&lt;"; break;
        case '>': escaped += "&gt;"; break;
        case '"': escaped += "&quot;"; break;
        case '\'': escaped += "&#39;"; break;
        default: escaped += c;
        }
    }
    return escaped;
}

std::string html_or_dash(const std::string& text) { return text.empty() ? "–" : html(text); }

std::string grade_class(std::optional<double> score)
{
    return score ? std::string(" class=\"") + to_string(grade_of(*score)) + "\"" : std::string();
}

constexpr const char* html_styles =
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;max-width:52rem;"
    "margin:2rem auto;padding:0 1rem;line-height:1.45}"
    "h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #dee2e7}"
    "h3{font-size:1.05rem;margin:1.2rem 0 .3rem}p.meta{color:#656d76;margin:.2rem 0 .6rem}"
    "table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}"
    "th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #dee2e7}"
    "td.number,th.number{text-align:right}.green{color:#2e9e5b}.yellow{color:#b7860f}.red{color:#d64545}"
    "section.team{break-inside:avoid-page}"
    "@media print{body{margin:0;max-width:none}h2{break-after:avoid}}";

std::string html_grades(const CycleReport& report)
{
    const GradeCounts& k = report.key_result_grades;
    const GradeCounts& o = report.objective_grades;
    const auto row = [](const char* css, const char* grade, int krs, int objectives) {
        return std::string("<tr><td") + css + ">" + grade + "</td><td class=\"number\">" + std::to_string(krs) +
               "</td><td class=\"number\">" + std::to_string(objectives) + "</td></tr>";
    };
    return "<h2>Grades</h2><table><tr><th>Grade</th><th class=\"number\">Key results</th>"
           "<th class=\"number\">Objectives</th></tr>" +
           row(" class=\"green\"", "Green (0.7 to 1.0)", k.green, o.green) +
           row(" class=\"yellow\"", "Yellow (0.4 to 0.6)", k.yellow, o.yellow) +
           row(" class=\"red\"", "Red (0.0 to 0.3)", k.red, o.red) + row("", "No score", k.unscored, o.unscored) +
           "</table>";
}

std::string html_objective(const CycleReport& report, const ReportObjective& objective)
{
    std::string text = "<h3>" + html(objective.title) + "</h3><p class=\"meta\">" +
                       (objective.committed ? "Committed" : "Aspirational") + " · Owner: " +
                       html_or_dash(objective.owner) + progress_part(report, objective.progress) + " · " +
                       score_heading(report) + " <span" + grade_class(objective.score) + ">" +
                       score_and_grade(objective.score) + "</span></p>";
    if (objective.committed_missed)
        text += "<p class=\"red\"><strong>Committed OKR missed.</strong></p>";
    if (objective.key_results.empty())
        return text + "<p class=\"meta\">No key results.</p>";
    const bool open = shows_progress(report);
    text += std::string("<table><tr><th>Key result</th><th>Owner</th>") +
            (open ? "<th class=\"number\">Progress</th>" : "") + "<th>" + score_heading(report) + "</th></tr>";
    for (const ReportKeyResult& kr : objective.key_results)
        text += "<tr><td>" + html(kr.title) + "</td><td>" + html_or_dash(kr.owner) + "</td>" +
                (open ? "<td class=\"number\">" + percent(kr.progress) + "</td>" : std::string()) + "<td" +
                grade_class(kr.score) + ">" + score_and_grade(kr.score) + "</td></tr>";
    return text + "</table>";
}

std::string html_retrospective(const ReportRetrospective& retrospective)
{
    std::string text = "<h3>Retrospective</h3><ul><li>Learned: " + html_or_dash(retrospective.learned) +
                       "</li><li>Change next: " + html_or_dash(retrospective.change_next) + "</li>";
    if (!retrospective.carried_forward.empty()) {
        text += "<li>Carried forward:";
        for (size_t i = 0; i < retrospective.carried_forward.size(); ++i)
            text += (i == 0 ? " " : "; ") + html(retrospective.carried_forward[i]);
        text += "</li>";
    }
    return text + "</ul>";
}

std::string dates_line(const CycleReport& report)
{
    return report.start.to_string() + " to " + report.end.to_string() + " · " + state_words(report.state);
}

}  // namespace

std::optional<CycleReport> cycle_report(const Workspace& workspace, const Id& cycle_id)
{
    const Cycle* cycle = find_by_id(workspace.cycles, cycle_id);
    if (!cycle)
        return std::nullopt;
    CycleReport report{workspace.info.name, cycle->name, cycle->start, cycle->end, cycle->state, {}, {}, {}};

    for (const Team* team : teams_top_down(workspace)) {
        ReportTeam section{team->name, {}, std::nullopt};
        for (const Objective& objective : workspace.objectives) {
            if (objective.cycle != cycle_id || objective.team != team->id)
                continue;
            section.objectives.push_back(report_objective(workspace, objective, report.key_result_grades));
            count_grade(report.objective_grades, section.objectives.back().score);
        }
        for (const Retrospective& retrospective : workspace.retrospectives)
            if (retrospective.cycle == cycle_id && retrospective.team == team->id)
                section.retrospective = report_retrospective(workspace, retrospective);
        if (!section.objectives.empty() || section.retrospective)
            report.teams.push_back(std::move(section));
    }
    return report;
}

std::string score_and_grade(std::optional<double> score)
{
    return score ? one_decimal(*score) + " (" + to_string(grade_of(*score)) + ")" : "–";
}

std::string report_markdown(const CycleReport& report)
{
    std::string text = "# " + md(report.workspace) + ": " + md(report.cycle) + "\n\n" + dates_line(report) + "\n\n";
    if (report.teams.empty())
        return text + "This cycle has no objectives yet.\n";
    text += md_grades(report);
    for (const ReportTeam& team : report.teams) {
        text += "## " + md(team.name) + "\n\n";
        for (const ReportObjective& objective : team.objectives)
            text += md_objective(report, objective);
        if (team.retrospective)
            text += md_retrospective(*team.retrospective);
    }
    text.pop_back();  // one newline at the end, not a blank line
    return text;
}

std::string report_html(const CycleReport& report)
{
    const std::string title = html(report.workspace) + ": " + html(report.cycle);
    std::string text = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
                       "</title><style>" + html_styles + "</style></head><body><h1>" + title +
                       "</h1><p class=\"meta\">" + dates_line(report) + "</p>";
    if (report.teams.empty())
        return text + "<p>This cycle has no objectives yet.</p></body></html>";
    text += html_grades(report);
    for (const ReportTeam& team : report.teams) {
        text += "<section class=\"team\"><h2>" + html(team.name) + "</h2>";
        for (const ReportObjective& objective : team.objectives)
            text += html_objective(report, objective);
        if (team.retrospective)
            text += html_retrospective(*team.retrospective);
        text += "</section>";
    }
    return text + "</body></html>";
}

}  // namespace okr
