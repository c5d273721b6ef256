#pragma once
// "1 state", "7 states": messages and details read as sentences.
#include <string>
#include <string_view>

namespace collapse {

inline std::string counted(unsigned long long n, std::string_view singular, std::string_view plural = {}) {
    std::string noun(n == 1 ? singular : plural.empty() ? std::string(singular) + "s" : std::string(plural));
    return std::to_string(n) + " " + noun;
}

}  // namespace collapse
