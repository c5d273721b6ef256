# MPFI ships neither a CMake config nor a pkg-config file on Debian 12: find it by hand
# and expose the imported target MPFI::MPFI, which brings MPFR and GMP along.
#
#   MPFI_FOUND, MPFI_INCLUDE_DIR, MPFI_LIBRARY, MPFI_VERSION
#   MPFI::MPFI  (links MPFR and GMP through its INTERFACE_LINK_LIBRARIES)
find_path(MPFI_INCLUDE_DIR mpfi.h)
find_library(MPFI_LIBRARY NAMES mpfi)

# MPFR and GMP: pkg-config first (Debian ships mpfr.pc and gmp.pc), else by hand.
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(MPFI_MPFR QUIET IMPORTED_TARGET mpfr)
  pkg_check_modules(MPFI_GMP QUIET IMPORTED_TARGET gmp)
endif()
if(TARGET PkgConfig::MPFI_MPFR)
  set(_mpfi_mpfr PkgConfig::MPFI_MPFR)
else()
  find_path(MPFR_INCLUDE_DIR mpfr.h)
  find_library(MPFR_LIBRARY NAMES mpfr)
  mark_as_advanced(MPFR_INCLUDE_DIR MPFR_LIBRARY)
  set(_mpfi_mpfr ${MPFR_LIBRARY})
endif()
if(TARGET PkgConfig::MPFI_GMP)
  set(_mpfi_gmp PkgConfig::MPFI_GMP)
else()
  find_path(GMP_INCLUDE_DIR gmp.h)
  find_library(GMP_LIBRARY NAMES gmp)
  mark_as_advanced(GMP_INCLUDE_DIR GMP_LIBRARY)
  set(_mpfi_gmp ${GMP_LIBRARY})
endif()

if(MPFI_INCLUDE_DIR AND EXISTS "${MPFI_INCLUDE_DIR}/mpfi.h")
  file(STRINGS "${MPFI_INCLUDE_DIR}/mpfi.h" _mpfi_version_line
       REGEX "^#define[ \t]+MPFI_VERSION_STRING[ \t]+\"[^\"]*\"")
  string(REGEX REPLACE ".*\"([^\"]*)\".*" "\\1" MPFI_VERSION "${_mpfi_version_line}")
  unset(_mpfi_version_line)
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(MPFI
  REQUIRED_VARS MPFI_LIBRARY MPFI_INCLUDE_DIR _mpfi_mpfr _mpfi_gmp
  VERSION_VAR MPFI_VERSION)

if(MPFI_FOUND AND NOT TARGET MPFI::MPFI)
  add_library(MPFI::MPFI UNKNOWN IMPORTED)
  set_target_properties(MPFI::MPFI PROPERTIES
    IMPORTED_LOCATION "${MPFI_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${MPFI_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${_mpfi_mpfr};${_mpfi_gmp}")
  if(NOT TARGET PkgConfig::MPFI_MPFR AND MPFR_INCLUDE_DIR)
    set_property(TARGET MPFI::MPFI APPEND PROPERTY INTERFACE_INCLUDE_DIRECTORIES "${MPFR_INCLUDE_DIR}")
  endif()
  if(NOT TARGET PkgConfig::MPFI_GMP AND GMP_INCLUDE_DIR)
    set_property(TARGET MPFI::MPFI APPEND PROPERTY INTERFACE_INCLUDE_DIRECTORIES "${GMP_INCLUDE_DIR}")
  endif()
endif()
mark_as_advanced(MPFI_INCLUDE_DIR MPFI_LIBRARY)
