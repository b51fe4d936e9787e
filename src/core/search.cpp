#include "core/search.hpp"

#include <algorithm>

#include "core/progress.hpp"
#include "core/utf8.hpp"

namespace okr {
namespace {

// The lower-case letter of a capital in the two-byte range of UTF-8, or the code point
// itself. Latin Extended-A pairs each capital with the next code point, except in the
// runs that start on an odd one (Ĺ..ň, Ź..ž) and the few letters without a pair.
char32_t lower_of(char32_t c)
{
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (c == 0x178)
        return 0xFF;
    const bool odd_run = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_run)
        return c % 2 == 1 ? c + 1 : c;
    const bool even_run = c >= 0x100 && c <= 0x177 && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149;
    if (even_run)
        return c % 2 == 0 ? c + 1 : c;
    return c;
}

std::string_view trimmed(std::string_view text)
{
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const size_t last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string name_of_person(const Workspace& workspace, const std::optional<Id>& person)
{
    if (!person)
        return {};
    const Person* found = find_by_id(workspace.people, *person);
    return found ? found->name : *person;
}

// "Sales · 2027 Q1": the team and cycle an objective sits in.
std::string place_of(const Workspace& workspace, const Objective& objective)
{
    const Team* team = find_by_id(workspace.teams, objective.team);
    const Cycle* cycle = find_by_id(workspace.cycles, objective.cycle);
    return (team ? team->name : objective.team) + " · " + (cycle ? cycle->name : objective.cycle);
}

class Searcher {
public:
    Searcher(const Workspace& workspace, std::string_view query, size_t limit)
        : workspace_(workspace), query_(fold_case(trimmed(query))), limit_(limit)
    {
    }

    std::vector<SearchHit> run()
    {
        if (query_.empty())
            return {};
        search_objectives();
        search_key_results();
        search_check_ins();
        search_tasks();
        search_kpis();
        return std::move(hits_);
    }

private:
    bool holds(std::string_view text) const { return fold_case(text).find(query_) != std::string::npos; }
    bool full() const { return hits_.size() >= limit_; }

    void search_objectives()
    {
        for (const Objective& objective : workspace_.objectives) {
            const std::string description = objective.description.value_or("");
            const bool in_title = holds(objective.title);
            if (full() || !(in_title || holds(description)))
                continue;
            hits_.push_back({HitKind::objective, objective.id, "objectives", objective.id, objective.title,
                             place_of(workspace_, objective), in_title ? std::string() : description});
        }
    }

    void search_key_results()
    {
        for (const KeyResult& kr : workspace_.key_results) {
            if (full() || !holds(kr.title))
                continue;
            hits_.push_back({HitKind::key_result, kr.id, "key_results", kr.id, kr.title, context_of(kr), {}});
        }
    }

    void search_check_ins()
    {
        for (const CheckIn& check_in : workspace_.check_ins) {
            if (full() || !check_in.note || !holds(*check_in.note))
                continue;
            const KeyResult* kr = find_by_id(workspace_.key_results, check_in.key_result);
            const std::string author = name_of_person(workspace_, check_in.author);
            std::string context = "Check-in of " + check_in.date.to_string() + (author.empty() ? "" : " by " + author);
            hits_.push_back({HitKind::check_in, check_in.id, "key_results", check_in.key_result,
                             kr ? kr->title : check_in.key_result, std::move(context), *check_in.note});
        }
    }

    void search_tasks()
    {
        for (const Task& task : workspace_.tasks) {
            if (full() || !holds(task.title))
                continue;
            const KeyResult* kr = find_by_id(workspace_.key_results, task.key_result);
            hits_.push_back({HitKind::task, task.id, "key_results", task.key_result, task.title,
                             "Task of " + (kr ? kr->title : task.key_result), {}});
        }
    }

    void search_kpis()
    {
        for (const Kpi& kpi : workspace_.kpis) {
            if (full() || !holds(kpi.name))
                continue;
            const Team* team = kpi.team ? find_by_id(workspace_.teams, *kpi.team) : nullptr;
            hits_.push_back({HitKind::kpi, kpi.id, "kpis", kpi.id, kpi.name, team ? team->name : "No team", {}});
        }
    }

    std::string context_of(const KeyResult& kr) const
    {
        const Objective* objective = find_by_id(workspace_.objectives, kr.objective);
        return objective ? place_of(workspace_, *objective) + " · " + objective->title : kr.objective;
    }

    const Workspace& workspace_;
    std::string query_;
    size_t limit_;
    std::vector<SearchHit> hits_;
};

bool owned_by(const Workspace& workspace, const Objective& objective, const Id& person)
{
    if (objective.owner == person)
        return true;
    for (const KeyResult* kr : key_results_of(workspace, objective.id)) {
        if (kr->owner == person)
            return true;
        for (const Task* task : tasks_of(workspace, kr->id))
            if (task->owner == person)
                return true;
    }
    return false;
}

bool some_key_result(const Workspace& workspace, const Objective& objective,
                     bool (*wanted)(ConfidenceStatus status, const ObjectiveFilter& filter), const ObjectiveFilter& filter)
{
    for (const KeyResult* kr : key_results_of(workspace, objective.id)) {
        const auto status = confidence_status_of(workspace, *kr);
        if (status && wanted(*status, filter))
            return true;
    }
    return false;
}

}  // namespace

std::string fold_case(std::string_view text)
{
    std::string folded;
    folded.reserve(text.size());
    for (size_t at = 0; at < text.size();) {
        const auto byte = static_cast<unsigned char>(text[at]);
        const size_t length = utf8_sequence_length(text, at);
        if (length == 2) {
            const char32_t code = ((byte & 0x1Fu) << 6) | (static_cast<unsigned char>(text[at + 1]) & 0x3Fu);
            const char32_t lower = lower_of(code);
            folded += static_cast<char>(0xC0 | (lower >> 6));
            folded += static_cast<char>(0x80 | (lower & 0x3F));
        } else if (length <= 1) {
            folded += byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte + 32) : text[at];
        } else {
            folded.append(text.substr(at, length));
        }
        at += std::max<size_t>(length, 1);
    }
    return folded;
}

