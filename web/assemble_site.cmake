# Puts the built page together, after each link of app.js:
#   SITE/index.html, manifest, icons and service worker, for serving over http(s);
#   OUT_SINGLE: one self-contained .html (script, wasm, font and icon inside) to run from
#   disk or mail to a colleague.
# Run as: cmake -DSOURCE=<repo> -DSITE=<site dir> -DOUT_SINGLE=<file> -P assemble_site.cmake

file(READ "${SOURCE}/web/index.html" page)
file(COPY "${SOURCE}/web/manifest.webmanifest" DESTINATION "${SITE}")
file(COPY "${SOURCE}/assets/icons/icon-192.png" "${SOURCE}/assets/icons/icon-512.png" "${SOURCE}/assets/icons/icon.svg"
     DESTINATION "${SITE}/icons")
file(WRITE "${SITE}/index.html" "${page}")

# The service worker's cache is named after the build, so that a new build replaces it.
file(SHA256 "${SITE}/app.js" script_hash)
string(SUBSTRING "${script_hash}" 0 16 OKR_BUILD_ID)
configure_file("${SOURCE}/web/service-worker.js" "${SITE}/service-worker.js" @ONLY)

# One file: the lines marked "served only" go (a manifest and a service worker need
# http(s)), the icon becomes a data: URL, and app.js moves inside a script element. A
# "</script" inside it would end that element early, so it is written "<\/script".
file(READ "${SOURCE}/assets/icons/icon.svg" icon)
string(REPLACE "\n" "" icon "${icon}")
string(REPLACE "%" "%25" icon "${icon}")
string(REPLACE "#" "%23" icon "${icon}")
string(REPLACE "<" "%3C" icon "${icon}")
string(REPLACE ">" "%3E" icon "${icon}")
string(REPLACE "\"" "'" icon "${icon}")

file(READ "${SITE}/app.js" script)
string(REPLACE "</script" "<\\/script" script "${script}")

string(REGEX REPLACE "[^\n]*served only[^\n]*\n" "" single "${page}")
string(REPLACE "href=\"icons/icon.svg\"" "href=\"data:image/svg+xml,${icon}\"" single "${single}")
string(REPLACE "<script src=\"app.js\"></script>" "<script>\n${script}\n  </script>" single "${single}")
file(WRITE "${OUT_SINGLE}" "${single}")
