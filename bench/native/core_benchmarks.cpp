// Native benchmarks of the core on generated workspaces of 100, 1,000 and 10,000 objectives
// (bench/generator): import, export, merge of two diverged copies, progress of the active
// cycle, the coach's findings. Beside them, a bare simdjson On-Demand parse of the same
// bytes that touches every value: the least that reading the file can cost. After the run a
// table gives each figure as time, MB/s of the file, and its ratio to that parse.
//
//   okr_benchmarks [--data=DIR] [--sizes=100,1000,10000] [Google Benchmark flags]
//
// DIR holds workspace-N.okr.json (bench/native/run writes them with okr-generate); a size
// whose file is missing is generated in memory with seed 1, which gives the same bytes.

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/coach.hpp"
#include "core/export.hpp"
#include "core/import.hpp"
#include "core/merge.hpp"
#include "core/progress.hpp"
#include "core/progress_index.hpp"
#include "generator/workspace_generator.hpp"

namespace {

using okr::Workspace;

std::string data_dir = "build/bench-data";

// ---- inputs, loaded once per size ------------------------------------------------------------

struct Input {
    std::string bytes;
    simdjson::padded_string padded;
    Workspace workspace;
    Workspace ours;    // two copies of `workspace` that went their own ways
    Workspace theirs;
};

std::string read_or_generate(int objectives)
{
    const std::string path = data_dir + "/workspace-" + std::to_string(objectives) + ".okr.json";
    if (std::ifstream file{path, std::ios::binary}) {
        std::ostringstream text;
        text << file.rdbuf();
        return text.str();
    }
    std::fprintf(stderr, "%s not found: generating %d objectives in memory\n", path.c_str(), objectives);
    return okr::export_workspace(okr::bench::generate_workspace({objectives, 1}));
}

const Input& input(int objectives)
{
    static std::map<int, std::unique_ptr<Input>> inputs;
    auto& slot = inputs[objectives];
    if (slot)
        return *slot;

    slot = std::make_unique<Input>();
    slot->bytes = read_or_generate(objectives);
    slot->padded = simdjson::padded_string(slot->bytes);
    okr::ImportResult imported = okr::import_workspace(slot->bytes);
    if (imported.refused())
        throw std::runtime_error("generated workspace refused: " + okr::to_string(imported.refusals.front()));
    slot->workspace = std::move(*imported.workspace);
    slot->ours = okr::bench::diverged_copy(slot->workspace, 1).workspace;
    slot->theirs = okr::bench::diverged_copy(slot->workspace, 2).workspace;
    return *slot;
}

void count_bytes(benchmark::State& state, const Input& in)
{
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(in.bytes.size()));
    state.counters["file_MB"] = static_cast<double>(in.bytes.size()) / 1e6;
}

// ---- simdjson: every value visited, nothing skipped ----------------------------------------

simdjson::error_code visit(simdjson::ondemand::value value, uint64_t& sink);

simdjson::error_code visit_object(simdjson::ondemand::object object, uint64_t& sink)
{
    for (auto field : object) {
        std::string_view key;
        if (auto error = field.unescaped_key().get(key))
            return error;
        sink += key.size();
        simdjson::ondemand::value value;
        if (auto error = field.value().get(value))
            return error;
        if (auto error = visit(value, sink))
            return error;
    }
    return simdjson::SUCCESS;
}

simdjson::error_code visit(simdjson::ondemand::value value, uint64_t& sink)
{
    simdjson::ondemand::json_type type;
    if (auto error = value.type().get(type))
        return error;
    switch (type) {
    case simdjson::ondemand::json_type::object: {
        simdjson::ondemand::object object;
        if (auto error = value.get_object().get(object))
            return error;
        return visit_object(object, sink);
    }
    case simdjson::ondemand::json_type::array: {
        simdjson::ondemand::array array;
        if (auto error = value.get_array().get(array))
            return error;
        for (auto element : array) {
            simdjson::ondemand::value item;
            if (auto error = element.get(item))
                return error;
            if (auto error = visit(item, sink))
                return error;
        }
        return simdjson::SUCCESS;
    }
    case simdjson::ondemand::json_type::number: {
        double number = 0;
        if (auto error = value.get_double().get(number))
            return error;
        sink += static_cast<uint64_t>(number != 0);
        return simdjson::SUCCESS;
    }
    case simdjson::ondemand::json_type::string: {
        std::string_view text;
        if (auto error = value.get_string().get(text))
            return error;
        sink += text.size();
        return simdjson::SUCCESS;
    }
    case simdjson::ondemand::json_type::boolean: {
        bool flag = false;
        if (auto error = value.get_bool().get(flag))
            return error;
        sink += flag;
        return simdjson::SUCCESS;
    }
    case simdjson::ondemand::json_type::null:
        sink += value.is_null();
        return simdjson::SUCCESS;
    }
    return simdjson::SUCCESS;
}

