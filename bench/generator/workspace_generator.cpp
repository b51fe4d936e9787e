#include "generator/workspace_generator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace okr::bench {
namespace {

// ---- numbers that are the same everywhere ----------------------------------------------------

// SplitMix64: tiny, fast, and fully specified, so a seed means the same data on every machine.
class Random {
public:
    explicit Random(uint64_t seed) : state_(seed ^ 0x6a09e667f3bcc909ull) {}

    uint64_t next()
    {
        uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }

    // 0 .. n-1; the modulo bias is far below anything a benchmark could notice.
    int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double between(double low, double high) { return low + (high - low) * unit(); }
    bool chance(double p) { return unit() < p; }

    template <typename T, std::size_t N>
    const T& pick(const std::array<T, N>& items) { return items[static_cast<std::size_t>(below(static_cast<int>(N)))]; }
    template <typename T>
    const T& pick(const std::vector<T>& items) { return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))]; }

private:
    uint64_t state_;
};

double tenths(double value) { return std::round(value * 10) / 10; }
double twentieths(double value) { return std::round(value * 20) / 20; }

std::string numbered(std::string_view prefix, int n, int width = 5)
{
    char digits[16];
    std::snprintf(digits, sizeof digits, "%0*d", width, n);
    return std::string(prefix) + digits;
}

