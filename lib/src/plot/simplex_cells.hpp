#pragma once
// Internal to the figures: states of C(3, N) drawn as cells on the triangle, and colour bars.
#include <collapse/plot/svg.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace collapse::plot::detail {

/// The empirical distribution c/N of a state label "c_0,c_1,...".
inline std::vector<double> shares_of(const std::string& label, double samples) {
    std::vector<double> out;
    for (std::size_t from = 0, comma; from <= label.size(); from = comma + 1) {
        comma = label.find(',', from);
        if (comma == std::string::npos) comma = label.size();
        out.push_back(std::stod(label.substr(from, comma - from)) / samples);
    }
    return out;
}

/// The label of the Dirac state N e_symbol.
inline std::string dirac_label(std::size_t symbols, std::uint64_t samples, std::size_t symbol) {
    std::string label;
    for (std::size_t i = 0; i < symbols; ++i) {
        if (i) label += ',';
        label += std::to_string(i == symbol ? samples : 0);
    }
    return label;
}

/// Radius of the hexagonal cells that tile the triangle's lattice of spacing side / N.
inline double cell_radius(const Triangle& triangle, double samples) {
    return triangle.side() / samples / std::sqrt(3.0);
}

/// The state `label` of C(3, N) as a hexagon coloured by t in [0, 1] (sequential scale).
inline void simplex_cell(SvgDocument& doc, const Triangle& triangle, double samples, const std::string& label,
                         double t, const std::string& tooltip) {
    const std::vector<double> c = shares_of(label, samples);
    const Point centre = triangle.at(c[0], c[1], c[2]);
    const double radius = cell_radius(triangle, samples);
    std::vector<Point> hexagon;
    for (int v = 0; v < 6; ++v) {
        const double angle = (30.0 + 60.0 * v) * 3.14159265358979323846 / 180.0;
        hexagon.push_back({centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)});
    }
    doc.polygon(hexagon, sequential_colour(t), "white", tooltip);
}

/// A horizontal colour bar from `top_left`, with labels at positions in [0, 1] and a caption.
inline void colour_bar(SvgDocument& doc, Point top_left, double width,
                       const std::vector<std::pair<double, std::string>>& ticks, const std::string& caption) {
    constexpr int segments = 60;
    for (int i = 0; i < segments; ++i)
        doc.rect({top_left.x + width * i / segments, top_left.y}, width / segments + 0.5, 14,
                 sequential_colour((i + 0.5) / segments));
    for (const auto& [at, text] : ticks) {
        const double x = top_left.x + width * at;
        doc.line({x, top_left.y + 14}, {x, top_left.y + 19}, "#333333");
        doc.text({x, top_left.y + 31}, text, Anchor::middle, 11);
    }
    doc.text({top_left.x + width / 2, top_left.y + 48}, caption, Anchor::middle, 12);
}

}  // namespace collapse::plot::detail