void simdjson_parse(benchmark::State& state, int objectives)
{
    const Input& in = input(objectives);
    simdjson::ondemand::parser parser;
    for (auto _ : state) {
        uint64_t sink = 0;
        simdjson::ondemand::document document;
        simdjson::ondemand::object top;
        auto error = parser.iterate(in.padded).get(document);
        if (!error)
            error = document.get_object().get(top);
        if (!error)
            error = visit_object(top, sink);
        if (error) {
            state.SkipWithError(simdjson::error_message(error));
            break;
        }
        benchmark::DoNotOptimize(sink);
    }
    count_bytes(state, in);
}

// ---- the core ---------------------------------------------------------------------------------

void import(benchmark::State& state, int objectives)
{
    const Input& in = input(objectives);
    for (auto _ : state) {
        okr::ImportResult result = okr::import_workspace(in.bytes);
        benchmark::DoNotOptimize(result.workspace);
    }
    count_bytes(state, in);
}

void export_(benchmark::State& state, int objectives)
{
    const Input& in = input(objectives);
    for (auto _ : state) {
        std::string text = okr::export_workspace(in.workspace);
        benchmark::DoNotOptimize(text.data());
    }
    count_bytes(state, in);
}

void merge(benchmark::State& state, int objectives)
{
    const Input& in = input(objectives);
    for (auto _ : state) {
        okr::MergeResult result = okr::merge_workspaces(in.ours, in.theirs);
        benchmark::DoNotOptimize(result.merged.check_ins.data());
    }
    count_bytes(state, in);
}

// The same merge giving theirs up, as an import of a file just read can: what both copies
// hold alike moves instead of being copied. Copying theirs for each run is not timed.
void merge_consuming(benchmark::State& state, int objectives)
{
    const Input& in = input(objectives);
    for (auto _ : state) {
        state.PauseTiming();
        auto theirs = std::make_unique<Workspace>(in.theirs);
        state.ResumeTiming();
        okr::MergeResult result = okr::merge_workspaces(in.ours, std::move(*theirs));
        benchmark::DoNotOptimize(result.merged.check_ins.data());
        state.PauseTiming();
        theirs.reset();
        state.ResumeTiming();
    }
    count_bytes(state, in);
}

const okr::Cycle* active_cycle(const Workspace& w)
{
    for (const okr::Cycle& cycle : w.cycles)
        if (cycle.state == okr::CycleState::active)
            return &cycle;
    return nullptr;
}

// Every KR's progress and every objective's roll-up in the active cycle, as a view shows
// them: one index of the workspace, then a look-up per KR.
void progress(benchmark::State& state, int objectives)
{
    const Input& in = input(objectives);
    const okr::Cycle* cycle = active_cycle(in.workspace);
    for (auto _ : state) {
        const okr::ProgressIndex index(in.workspace);
        double sum = 0;
        for (const okr::Objective& objective : in.workspace.objectives) {
            if (objective.cycle != cycle->id)
                continue;
            for (const okr::KeyResult* kr : index.key_results_of(objective.id))
                sum += okr::key_result_progress(index, *kr).progress.value_or(0);
            sum += okr::objective_progress(index, objective).value_or(0);
        }
        benchmark::DoNotOptimize(sum);
    }
    count_bytes(state, in);
}

// The same through the per-KR functions without an index, as src/app/insights.cpp and
// `okr report` call them today: each call scans the workspace's check-ins.
void progress_per_kr(benchmark::State& state, int objectives)
{
    const Input& in = input(objectives);
    const okr::Cycle* cycle = active_cycle(in.workspace);
    for (auto _ : state) {
        double sum = 0;
        for (const okr::Objective& objective : in.workspace.objectives) {
            if (objective.cycle != cycle->id)
                continue;
            for (const okr::KeyResult* kr : okr::key_results_of(in.workspace, objective.id))
                sum += okr::key_result_progress(in.workspace, *kr).progress.value_or(0);
            sum += okr::objective_progress(in.workspace, objective).value_or(0);
        }
        benchmark::DoNotOptimize(sum);
    }
    count_bytes(state, in);
}

