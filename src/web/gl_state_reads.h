#pragma once
// Force-included into Dear ImGui's OpenGL3 backend alone (see CMakeLists.txt), ahead of its
// GL headers, so that its state reads go to src/web/gl_state_reads.cpp.
//
// The backend reads about twenty pieces of GL state back every frame so that it can restore
// them after drawing. In a browser, a read can wait for the GPU process to finish everything
// queued before it, the previous frame's drawing included: with software rendering those
// reads were 94 % of the main thread while the cascade scrolled (docs/benchmarks.md). The page
// is the only user of its WebGL context and the backend puts back what it read, so the state
// it reads is the same every frame: it is asked of WebGL once and remembered.

#define glGetIntegerv okr_remembered_glGetIntegerv
#define glIsEnabled okr_remembered_glIsEnabled