bool contains_ignoring_case(std::string_view text, std::string_view query)
{
    return fold_case(text).find(fold_case(query)) != std::string::npos;
}

const char* to_string(HitKind kind)
{
    switch (kind) {
    case HitKind::objective: return "Objective";
    case HitKind::key_result: return "Key result";
    case HitKind::check_in: return "Check-in";
    case HitKind::task: return "Task";
    case HitKind::kpi: return "KPI";
    }
    return "";
}

std::vector<SearchHit> search_workspace(const Workspace& workspace, std::string_view query, size_t limit)
{
    return Searcher(workspace, query, limit).run();
}

bool objective_passes(const Workspace& workspace, const Objective& objective, const ObjectiveFilter& filter)
{
    if (!filter.team.empty() && objective.team != filter.team)
        return false;
    if (!filter.owner.empty() && !owned_by(workspace, objective, filter.owner))
        return false;
    const auto has_status = [](ConfidenceStatus status, const ObjectiveFilter& f) { return status == *f.status; };
    if (filter.status && !some_key_result(workspace, objective, has_status, filter))
        return false;
    const auto needs_attention = [](ConfidenceStatus status, const ObjectiveFilter&) {
        return status != ConfidenceStatus::on_track;
    };
    return !filter.at_risk_only || some_key_result(workspace, objective, needs_attention, filter);
}

std::vector<Id> objectives_passing(const Workspace& workspace, const Id& cycle, const ObjectiveFilter& filter)
{
    std::vector<Id> passing;
    for (const Objective& objective : workspace.objectives)
        if (objective.cycle == cycle && objective_passes(workspace, objective, filter))
            passing.push_back(objective.id);
    return passing;
}

}  // namespace okr
