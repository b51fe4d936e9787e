#pragma once
// Synthetic workspaces for benchmarks and scale tests: N objectives of a company whose
// teams form a tree, spread over four quarters (two closed, one active, one draft), with
// 4 key results each, weekly check-ins, KPIs, tasks, dependencies, retrospectives and a
// few tombstones. Built through the core model and written by the core exporter, so the
// file is canonical and valid against docs/file-format.md.
//
// Deterministic: the same options give the same workspace, byte for byte once exported,
// on every platform (the generator uses its own random numbers, not <random>'s
// distributions, whose results the standard leaves to each library).

#include <cstddef>
#include <cstdint>

#include "core/model.hpp"

namespace okr::bench {

struct GeneratorOptions {
    int objectives = 1000;
    uint64_t seed = 1;
};

// The day the generated active cycle is seen on: the Wednesday of its 12th week, after
// the 12th weekly check-in. Pace, check-in-due and the coach are judged against it.
Date generated_today();

Workspace generate_workspace(const GeneratorOptions& options);

// What merging a diverged copy into the workspace it came from reports.
struct Divergence {
    std::size_t added = 0;      // new check-ins
    std::size_t changed = 0;    // key results edited later in the copy
    std::size_t deleted = 0;    // tasks the copy deleted (each leaves a tombstone)
    std::size_t conflicts = 0;  // objectives edited in both at the same instant
};

struct DivergedCopy {
    Workspace workspace;
    Divergence expected;  // of merge_workspaces(original, copy)
};

// A teammate's copy of `original` that went its own way: about `share` of the active
// cycle's key results get a new check-in, as many again are edited, tasks are deleted and
// objectives edited at the very instant of the original's last edit. Different seeds pick
// different entities; the ids the copy adds carry the seed, so two copies never collide.
DivergedCopy diverged_copy(const Workspace& original, uint64_t seed, double share = 0.01);

}  // namespace okr::bench