void coach(benchmark::State& state, int objectives)
{
    const Input& in = input(objectives);
    for (auto _ : state) {
        std::vector<okr::Finding> findings = okr::coach_findings(in.workspace, okr::bench::generated_today());
        benchmark::DoNotOptimize(findings.data());
    }
    count_bytes(state, in);
}

// ---- the summary table ------------------------------------------------------------------------

// Prints the usual console lines, then one table with each figure's ratio to the simdjson
// parse of the same size.
class SummaryReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs)
            if (run.run_type == Run::RT_Iteration && !run.error_occurred && run.iterations > 0)
                rows_.push_back(row_of(run));
    }

    void Finalize() override
    {
        ConsoleReporter::Finalize();
        std::map<std::string, double> simdjson_seconds;
        for (const Row& row : rows_)
            if (row.operation == "simdjson_parse")
                simdjson_seconds[row.size] = row.cpu_seconds;

        std::printf("\n%-16s %7s %9s %12s %12s %10s %11s\n", "operation", "size", "file MB", "CPU ms", "wall ms",
                    "MB/s", "x simdjson");
        for (const Row& row : rows_) {
            const auto base = simdjson_seconds.find(row.size);
            char ratio[32] = "-";
            if (base != simdjson_seconds.end() && base->second > 0)
                std::snprintf(ratio, sizeof ratio, "%.1f", row.cpu_seconds / base->second);
            std::printf("%-16s %7s %9.1f %12.2f %12.2f %10.1f %11s\n", row.operation.c_str(), row.size.c_str(),
                        row.file_megabytes, row.cpu_seconds * 1e3, row.wall_seconds * 1e3,
                        row.file_megabytes / row.cpu_seconds, ratio);
        }
        std::fflush(stdout);
    }

private:
    // Times are CPU time of the benchmark's thread: on a shared machine the wall clock also
    // counts the time other processes held the core. MB/s is of the file's bytes.
    struct Row {
        std::string operation;
        std::string size;
        double cpu_seconds = 0;
        double wall_seconds = 0;
        double file_megabytes = 0;
    };

    static Row row_of(const Run& run)
    {
        const std::string name = run.benchmark_name();  // "import/1000"
        const auto slash = name.find('/');
        const auto end = name.find('/', slash + 1);
        const auto iterations = static_cast<double>(run.iterations);
        Row row{name.substr(0, slash), slash == std::string::npos ? "" : name.substr(slash + 1, end - slash - 1),
                run.cpu_accumulated_time / iterations, run.real_accumulated_time / iterations, 0};
        if (const auto file = run.counters.find("file_MB"); file != run.counters.end())
            row.file_megabytes = file->second.value;
        return row;
    }

    std::vector<Row> rows_;
};

std::vector<int> parse_sizes(const std::string& list)
{
    std::vector<int> sizes;
    std::stringstream stream(list);
    for (std::string item; std::getline(stream, item, ',');)
        sizes.push_back(std::stoi(item));
    return sizes;
}

void register_all(const std::vector<int>& sizes)
{
    using Body = void (*)(benchmark::State&, int);
    const std::pair<const char*, Body> operations[] = {
        {"simdjson_parse", simdjson_parse}, {"import", import},   {"export", export_},
        {"merge", merge},                   {"merge_consuming", merge_consuming},
        {"progress", progress},             {"progress_per_kr", progress_per_kr},
        {"coach", coach}};
    for (int size : sizes)
        for (const auto& [name, body] : operations) {
            // Quadratic: about four minutes at 10,000 objectives (docs/benchmarks.md).
            if (body == progress_per_kr && size > 1000)
                continue;
            const std::string full = std::string(name) + "/" + std::to_string(size);
            benchmark::RegisterBenchmark(full.c_str(), body, size)->Unit(benchmark::kMillisecond);
        }
}

}  // namespace

int main(int argc, char** argv)
{
    std::vector<int> sizes = {100, 1000, 10000};
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (std::strncmp(argv[i], "--data=", 7) == 0)
            data_dir = argv[i] + 7;
        else if (std::strncmp(argv[i], "--sizes=", 8) == 0)
            sizes = parse_sizes(argv[i] + 8);
        else
            rest.push_back(argv[i]);
    }
    int rest_count = static_cast<int>(rest.size());
    benchmark::Initialize(&rest_count, rest.data());
    if (benchmark::ReportUnrecognizedArguments(rest_count, rest.data()))
        return 2;

    register_all(sizes);
    SummaryReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