Timestamp stamp(Date day, int minutes)
{
    return Timestamp::from_unix_ms((int64_t{day.days()} * 1440 + minutes) * 60'000);
}

// ---- words ---------------------------------------------------------------------------------

constexpr std::array<std::string_view, 12> first_names = {"Ana",  "Chloé", "Jonas", "Marta", "Ivan", "Leila",
                                                          "Tomás", "Sofia", "Noah", "Elif",  "Mika", "Priya"};
constexpr std::array<std::string_view, 12> last_names = {"Kovač", "Martin", "Schmidt", "Okafor", "Lindqvist",
                                                         "Rossi", "Nowak",  "Haddad",  "Tanaka", "Dubois",
                                                         "García", "Byrne"};
constexpr std::array<std::string_view, 10> team_words = {"Platform", "Service Desk", "Field Services", "Security",
                                                         "Cloud",    "Data",         "Sales",          "Finance",
                                                         "People",   "Delivery"};
constexpr std::array<std::string_view, 10> objective_openings = {
    "Make", "Turn", "Build", "Earn", "Give", "Keep", "Become", "Delight", "Win", "Grow"};
constexpr std::array<std::string_view, 12> objective_subjects = {
    "our clients' trust in every release",     "onboarding a joy for new clients",
    "the service desk into a reason to stay",  "a security posture auditors praise",
    "cloud costs that scale with value",       "data people can act on the same day",
    "a sales pipeline we can rely on",         "finance close fast and calm",
    "a team people want to join",              "delivery predictable for every client",
    "incident response boring again",          "self-service the obvious first choice"};

struct Measure {
    std::string_view what;
    std::string_view unit;
    double low;   // baseline range
    double high;
};
constexpr std::array<Measure, 10> measures = {{{"client retention", "%", 60, 85},
                                               {"first-contact resolution", "%", 40, 70},
                                               {"NPS", "points", 10, 40},
                                               {"monthly recurring revenue", "kEUR", 200, 900},
                                               {"median ticket resolution time", "h", 8, 40},
                                               {"p95 page load time", "ms", 900, 3000},
                                               {"open critical vulnerabilities", "findings", 20, 80},
                                               {"deployment frequency", "per week", 2, 12},
                                               {"cloud spend per client", "EUR", 120, 400},
                                               {"employee engagement", "points", 55, 75}}};

constexpr std::array<std::string_view, 12> notes = {
    "Steady week; the new triage rota is starting to pay off.",
    "Two large clients onboarded, numbers dip before they rise.",
    "Blocked on the vendor API change, escalated on Tuesday.",
    "Good progress after the workshop, confidence is back up.",
    "Holiday week, fewer readings but the trend still holds.",
    "Rollout reached the second region without any incidents.",
    "Measurement fixed: last week's figure was overstated.",
    "Hiring delay hurts; we moved two people from project X.",
    "Automation shipped, expect the effect from next week on.",
    "Client feedback mixed; we adjust the plan with sales.",
    "On track, although the quarter-end rush is still ahead.",
    "Risk: the data migration slipped by a week, watching it."};

constexpr std::array<std::string_view, 6> task_titles = {
    "Draft the runbook and review it with the on-call team", "Migrate the remaining clients to the new portal",
    "Agree the target design with the architecture board", "Train the service desk on the new workflow",
    "Automate the weekly report from the ticketing system", "Run the pilot with two friendly clients"};

// ---- the shape of the company ---------------------------------------------------------------

struct CycleSpec {
    std::string_view id;
    std::string_view name;
    int year;
    unsigned first_month;
    CycleState state;
    int share;  // tenths of the objectives
};
constexpr std::array<CycleSpec, 4> cycle_specs = {{{"cy-2026-q3", "2026 Q3", 2026, 7, CycleState::closed, 3},
                                                   {"cy-2026-q4", "2026 Q4", 2026, 10, CycleState::closed, 3},
                                                   {"cy-2027-q1", "2027 Q1", 2027, 1, CycleState::active, 3},
                                                   {"cy-2027-q2", "2027 Q2", 2027, 4, CycleState::draft, 1}}};

constexpr int team_fanout = 6;       // a complete 6-ary tree: company, divisions, departments, teams
constexpr int weekly_check_ins = 12;
constexpr int people_per_team = 3;
constexpr int kpis_per_steering_team = 3;

Date first_monday_on_or_after(Date day)
{
    const Date monday = start_of_iso_week(day);
    return monday < day ? monday.plus_days(7) : monday;
}

class Generator {
public:
    explicit Generator(const GeneratorOptions& options) : random_(options.seed), options_(options) {}

    Workspace run()
    {
        info();
        cycles();
        const std::vector<int> quotas = cycle_quotas();
        teams(*std::max_element(quotas.begin(), quotas.end()));
        people();
        kpis();
        for (std::size_t c = 0; c < cycle_specs.size(); ++c)
            objectives_of_cycle(c, quotas[c]);
        dependencies();
        retrospectives();
        tombstones();
        sort_all();
        return std::move(w_);
    }

private:
    struct TeamSlot {
        std::vector<std::size_t> objectives;  // indices into w_.objectives, per cycle
    };

    void info()
    {
        w_.info.id = "w-generated-" + std::to_string(options_.seed);
        w_.info.name = "Generated workspace, " + std::to_string(options_.objectives) + " objectives";
        w_.info.updated_at = stamp(generated_today(), 9 * 60);
    }

    void cycles()
    {
        for (const CycleSpec& spec : cycle_specs) {
            Cycle c;
            c.id = spec.id;
            c.name = spec.name;
            c.start = Date::from_civil(spec.year, spec.first_month, 1);
            const unsigned next_month = spec.first_month + 3;
            c.end = (next_month > 12 ? Date::from_civil(spec.year + 1, next_month - 12, 1)
                                     : Date::from_civil(spec.year, next_month, 1))
                        .plus_days(-1);
            c.state = spec.state;
            c.updated_at = stamp(c.start.plus_days(-14), 600);
            w_.cycles.push_back(std::move(c));
        }
    }

    std::vector<int> cycle_quotas() const
    {
        std::vector<int> quotas;
        int given = 0;
        for (const CycleSpec& spec : cycle_specs) {
            quotas.push_back(options_.objectives * spec.share / 10);
            given += quotas.back();
        }
        quotas[2] += options_.objectives - given;  // the rest to the active cycle
        return quotas;
    }

    // Enough teams that each holds two or three objectives in the busiest cycle.
    void teams(int busiest_quota)
    {
        const int count = std::max(1, (busiest_quota * 2 + 4) / 5);
        for (int t = 0; t < count; ++t) {
            Team team;
            team.id = numbered("t-", t);
            const int depth = depth_of(t);
            if (t == 0)
                team.name = "Company";
            else
                team.name = std::string(random_.pick(team_words)) + (depth == 1 ? " Division " : " Team ") +
                            std::to_string(t);
            if (t > 0)
                team.parent = numbered("t-", (t - 1) / team_fanout);
            team.updated_at = stamp(Date::from_civil(2026, 5, 4), random_.below(600));
            w_.teams.push_back(std::move(team));
        }
        slots_.assign(cycle_specs.size(), std::vector<TeamSlot>(static_cast<std::size_t>(count)));
    }

    static int depth_of(int team)
    {
        int depth = 0;
        for (; team > 0; team = (team - 1) / team_fanout)
            ++depth;
        return depth;
    }

    void people()
    {
        const int count = static_cast<int>(w_.teams.size()) * people_per_team;
        for (int p = 0; p < count; ++p) {
            Person person;
            person.id = numbered("p-", p);
            const std::string_view first = random_.pick(first_names);
            const std::string_view last = random_.pick(last_names);
            person.name = std::string(first) + " " + std::string(last);
            if (random_.chance(0.8))
                person.email = "person" + std::to_string(p) + "@example.org";
            person.updated_at = stamp(Date::from_civil(2026, 5, 4), random_.below(600));
            w_.people.push_back(std::move(person));
        }
    }

    // Person of a team: the teams' people are interleaved, team t holds t, t + T, t + 2T.
    Id person_of(std::size_t team)
    {
        const int teams = static_cast<int>(w_.teams.size());
        return numbered("p-", static_cast<int>(team) + teams * random_.below(people_per_team));
    }

    // The company and its divisions steer with KPIs; every objective names one of theirs.
    void kpis()
    {
        const std::size_t steering = std::min<std::size_t>(w_.teams.size(), 1 + team_fanout);
        const Date first_reading = Date::from_civil(2026, 4, 6);
        for (std::size_t t = 0; t < steering; ++t)
            for (int k = 0; k < kpis_per_steering_team; ++k)
                kpi(t, k, first_reading);
    }

    void kpi(std::size_t team, int k, Date first_reading)
    {
        const Measure& measure = random_.pick(measures);
        Kpi kpi;
        kpi.id = numbered("kpi-", static_cast<int>(team * kpis_per_steering_team) + k, 3);
        kpi.name = std::string(measure.what) + " (" + w_.teams[team].name + ")";
        kpi.team = w_.teams[team].id;
        kpi.unit = std::string(measure.unit);
        kpi.direction = random_.chance(0.7) ? KpiDirection::higher_is_better : KpiDirection::lower_is_better;
        const double level = tenths(random_.between(measure.low, measure.high));
        kpi.floor = tenths(level * (kpi.direction == KpiDirection::higher_is_better ? 0.9 : 1.1));
        const bool breached = random_.chance(0.15);
        std::vector<KpiReading> readings;
        for (int r = 0; r < 12; ++r) {
            double value = level * random_.between(0.95, 1.05);
            if (breached && r == 11)
                value = kpi.floor * (kpi.direction == KpiDirection::higher_is_better ? 0.9 : 1.1);
            readings.push_back({first_reading.plus_days(28 * r), tenths(value)});
        }
        kpi.readings = std::move(readings);
        kpi.updated_at = stamp(first_reading.plus_days(28 * 11), 480);
        steering_kpis_[team].push_back(kpi.id);
        w_.kpis.push_back(std::move(kpi));
    }

    // ---- objectives, teams in breadth-first order so that parents come first ----------------

    void objectives_of_cycle(std::size_t c, int quota)
    {
        std::vector<TeamSlot>& slots = slots_[c];
        // First pass: two or three each; then top up to three while objectives remain.
        for (int pass = 0; pass < 2 && quota > 0; ++pass)
            for (std::size_t t = 0; t < slots.size() && quota > 0; ++t) {
                const int wanted = pass == 0 ? 2 + random_.below(2) : 3;
                const int have = static_cast<int>(slots[t].objectives.size());
                for (int n = have; n < wanted && quota > 0; ++n, --quota)
                    objective(c, t);
            }
    }

    void objective(std::size_t c, std::size_t team)
    {
        const CycleSpec& spec = cycle_specs[c];
        const Cycle& cycle = w_.cycles[c];
        Objective o;
        o.id = numbered("o-", static_cast<int>(w_.objectives.size()));
        o.cycle = cycle.id;
        o.team = w_.teams[team].id;
        o.title = std::string(random_.pick(objective_openings)) + " " + std::string(random_.pick(objective_subjects));
        if (random_.chance(0.3))
            o.description = "Why it matters: our clients judge us by this, and the board asked for it.";
        o.owner = person_of(team);
        o.parent = parent_for(c, team);
        if (random_.chance(0.25))
            o.commitment = "committed";
        else if (random_.chance(0.5))
            o.commitment = "aspirational";
        static constexpr std::array<std::string_view, 4> perspectives = {"financial", "customer", "internal",
                                                                         "learning"};
        if (random_.chance(0.7))
            o.perspective = std::string(random_.pick(perspectives));
        if (!random_.chance(0.05))
            o.kpis = kpis_for(team);
        if (c > 0 && random_.chance(0.05) && !slots_[c - 1][team].objectives.empty())
            o.carried_from = carry_from(c - 1, team);
        o.updated_at = stamp(cycle.start.plus_days(-10 + random_.below(20)), random_.below(1440));

        slots_[c][team].objectives.push_back(w_.objectives.size());
        w_.objectives.push_back(o);
        for (int k = 1; k <= 4; ++k)
            key_result(o, cycle, spec, k);
    }

    std::optional<Id> parent_for(std::size_t c, std::size_t team)
    {
        if (team == 0 || random_.chance(0.05))
            return std::nullopt;  // the company has no one above; a few teams forget to align
        const auto& candidates = slots_[c][(team - 1) / team_fanout].objectives;
        if (candidates.empty())
            return std::nullopt;
        return w_.objectives[random_.pick(candidates)].id;
    }

    std::vector<Id> kpis_for(std::size_t team)
    {
        std::size_t steering = team;
        while (steering > team_fanout)
            steering = (steering - 1) / team_fanout;
        std::vector<Id> ids = {random_.pick(steering_kpis_[steering])};
        if (steering != 0 && random_.chance(0.4))
            ids.push_back(random_.pick(steering_kpis_[0]));
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    Id carry_from(std::size_t previous_cycle, std::size_t team)
    {
        const Id source = w_.objectives[random_.pick(slots_[previous_cycle][team].objectives)].id;
        carried_[{w_.cycles[previous_cycle].id, w_.teams[team].id}].push_back(source);
        return source;
    }

    // ---- key results, their check-ins and tasks ---------------------------------------------

    void key_result(const Objective& o, const Cycle& cycle, const CycleSpec& spec, int k)
    {
        static constexpr std::array<Direction, 20> directions = {
            Direction::increase, Direction::increase, Direction::increase, Direction::increase,
            Direction::increase, Direction::increase, Direction::increase, Direction::increase,
            Direction::decrease, Direction::decrease, Direction::decrease, Direction::decrease,
            Direction::decrease, Direction::at_least, Direction::at_least, Direction::at_most,
            Direction::at_most,  Direction::milestone, Direction::milestone, Direction::milestone};
        const Measure& measure = random_.pick(measures);
        KeyResult kr;
        kr.id = o.id.substr(2).insert(0, "kr-") + "-" + std::to_string(k);
        kr.objective = o.id;
        kr.direction = random_.pick(directions);
        set_numbers(kr, measure);
        kr.deadline = random_.chance(0.85) ? cycle.end : cycle.end.plus_days(-14);
        if (random_.chance(0.15))
            kr.weight = 2;
        else if (random_.chance(0.05))
            kr.weight = 0.5;
        kr.owner = o.owner;
        kr.updated_at = stamp(cycle.start.plus_days(-7 + random_.below(14)), random_.below(1440));

        const double reach = random_.between(0.2, 1.15);  // where the KR ends the cycle
        const std::size_t first_task = w_.tasks.size();
        tasks(kr, reach);
        if (spec.state != CycleState::draft)
            check_ins(kr, cycle, reach);
        if (spec.state == CycleState::closed)
            final_score(kr, reach, first_task);
        w_.key_results.push_back(std::move(kr));
    }

    void set_numbers(KeyResult& kr, const Measure& measure)
    {
        const double baseline = tenths(random_.between(measure.low, measure.high));
        kr.unit = std::string(measure.unit);
        kr.baseline = baseline;
        switch (kr.direction) {
        case Direction::increase:
            kr.target = tenths(baseline * random_.between(1.1, 1.6));
            kr.title = "Raise " + std::string(measure.what) + " from " + text(baseline) + " to " + text(*kr.target);
            break;
        case Direction::decrease:
            kr.target = tenths(baseline * random_.between(0.4, 0.9));
            kr.title = "Reduce " + std::string(measure.what) + " from " + text(baseline) + " to " + text(*kr.target);
            break;
        case Direction::at_least:
            kr.target = tenths(baseline * 0.95);
            kr.title = "Keep " + std::string(measure.what) + " at or above " + text(*kr.target);
            break;
        case Direction::at_most:
            kr.target = tenths(baseline * 1.05);
            kr.title = "Keep " + std::string(measure.what) + " at or below " + text(*kr.target);
            break;
        case Direction::milestone:
            kr.unit.reset();
            kr.baseline = 0;
            kr.target = 1;
            // A few read as work rather than outcome: the coach's kr-activity has something to say.
            kr.title = random_.chance(0.2) ? "Hold monthly reviews of the " + std::string(measure.what) + " dashboard"
                                           : "New " + std::string(measure.what) + " dashboard live for every client";
            break;
        }
    }

    static std::string text(double value)
    {
        char out[32];
        std::snprintf(out, sizeof out, "%g", value);
        return out;
    }

    // The value the KR reads when it has reached `fraction` of the way to its target.
    double reading(const KeyResult& kr, double fraction)
    {
        const double b = *kr.baseline;
        const double t = *kr.target;
        switch (kr.direction) {
        case Direction::increase:
        case Direction::decrease: return tenths(b + (t - b) * fraction);
        case Direction::milestone: return twentieths(std::clamp(fraction, 0.0, 1.0));
        case Direction::at_least:
        case Direction::at_most: {
            // Holds most weeks; slips on the wrong side now and then.
            const bool holds = random_.chance(0.8);
            const double margin = std::abs(t) * random_.between(0.01, 0.06);
            const bool above = (kr.direction == Direction::at_least) == holds;
            return tenths(above ? t + margin : t - margin);
        }
        }
        return b;
    }

    void check_ins(const KeyResult& kr, const Cycle& cycle, double reach)
    {
        const Date first = first_monday_on_or_after(cycle.start);
        double confidence = twentieths(random_.between(0.5, 0.85));
        const bool struggling = random_.chance(0.06);
        const bool corrected = random_.chance(0.01);
        for (int week = 0; week < weekly_check_ins; ++week) {
            const double fraction = reach * (week + 1) / weekly_check_ins + random_.between(-0.04, 0.04);
            confidence = std::clamp(twentieths(confidence + random_.between(-0.1, 0.1)), 0.05, 0.95);
            if (struggling && week >= 8)
                confidence = 0.2;
            CheckIn c;
            c.id = kr.id.substr(3).insert(0, "ci-") + "-" + numbered("", week + 1, 2);
            c.key_result = kr.id;
            c.date = first.plus_days(7 * week + random_.below(3));
            c.value = reading(kr, fraction);
            c.confidence = confidence;
            c.note = "W" + std::to_string(iso_week_of(c.date).week) + ": " + std::string(random_.pick(notes));
            if (random_.chance(0.9))
                c.author = kr.owner;
            c.recorded_at = stamp(c.date, 9 * 60 + random_.below(480));
            if (corrected && week == weekly_check_ins / 2)
                correction(c);
            w_.check_ins.push_back(std::move(c));
        }
    }

    // A reading typed wrong and corrected the next day: the correction hides it from progress.
    void correction(const CheckIn& wrong)
    {
        CheckIn fix = wrong;
        fix.id += "-fix";
        fix.value = tenths(wrong.value * 1.02);
        fix.note = "Corrected: the reading above missed the last region's data.";
        fix.recorded_at = stamp(wrong.date.plus_days(1), 600);
        fix.corrects = wrong.id;
        w_.check_ins.push_back(std::move(fix));
    }

    void tasks(const KeyResult& kr, double reach)
    {
        const int count = kr.direction == Direction::milestone ? 3 : random_.chance(0.3) ? 1 : 0;
        for (int n = 1; n <= count; ++n) {
            Task task;
            task.id = kr.id.substr(3).insert(0, "ta-") + "-" + std::to_string(n);
            task.key_result = kr.id;
            task.title = std::string(random_.pick(task_titles));
            task.done = reach * 3 >= n;
            task.owner = kr.owner;
            const auto kr_day = Date::from_days(static_cast<int32_t>(kr.updated_at.unix_ms / 86'400'000));
            task.updated_at = stamp(kr_day.plus_days(7 * n), random_.below(1440));
            w_.tasks.push_back(std::move(task));
        }
    }

    void final_score(KeyResult& kr, double reach, std::size_t first_task)
    {
        double score = std::clamp(reach, 0.0, 1.0);
        if (kr.direction == Direction::milestone && w_.tasks.size() > first_task) {
            const auto done = std::count_if(w_.tasks.begin() + static_cast<std::ptrdiff_t>(first_task),
                                            w_.tasks.end(), [](const Task& t) { return t.done; });
            score = static_cast<double>(done) / static_cast<double>(w_.tasks.size() - first_task);
        }
        kr.final_score = tenths(score);
        if (random_.chance(0.08)) {
            kr.final_score = tenths(std::clamp(score + 0.1, 0.0, 1.0));
            kr.score_note = "Raised a notch: the last reading missed a late client go-live.";
        }
    }

    // ---- links across the cascade -----------------------------------------------------------

    void dependencies()
    {
        const int count = static_cast<int>(w_.objectives.size()) / 4;
        for (int d = 0; d < count; ++d) {
            const Objective& from = random_.pick(w_.objectives);
            const Objective& to = random_.pick(w_.objectives);
            if (from.id == to.id)
                continue;
            Dependency dependency;
            dependency.id = numbered("d-", d);
            // Half point at a KR of the objective, half at the objective itself.
            dependency.from = random_.chance(0.5) ? from.id : from.id.substr(2).insert(0, "kr-") + "-1";
            dependency.to = to.id;
            if (random_.chance(0.5))
                dependency.note = "Needs the shared client portal release before the pilot starts.";
            dependency.updated_at = std::max(from.updated_at, to.updated_at);
            w_.dependencies.push_back(std::move(dependency));
        }
    }

    void retrospectives()
    {
        for (std::size_t c = 0; c < cycle_specs.size(); ++c) {
            if (cycle_specs[c].state != CycleState::closed)
                continue;
            for (std::size_t t = 0; t < w_.teams.size(); ++t)
                if (!slots_[c][t].objectives.empty())
                    retrospective(c, t);
        }
    }

    void retrospective(std::size_t c, std::size_t team)
    {
        Retrospective r;
        r.id = "r-" + w_.cycles[c].id.substr(3) + "-" + w_.teams[team].id.substr(2);
        r.cycle = w_.cycles[c].id;
        r.team = w_.teams[team].id;
        r.learned = "Weekly check-ins kept us honest; the forecasts helped us cut scope early.";
        r.change_next = "Fewer key results, and agree the baselines before the quarter starts.";
        const auto carried = carried_.find({r.cycle, r.team});
        if (carried != carried_.end()) {
            std::vector<Id> ids = carried->second;
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            r.carry_forward = std::move(ids);
        }
        r.updated_at = stamp(w_.cycles[c].end.plus_days(5), random_.below(1440));
        w_.retrospectives.push_back(std::move(r));
    }

    // Deleted tasks and dependencies of earlier edits: their ids are gone, the tombstones stay.
    void tombstones()
    {
        const int count = std::max(1, static_cast<int>(w_.objectives.size()) / 50);
        for (int n = 0; n < count; ++n) {
            Tombstone tombstone;
            tombstone.id = numbered(n % 2 == 0 ? "ta-deleted-" : "d-deleted-", n);
            tombstone.deleted_at = stamp(w_.cycles[2].start.plus_days(random_.below(80)), random_.below(1440));
            w_.deleted.push_back(std::move(tombstone));
        }
    }

    void sort_all()
    {
        sort_by_id(w_.teams);
        sort_by_id(w_.people);
        sort_by_id(w_.cycles);
        sort_by_id(w_.objectives);
        sort_by_id(w_.key_results);
        sort_by_id(w_.check_ins);
        sort_by_id(w_.kpis);
        sort_by_id(w_.tasks);
        sort_by_id(w_.dependencies);
        sort_by_id(w_.retrospectives);
        sort_by_id(w_.deleted);
    }

    Random random_;
    GeneratorOptions options_;
    Workspace w_;
    std::vector<std::vector<TeamSlot>> slots_;                // [cycle][team]
    std::map<std::size_t, std::vector<Id>> steering_kpis_;    // team index -> its KPI ids
    std::map<std::pair<Id, Id>, std::vector<Id>> carried_;    // (cycle, team) -> objectives carried out of it
};

// ---- the diverged copy ----------------------------------------------------------------------

// One past the newest edit in the workspace, so that the copy's edits win.
Timestamp after_everything(const Workspace& w)
{
    int64_t latest = w.info.updated_at ? w.info.updated_at->unix_ms : 0;
    const auto consider = [&](const auto& collection) {
        for (const auto& entity : collection)
            latest = std::max(latest, entity.updated_at.unix_ms);
    };
    consider(w.objectives);
    consider(w.key_results);
    consider(w.tasks);
    for (const CheckIn& c : w.check_ins)
        latest = std::max(latest, c.recorded_at.unix_ms);
    for (const Tombstone& t : w.deleted)
        latest = std::max(latest, t.deleted_at.unix_ms);
    return Timestamp::from_unix_ms(latest + 60'000);
}

void add_check_ins(DivergedCopy& copy, Random& random, double share, uint64_t seed, const Timestamp& now)
{
    Workspace& w = copy.workspace;
    const Cycle* active = find_by_id(w.cycles, cycle_specs[2].id);
    std::vector<CheckIn> added;
    for (const KeyResult& kr : w.key_results) {
        const Objective* o = find_by_id(w.objectives, kr.objective);
        if (!active || !o || o->cycle != active->id || !random.chance(share))
            continue;
        CheckIn c;
        c.id = kr.id.substr(3).insert(0, "ci-") + "-s" + std::to_string(seed);
        c.key_result = kr.id;
        c.date = generated_today();
        c.value = kr.baseline.value_or(0);
        c.confidence = 0.6;
        c.note = "Extra reading from the copy with seed " + std::to_string(seed) + ".";
        c.recorded_at = now;
        added.push_back(std::move(c));
    }
    copy.expected.added = added.size();
    for (CheckIn& c : added)
        upsert_by_id(w.check_ins, std::move(c));
}

void edit_key_results(DivergedCopy& copy, Random& random, double share, const Timestamp& now)
{
    for (KeyResult& kr : copy.workspace.key_results) {
        if (!random.chance(share))
            continue;
        kr.title += " (revised)";
        kr.updated_at = now;
        ++copy.expected.changed;
    }
}

void delete_tasks(DivergedCopy& copy, Random& random, double share, const Timestamp& now)
{
    Workspace& w = copy.workspace;
    std::vector<Id> gone;
    std::erase_if(w.tasks, [&](const Task& task) {
        if (!random.chance(share))
            return false;
        gone.push_back(task.id);
        return true;
    });
    for (const Id& id : gone) {
        Tombstone t;
        t.id = id;
        t.deleted_at = now;
        upsert_by_id(w.deleted, std::move(t));
    }
    copy.expected.deleted = gone.size();
}

// Both sides edited these at the same instant: the original keeps its text, the copy
// changes the description, and the merge must list each pair as a conflict.
void conflicting_edits(DivergedCopy& copy, Random& random, double share, uint64_t seed)
{
    for (Objective& o : copy.workspace.objectives) {
        if (!random.chance(share))
            continue;
        o.description = "Reworded in the copy with seed " + std::to_string(seed) + ".";
        ++copy.expected.conflicts;
    }
}

}  // namespace

Date generated_today()
{
    // 2027 Q1's weekly check-ins fall on the Mondays from 2027-01-04 (up to two days later);
    // the 12th is on 2027-03-22..24.
    return Date::from_civil(2027, 3, 24);
}

Workspace generate_workspace(const GeneratorOptions& options)
{
    return Generator(options).run();
}

DivergedCopy diverged_copy(const Workspace& original, uint64_t seed, double share)
{
    DivergedCopy copy{original, {}};
    Random random(seed * 7919 + 17);
    const Timestamp now = after_everything(original);
    add_check_ins(copy, random, share, seed, now);
    edit_key_results(copy, random, share, now);
    delete_tasks(copy, random, share, now);
    conflicting_edits(copy, random, share, seed);
    copy.workspace.info.updated_at = now;
    return copy;
}

}  // namespace okr::bench
