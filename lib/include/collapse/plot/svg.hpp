#pragma once
// A small SVG writer for the figures of `collapse plot`. Hand-written: Debian 12 packages no
// C++ SVG library that fits (cairo would pull a renderer in for a text format), and the
// figures need only lines, polygons, text and tooltips. Every coordinate is printed with a
// fixed number of decimals, so the same figure is the same bytes on every run.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace collapse::plot {

/// Text made safe for SVG content and attribute values (& < > " ').
std::string escape_xml(std::string_view text);

/// `value` with exactly `decimals` decimals ("-0.00" is written "0.00"): locale-independent.
std::string format_fixed(double value, int decimals);

/// Axis ticks at round numbers (1, 2 or 5 times a power of ten), about `target` of them: the
/// first at or below lo, the last at or above hi (so an axis may end on a tick), with the
/// decimals needed to print them distinctly.
struct Ticks {
    std::vector<double> values;
    int decimals = 0;
};
Ticks nice_ticks(double lo, double hi, int target = 6);

struct Point {
    double x = 0, y = 0;
};

enum class Anchor { start, middle, end };

class SvgDocument {
public:
    SvgDocument(double width, double height);
    double width() const { return width_; }
    double height() const { return height_; }

    /// A title (the model) and a subtitle (the guarantee of the numbers) at the top.
    void heading(const std::string& title, const std::string& subtitle);
    /// `tooltip`, when given, becomes an SVG <title>: viewers show it on hover.
    void text(Point at, std::string_view content, Anchor anchor = Anchor::start, double size = 12,
              std::string_view extra_attributes = "");
    void line(Point a, Point b, std::string_view stroke, double width = 1, std::string_view dash = "");
    void polyline(const std::vector<Point>& points, std::string_view stroke, double width = 1.5,
                  double opacity = 1, std::string_view dash = "");
    void polygon(const std::vector<Point>& points, std::string_view fill, std::string_view stroke = "none",
                 const std::string& tooltip = "");
    void rect(Point top_left, double w, double h, std::string_view fill, std::string_view stroke = "none",
              const std::string& tooltip = "");
    void circle(Point centre, double r, std::string_view fill, const std::string& tooltip = "");
    /// Colour swatches with labels, one per row, from `top_left`.
    void legend(Point top_left, const std::vector<std::pair<std::string, std::string>>& colour_and_label);
    /// The whole document, starting with the XML declaration.
    std::string str() const;

private:
    double width_, height_;
    std::string body_;
};

/// A rectangular plot area in pixels and the data ranges it shows.
class Axes {
public:
    Axes(Point top_left, double width, double height, double x_lo, double x_hi, double y_lo, double y_hi);
    Point at(double x, double y) const;
    /// Frame, ticks with their numbers, grid lines and axis labels.
    void draw(SvgDocument& doc, const std::string& x_label, const std::string& y_label, const Ticks& x_ticks,
              const Ticks& y_ticks) const;
    Point top_left() const { return top_left_; }
    double width() const { return width_; }
    double height() const { return height_; }

private:
    Point top_left_;
    double width_, height_, x_lo_, x_hi_, y_lo_, y_hi_;
};

/// Distinct colours for series 0, 1, 2, ... (cycling after eight).
std::string categorical_colour(std::size_t index);
/// A colour-blind-safe sequential scale (viridis stops, linearly interpolated), t in [0, 1].
std::string sequential_colour(double t);

/// The probability simplex of three symbols drawn as an equilateral triangle: vertex i is the
/// Dirac distribution on symbol i.
class Triangle {
public:
    /// The triangle fits in the square of side `side` whose top-left corner is `top_left`.
    Triangle(Point top_left, double side);
    /// The point of the distribution (p0, p1, p2), p0 + p1 + p2 = 1.
    Point at(double p0, double p1, double p2) const;
    /// Outline, light grid at 1/4, 1/2, 3/4 (when `grid`) and the vertex labels, `gap` pixels
    /// away from the vertices.
    void draw(SvgDocument& doc, const std::vector<std::string>& vertex_labels, bool grid = true,
              double gap = 8) const;
    double side() const { return side_; }

private:
    Point v0_, v1_, v2_;
    double side_;
};

}  // namespace collapse::plot
